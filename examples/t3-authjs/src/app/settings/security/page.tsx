// The module's panel: passkeys, authenticator app and backup codes (its own heading included).
export { SecuritySettingsPage as default } from "@step-up/next/ui";
