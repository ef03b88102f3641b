"use client";

import { StepUpProvider, stepUpLink, useStepUpController } from "@step-up/next/client";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { httpBatchLink } from "@trpc/client";
import { createTRPCReact } from "@trpc/react-query";
import { useState, type ReactNode } from "react";
import superjson from "superjson";
import type { AppRouter } from "~/server/api/root";

/** Typed React hooks for the app router (`api.billing.changePlan.useMutation()`). */
export const api = createTRPCReact<AppRouter>();

/** The step-up dialog around tRPC: the link needs the provider's controller, so the client is built inside it. */
export function TRPCReactProvider({ children }: { children: ReactNode }) {
  return (
    <StepUpProvider enrollHref="/settings/security">
      <TRPCClientProvider>{children}</TRPCClientProvider>
    </StepUpProvider>
  );
}

function TRPCClientProvider({ children }: { children: ReactNode }) {
  const controller = useStepUpController();
  // No automatic mutation retries: the step-up link re-sends a refused call itself.
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { mutations: { retry: false } } }));
  const [client] = useState(() =>
    api.createClient({
      links: [stepUpLink({ controller }), httpBatchLink({ url: "/api/trpc", transformer: superjson })],
    }),
  );
  return (
    <api.Provider client={client} queryClient={queryClient}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </api.Provider>
  );
}
