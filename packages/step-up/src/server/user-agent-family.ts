import "server-only";

// Order matters: Edge, Opera and Samsung also say "Chrome/", Chrome also says "Safari/".
const BROWSERS: ReadonlyArray<[RegExp, string]> = [
  [/\bEdg(?:e|A|iOS)?\//, "edge"],
  [/\b(?:OPR|Opera)\//, "opera"],
  [/\bSamsungBrowser\//, "samsung"],
  [/\b(?:Firefox|FxiOS)\//, "firefox"],
  [/\b(?:Chrome|HeadlessChrome|Chromium|CriOS)\//, "chrome"],
  [/\bSafari\//, "safari"],
];
// Android says "Linux", iPadOS may say "Mac OS X": the more specific systems come first.
const SYSTEMS: ReadonlyArray<[RegExp, string]> = [
  [/Android/, "android"],
  [/iPhone|iPad|iPod/, "ios"],
  [/Windows/, "windows"],
  [/CrOS/, "chromeos"],
  [/Mac OS X|Macintosh/, "macos"],
  [/Linux|X11/, "linux"],
];
const PRODUCT = /^([A-Za-z][\w.-]{0,39})(?:[/\s]|$)/;
const MAX_PARSED_LENGTH = 512;

/**
 * The browser family of a user agent, without versions ("chrome/windows", "firefox/linux"), so a
 * browser update keeps its remembered device while a cookie copied into another browser does not.
 * A client that is no known browser is named by its product token ("curl"); null when there is none.
 * The header is the client's own claim: this binding raises the bar for a copied cookie, it proves nothing.
 */
export function userAgentFamily(userAgent: string | null): string | null {
  const ua = userAgent?.trim().slice(0, MAX_PARSED_LENGTH);
  if (!ua) return null;
  const browser = BROWSERS.find(([pattern]) => pattern.test(ua))?.[1];
  const system = SYSTEMS.find(([pattern]) => pattern.test(ua))?.[1];
  if (browser || system) return `${browser ?? "other"}/${system ?? "other"}`;
  return PRODUCT.exec(ua)?.[1]?.toLowerCase() ?? null;
}
