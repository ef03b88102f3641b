import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Providers } from "@/trpc/providers";
import "@step-up/next/styles.css";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Ledger", template: "%s · Ledger" },
  description: "A small bank that asks you to confirm it's you before sensitive actions.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
