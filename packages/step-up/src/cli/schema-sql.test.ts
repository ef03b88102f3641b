import { describe, expect, it } from "vitest";
// @ts-expect-error -- a plain .mjs script without declarations
import { stepUpTablesSql } from "../../../../scripts/db/step-up-sql.mjs";
import { REPO_ROOT } from "../../test/support/fixture-host";
import { readTablesSql } from "./module-files";

/** The SQL the package ships (and init writes) is Prisma's own from-empty SQL of step-up.prisma today. */
describe("the shipped tables SQL", { timeout: 30_000 }, () => {
  it.each(["sqlite", "postgresql"] as const)(
    "%s: in step with step-up.prisma (else: node scripts/db/step-up-sql.mjs)",
    (provider) => {
      expect(readTablesSql(provider)).toBe(
        (stepUpTablesSql as (p: string, root: string) => string)(provider, REPO_ROOT),
      );
    },
  );
});
