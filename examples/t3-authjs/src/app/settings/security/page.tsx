import { SecuritySettings } from "@step-up/next/ui";

/** The module's panel: passkeys, authenticator app and backup codes (its own heading included). */
export default function SecurityPage() {
  return <SecuritySettings />;
}
