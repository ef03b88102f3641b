// Client components, one per admin page, and the admin sub-navigation (import "@step-up/next/styles.css" once).
// The host guards each page (admins only) and gives `basePath` where it mounted them (default "/admin").
export { AdminNav } from "./parts/admin-nav";
export { PoliciesPage, NewPolicyPage, EditPolicyPage } from "./policies/policy-pages";
export { SimulatorPage } from "./simulator/simulator-page";
export { ProceduresPage } from "./procedures/procedures-page";
export { DevicesPage } from "./devices/devices-page";
export { AuditPage } from "./audit/audit-page";
export { SupportPage } from "./support/support-page";
export { WebhooksPage } from "./webhooks/webhooks-page";
