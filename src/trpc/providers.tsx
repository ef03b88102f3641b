"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { httpBatchLink } from "@trpc/client";
import { useState, type ReactNode } from "react";
import superjson from "superjson";
import { StepUpProvider, stepUpLink, useStepUpController } from "@step-up/next/client";
import { api } from "./react";

/** Step-up around tRPC: the link needs the provider's controller, so the client is built inside it. */
export function Providers({ children, locale }: { children: ReactNode; locale?: string }) {
  return (
    // The theme follows <html data-theme> (the switch) or the system: the provider's default "system".
    <StepUpProvider localization={{ locale }}>
      <TRPCProviders>{children}</TRPCProviders>
    </StepUpProvider>
  );
}

function TRPCProviders({ children }: { children: ReactNode }) {
  const controller = useStepUpController();
  const [queryClient] = useState(
    () =>
      new QueryClient({
        // Refused mutations are re-sent by the step-up link; React Query retrying too would double them.
        defaultOptions: { queries: { staleTime: 5_000, retry: 1 }, mutations: { retry: false } },
      }),
  );
  const [client] = useState(() =>
    api.createClient({
      links: [
        stepUpLink({ controller }),
        // The server refuses batches of more calls (MAX_BATCH_SIZE in src/server/http/trpc-handler.ts).
        httpBatchLink({ url: "/api/trpc", transformer: superjson, maxItems: 10 }),
      ],
    }),
  );
  return (
    <api.Provider client={client} queryClient={queryClient}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </api.Provider>
  );
}
