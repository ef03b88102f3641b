import { useState } from "react";
import { getStepUpPayload } from "../shared/payload";
import type { StepUpController } from "./controller";
import { useCountdown } from "./use-countdown";

export interface EmailCodeState {
  /** Masked address the last code went to, or null before the first send. */
  sentTo: string | null;
  /** Seconds until "Resend" is allowed again. */
  resendIn: number;
  sending: boolean;
  /** Sends (or re-sends) the code; rejects with the server's error, e.g. RESEND_THROTTLED. */
  send(): Promise<void>;
}

/** The email-code step's send / resend state; the server throttles, the countdown mirrors it. */
export function useEmailCode(controller: StepUpController): EmailCodeState {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [resendAt, setResendAt] = useState<number | null>(null);
  const [sending, setSending] = useState(false);
  const resendIn = useCountdown(resendAt);

  async function send() {
    setSending(true);
    try {
      const result = await controller.challenge({ method: "email_code" });
      if (result.method !== "email_code") throw new Error("The server did not send an email code");
      setSentTo(result.sentTo);
      setResendAt(Date.now() + result.resendAfter * 1000);
    } catch (error) {
      const payload = getStepUpPayload(error);
      if (payload?.code === "RESEND_THROTTLED") setResendAt(Date.now() + payload.retryAfter * 1000);
      throw error;
    } finally {
      setSending(false);
    }
  }

  return { sentTo, resendIn, sending, send };
}
