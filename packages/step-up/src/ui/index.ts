// Client components for the signed-in user's own pages (import "@step-up/next/styles.css" once).
export { SecuritySettings, SecuritySettingsPage, type SecuritySettingsProps } from "./security/security-settings";
