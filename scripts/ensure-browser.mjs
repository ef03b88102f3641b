#!/usr/bin/env node
// Makes sure the Playwright suites have a Chromium before they start (README: `npm test` on a fresh machine).
// Order: PLAYWRIGHT_CHROMIUM_PATH, Debian's /usr/bin/chromium, Playwright's own downloaded browser.
// None found: as root with apt, install Debian's chromium and the fonts the visual baselines were taken with;
// otherwise stop at once with the exact command to run. `.ci/run` relies on this script through `npm test`.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";

export const DEBIAN_CHROMIUM = "/usr/bin/chromium";
// Baselines in tests/visual depend on the fonts Chromium can find; these are the ones they were taken with.
const PACKAGES = ["chromium", "fonts-dejavu-core", "fonts-dejavu-extra"];
const FONT_FILE = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

function playwrightBrowser() {
  try {
    const { chromium } = createRequire(import.meta.url)("playwright-core");
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

function findChromium() {
  const configured = process.env.PLAYWRIGHT_CHROMIUM_PATH;
  if (configured) return existsSync(configured) ? configured : null;
  if (existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  return playwrightBrowser();
}

function canApt() {
  return process.getuid?.() === 0 && spawnSync("sh", ["-c", "command -v apt-get"], { stdio: "ignore" }).status === 0;
}

function install() {
  console.log(`ensure-browser: no Chromium found; installing Debian's ${PACKAGES.join(", ")} (about 30 s)`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  execFileSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", ...PACKAGES], { stdio: "inherit", env });
}

const found = findChromium();
if (found && existsSync(FONT_FILE)) {
  process.exit(0);
}
if (process.env.PLAYWRIGHT_CHROMIUM_PATH && !found) {
  console.error(`ensure-browser: PLAYWRIGHT_CHROMIUM_PATH=${process.env.PLAYWRIGHT_CHROMIUM_PATH} does not exist.`);
  process.exit(1);
}
if (canApt()) {
  install();
  if (!findChromium()) {
    console.error(`ensure-browser: installed ${PACKAGES.join(" ")} but ${DEBIAN_CHROMIUM} is still missing.`);
    process.exit(1);
  }
  process.exit(0);
}
const sudo = process.getuid?.() === 0 ? "" : "sudo ";
console.error(
  [
    found
      ? "ensure-browser: Chromium found, but not the DejaVu fonts the visual baselines use."
      : "ensure-browser: no Chromium for the Playwright suites.",
    "Install Debian's Chromium and fonts, then run `npm test` again:",
    `  ${sudo}apt-get update && ${sudo}apt-get install -y --no-install-recommends ${PACKAGES.join(" ")}`,
    "or point PLAYWRIGHT_CHROMIUM_PATH at a Chromium/Chrome binary.",
  ].join("\n"),
);
process.exit(1);
