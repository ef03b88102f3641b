// Client components for the signed-in user's own pages (import "@step-up/next/styles.css" once).
export { SecuritySettings } from "./security/security-settings";
