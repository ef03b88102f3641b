import "server-only";
import nodemailer from "nodemailer";
import type { Mailer } from "./mailer";

/** Sends through any nodemailer transport URL, e.g. `smtps://user:pass@smtp.example.com:465`. */
export function createSmtpMailer(options: { url: string; from: string }): Mailer {
  const transport = nodemailer.createTransport(options.url);
  return {
    kind: "smtp",
    async send(message) {
      await transport.sendMail({ from: options.from, to: message.to, subject: message.subject, text: message.text });
    },
  };
}
