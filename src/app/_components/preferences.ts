/** The cookies the language-and-theme switch writes; read by src/app/preferences.server.ts. */
export const LOCALE_COOKIE = "locale";
export const THEME_COOKIE = "theme";
export const THEMES = ["system", "light", "dark"] as const;
export type DemoTheme = (typeof THEMES)[number];
