/**
 * The router type the module's own React hooks are typed against: any app router that mounts
 * `stepUp.router` as `stepUp`. TEMPORARY: points at the demo's router until the module owns it.
 */
export type { AppRouter as StepUpApiRouter } from "@/server/routers/_app";
