import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Providers } from "@/trpc/providers";
import { PreferencesSwitch } from "./_components/preferences-switch";
import { getPreferences } from "./preferences.server";
import "@step-up/next/styles.css";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Ledger", template: "%s · Ledger" },
  description: "A small bank that asks you to confirm it's you before sensitive actions.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const { locale, dir, theme } = await getPreferences();
  return (
    // data-theme only when chosen: without it the system's preference decides (globals.css, styles.css).
    <html lang={locale} dir={dir} data-theme={theme === "system" ? undefined : theme}>
      <body>
        <Providers locale={locale}>
          {children}
          <PreferencesSwitch locale={locale} theme={theme} />
        </Providers>
      </body>
    </html>
  );
}
