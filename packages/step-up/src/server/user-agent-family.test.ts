import { describe, expect, it } from "vitest";
import { userAgentFamily } from "./user-agent-family";

describe("userAgentFamily", () => {
  it.each<[string, string | null, string | null]>([
    [
      "Chrome on Windows",
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
      "chrome/windows",
    ],
    [
      "Chrome on macOS",
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
      "chrome/macos",
    ],
    [
      "headless Chrome on Linux (Playwright)",
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36",
      "chrome/linux",
    ],
    [
      "Edge on Windows (also says Chrome)",
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86",
      "edge/windows",
    ],
    [
      "Opera on Windows",
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 OPR/115.0.0.0",
      "opera/windows",
    ],
    ["Firefox on Linux", "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0", "firefox/linux"],
    [
      "Safari on macOS",
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
      "safari/macos",
    ],
    [
      "Safari on iPhone (not macOS)",
      "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
      "safari/ios",
    ],
    [
      "Chrome on iPhone",
      "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1",
      "chrome/ios",
    ],
    [
      "Chrome on Android (not Linux)",
      "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
      "chrome/android",
    ],
    [
      "Samsung Internet on Android",
      "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36",
      "samsung/android",
    ],
    ["Firefox on an unknown system", "Mozilla/5.0 (Plan 9; rv:133.0) Gecko/20100101 Firefox/133.0", "firefox/other"],
    ["curl, by its product token", "curl/8.5.0", "curl"],
    ["a script library", "python-requests/2.32.3", "python-requests"],
    ["a bare product name", "vitest-browser", "vitest-browser"],
    ["no header", null, null],
    ["an empty header", "   ", null],
    ["nothing that names a product", "/// ???", null],
  ])("%s", (_title, userAgent, expected) => {
    expect(userAgentFamily(userAgent)).toBe(expected);
  });

  it("ignores the version, so an updated browser keeps its family", () => {
    const v131 = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/131.0.0.0 Safari/537.36";
    expect(userAgentFamily(v131.replace("131.0.0.0", "132.0.6834.83"))).toBe(userAgentFamily(v131));
  });

  it("reads only the start of an absurdly long header", () => {
    expect(userAgentFamily(`curl/8 ${"x".repeat(100_000)} Firefox/1`)).toBe("curl");
  });
});
