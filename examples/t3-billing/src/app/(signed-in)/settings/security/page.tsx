import { SecuritySettings } from "@step-up/next/ui";
import type { Metadata } from "next";

export const metadata: Metadata = { title: "Security" };

/** The module's panel: passkeys, authenticator app and backup codes (its own heading included). */
export default function SecurityPage() {
  return <SecuritySettings />;
}
