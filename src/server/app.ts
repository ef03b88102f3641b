import "server-only";
import type { StepUpConfig } from "@step-up/next/server";
import { db as defaultDb, type Database } from "./db";
import { selectMailer, type Mailer } from "./mail";
import { createAppRouter, type AppRouter } from "./routers/_app";
import { createDemoStepUp } from "./step-up";
import { createHttpEndpoints, type HttpEndpoints } from "./http/endpoints";
import { createCallerFactory, createContext, type AppServices } from "./trpc";

export interface DemoApp extends AppServices {
  router: AppRouter;
  /** Step-up outside tRPC: the JSON route and the Server Action (ADR 020). */
  http: HttpEndpoints;
}

/**
 * One app: a database, a clock, a step-up instance and the router that mounts it. Production has one
 * (`getDemoApp`); tests build one per database and clock.
 */
export function createDemoApp(
  options: { db: Database; now?: () => Date; config?: Partial<StepUpConfig>; mailer?: Mailer | null } = {
    db: defaultDb,
  },
): DemoApp {
  const now = options.now ?? (() => new Date());
  const mailer = options.mailer === undefined ? selectMailer() : options.mailer;
  const stepUp = createDemoStepUp({
    db: options.db,
    now,
    config: options.config,
    mailer,
    requestContext: (http) => createContext({ ...http, app: services }),
  });
  const services: AppServices = { db: options.db, now, mailer, stepUp };
  // The router mounts stepUp.router; the instance reads it (its catalog) from the first call on.
  const router: AppRouter = stepUp.attach(createAppRouter(stepUp));
  return { ...services, router, http: createHttpEndpoints(stepUp) };
}

let app: DemoApp | null = null;

/** The server's app, built on first use (not at import: `next build` must not need the secret). */
export function getDemoApp(): DemoApp {
  app ??= createDemoApp();
  return app;
}

export const createCaller = (app: DemoApp) => createCallerFactory(app.router);
