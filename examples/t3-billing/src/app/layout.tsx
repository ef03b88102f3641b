import type { Metadata } from "next";
import type { ReactNode } from "react";
import { TRPCReactProvider } from "~/trpc/react";
import "@step-up/next/styles.css";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "T3 Billing", template: "%s · T3 Billing" },
  description: "Plans and billing for a small SaaS.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <TRPCReactProvider>{children}</TRPCReactProvider>
      </body>
    </html>
  );
}
