import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

// The fragment is copied, not referenced: Prisma reads one schema folder. A module upgrade that
// changes it must be copied again, with a migration.
test("prisma/schema/step-up.prisma is the installed module's fragment, unchanged", () => {
  const installed = new URL(import.meta.resolve("@step-up/next/prisma/step-up.prisma"));
  const copied = new URL("../prisma/schema/step-up.prisma", import.meta.url);
  assert.equal(
    readFileSync(copied, "utf8"),
    readFileSync(installed, "utf8"),
    "Copy node_modules/@step-up/next/prisma/step-up.prisma into prisma/schema/ again and create a migration",
  );
});
