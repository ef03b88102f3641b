import { afterEach, describe, expect, it } from "vitest";
import { runDoctor } from "./doctor";
import { GENERATOR, USER_MODEL, createFixtureHost, datasource } from "../../test/support/fixture-host";
import { readFragmentModels } from "./module-files";

/** `npx step-up doctor` reads a host's wiring from its files and names each fix (ADR 032). */
const hosts: { remove: () => void }[] = [];
afterEach(() => hosts.splice(0).forEach((host) => host.remove()));

const WIRED = {
  "src/server/api/trpc.ts": `import { initTRPC } from "@trpc/server";\nimport superjson from "superjson";\nimport { formatStepUpError } from "@step-up/next/server";\nconst t = initTRPC.create({\n  transformer: superjson,\n  errorFormatter: ({ shape, error }) => formatStepUpError(shape, error),\n});\n`,
  "src/server/step-up.ts": `export const stepUp = createStepUp({ db, relyingParty: { id: "app.example", name: "App", origin: "https://app.example" } });\n`,
  "src/app/layout.tsx": `import "@step-up/next/styles.css";\n`,
  ".env": `STEP_UP_SECRET="${"ab".repeat(32)}"\n`,
};

async function doctor(
  files: Record<string, string>,
  schema = `${GENERATOR}\n${datasource("sqlite")}\n${USER_MODEL}\n${readFragmentModels()}`,
) {
  const host = createFixtureHost({ config: false, schema, files });
  hosts.push(host);
  const lines: string[] = [];
  const ok = await runDoctor(host.root, (line) => lines.push(line));
  return { ok, out: lines.join("\n") };
}

describe("step-up doctor", () => {
  it("a wired host passes every check", async () => {
    const { ok, out } = await doctor(WIRED);
    expect(out).not.toContain("FIX");
    expect(ok).toBe(true);
  });

  it("each missing step is named with its fix", async () => {
    const { ok, out } = await doctor(
      {
        "src/server/api/trpc.ts": `import { initTRPC } from "@trpc/server";\nconst t = initTRPC.create({});\n`,
        "src/server/step-up.ts": "export const stepUp = createStepUp({ db });\n",
        "src/app/layout.tsx": "export default function Layout() {}\n",
        ".env": "STEP_UP_SECRET=short\n",
      },
      `${GENERATOR}\n${datasource("sqlite")}\n${USER_MODEL}`,
    );
    expect(ok).toBe(false);
    expect(out).toContain("FIX src/server/api/trpc.ts: the errorFormatter does not add data.stepUp");
    expect(out).toContain("formatStepUpError(shape, error)");
    expect(out).toContain("FIX src/server/api/trpc.ts: no Date-keeping transformer");
    expect(out).toContain("FIX STEP_UP_SECRET is not 64 hex characters");
    expect(out).toContain("the relying party comes from STEP_UP_ORIGIN, which is not set here"); // a FIX in production
    expect(out).toMatch(/FIX the Prisma schema lacks StepUpSession, .*\n {4}npx step-up init/);
    expect(out).toContain('import "@step-up/next/styles.css";   // once, in src/app/layout.tsx');
    expect(out).toContain("5 things to fix");
  });
});
