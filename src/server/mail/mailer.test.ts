import { createServer, type Server } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectMailer } from "./index";
import { createSmtpMailer } from "./smtp";

/** A minimal SMTP server: enough of RFC 5321 for nodemailer to hand over one message. */
function startSmtpServer(): Promise<{ server: Server; port: number; messages: string[] }> {
  const messages: string[] = [];
  const server = createServer((socket) => {
    let data: string | null = null;
    socket.write("220 test ESMTP\r\n");
    socket.on("data", (chunk) => {
      for (const line of chunk.toString().split("\r\n")) {
        if (data !== null) {
          if (line === ".") {
            messages.push(data);
            data = null;
            socket.write("250 queued\r\n");
          } else data += `${line}\n`;
        } else if (/^(EHLO|HELO)/i.test(line)) socket.write("250 test\r\n");
        else if (/^(MAIL FROM|RCPT TO)/i.test(line)) socket.write("250 ok\r\n");
        else if (/^DATA/i.test(line)) {
          data = "";
          socket.write("354 go ahead\r\n");
        } else if (/^QUIT/i.test(line)) socket.end("221 bye\r\n");
      }
    });
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({ server, port: (server.address() as { port: number }).port, messages }),
    ),
  );
}

describe("mailers", () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  beforeAll(async () => {
    smtp = await startSmtpServer();
  });
  afterAll(() => new Promise<void>((resolve) => smtp.server.close(() => resolve())));

  it("SMTP settings select SMTP; without them development uses the outbox and production offers no email codes", () => {
    expect(
      selectMailer({
        SMTP_URL: "smtp://mail.example:25",
        MAIL_FROM: "Bank <no-reply@bank.example>",
        NODE_ENV: "production",
      })?.kind,
    ).toBe("smtp");
    expect(selectMailer({ NODE_ENV: "development" })?.kind).toBe("outbox");
    expect(selectMailer({ SMTP_URL: "smtp://mail.example:25", NODE_ENV: "development" })?.kind).toBe("outbox");
    expect(selectMailer({ NODE_ENV: "production" })).toBeNull();
    expect(selectMailer({ NODE_ENV: "production", STEP_UP_DEMO: "1" })?.kind).toBe("outbox");
  });

  it("the SMTP mailer delivers the code email through nodemailer", async () => {
    const mailer = createSmtpMailer({
      url: `smtp://127.0.0.1:${smtp.port}?ignoreTLS=true`,
      from: "Bank <no-reply@bank.example>",
    });
    await mailer.send(
      { to: "alice@example.com", subject: "Your verification code: 123456", text: "Your verification code is 123456." },
      { db: null as never },
    );
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0]).toMatch(/^To: alice@example\.com$/m);
    expect(smtp.messages[0]).toMatch(/^From: Bank <no-reply@bank\.example>$/m);
    expect(smtp.messages[0]).toContain("Your verification code is 123456.");
  });
});
