import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// Lint rule for the pure core (docs/design.md, "Boundaries"): the engine receives a snapshot and the time, and never
// reaches for a framework, the database, Node built-ins or the clock.

const ENGINE_DIR = fileURLToPath(new URL(".", import.meta.url));
const sources = readdirSync(ENGINE_DIR)
  .filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts"))
  .map((file) => ({ file, text: stripComments(readFileSync(`${ENGINE_DIR}/${file}`, "utf8")) }));

const FORBIDDEN_IMPORTS: [string, RegExp][] = [
  ["Prisma", /^(@prisma\/|prisma$|.*generated\/prisma)/],
  ["Next", /^next($|\/)/],
  ["tRPC", /^@trpc\//],
  ["React", /^react($|-dom|\/)/],
  ["Node built-ins", /^node:/],
  ["fs / crypto and friends", /^(fs|crypto|path|os|child_process|http|https|net|url|util)($|\/)/],
  ["server-only", /^server-only$/],
  ["modules outside the engine", /^(\.\.\/|@\/)/],
];

const CLOCK_READS: [string, RegExp][] = [
  ["Date.now()", /\bDate\.now\s*\(/],
  ["new Date()", /\bnew\s+Date\s*\(/],
  ["performance.now()", /\bperformance\.now\s*\(/],
];

function stripComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
}

function importedModules(source: string): string[] {
  const pattern = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)["']([^"']+)["']/g;
  return [...source.matchAll(pattern)].map((match) => match[1] ?? "");
}

function violations(source: string): string[] {
  const imports = importedModules(source).flatMap((spec) =>
    FORBIDDEN_IMPORTS.filter(([, rule]) => rule.test(spec)).map(([name]) => `imports ${spec} (${name})`),
  );
  const clock = CLOCK_READS.filter(([, rule]) => rule.test(source)).map(([name]) => `reads the clock with ${name}`);
  return [...imports, ...clock];
}

describe("engine boundary", () => {
  it("scans the engine's modules", () => {
    expect(sources.map((s) => s.file)).toEqual(
      expect.arrayContaining(["evaluate.ts", "match.ts", "condition.ts", "index.ts"]),
    );
  });

  it.each(sources.map((s) => [s.file, s.text] as const))("%s stays pure", (_file, text) => {
    expect(violations(text)).toEqual([]);
  });
});

describe("boundary detector", () => {
  it.each([
    ['import { PrismaClient } from "@prisma/client";', "Prisma"],
    ['import { db } from "../server/db";', "outside the engine"],
    ['import { cookies } from "next/headers";', "Next"],
    ['import { TRPCError } from "@trpc/server";', "tRPC"],
    ['import { useState } from "react";', "React"],
    ['import { createHash } from "node:crypto";', "Node built-ins"],
    ['import { readFileSync } from "fs";', "fs / crypto"],
    ['const { randomBytes } = require("crypto");', "fs / crypto"],
    ['const mod = await import("node:fs");', "Node built-ins"],
    ['import "server-only";', "server-only"],
    ['import { store } from "../server/store";', "outside the engine"],
    ["const now = Date.now();", "Date.now()"],
    ["const today = new Date();", "new Date()"],
    ["const t = performance.now();", "performance.now()"],
  ])("flags %s", (source, expected) => {
    expect(violations(source).join("; ")).toContain(expected);
  });

  it.each([
    'import { z } from "zod";',
    'import { z } from "zod/v4";',
    'import type { Rule } from "./rules";',
    "const at = input.now; // never Date.now()",
    "/** Not new Date(), the injected now. */ const at = input.now;",
    "const expiresAt = input.now + ttlMs;",
  ])("allows %s", (source) => {
    expect(violations(stripComments(source))).toEqual([]);
  });
});
