import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// The module reaches its host only through createStepUp's ports (docs/decisions/016): no source file
// imports the host's aliases or leaves the package by a relative path. Tests may use shared fixtures.
const ROOT = fileURLToPath(new URL(".", import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sources(full);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [full] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*)["']([^"']+)["']/g)].map((match) => match[1] ?? "");
}

describe("the module's boundary", () => {
  const files = sources(ROOT);

  it("finds the module's sources", () => {
    expect(files.length).toBeGreaterThan(80);
  });

  it("never imports the host app (no @/ alias) and never leaves the package by a relative path", () => {
    const offending = files.flatMap((file) =>
      imports(file)
        .filter(
          (spec) =>
            spec.startsWith("@/") || (spec.startsWith(".") && !path.resolve(path.dirname(file), spec).startsWith(ROOT)),
        )
        .map((spec) => `${path.relative(ROOT, file)} → ${spec}`),
    );
    expect(offending).toEqual([]);
  });
});
