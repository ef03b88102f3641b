// ESLint flat config: typescript-eslint, Next's rules (core web vitals) and react-hooks.
import js from "@eslint/js";
import nextVitals from "eslint-config-next/core-web-vitals";
import { createNodeResolver, importX } from "eslint-plugin-import-x";
import tseslint from "typescript-eslint";

/** An import specifier into the module's source (for selectors: tests use the public entries instead). */
const SOURCE_PATH = String.raw`/^@\/step-up(\/|$)|(^|\/)packages\/step-up\/src(\/|$)/`;

/** The method folders under packages/step-up/src/methods/, one per method id. */
const METHOD_FOLDERS = ["password", "totp", "passkey", "backup-code", "email-code"];

export default tseslint.config(
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      "src/generated/**",
      "packages/*/dist/**",
      "packages/*/src/generated/**",
      "test-results/**",
      "next-env.d.ts",
      // Hand-written declarations of the .mjs scripts: type-checked by tsc, not linted as JS.
      "scripts/**/*.d.mts",
      // The same for the example host apps.
      "examples/*/.next/**",
      "examples/*/src/generated/**",
      "examples/*/test-results/**",
      "examples/*/next-env.d.ts",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...nextVitals,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "max-len": ["error", { code: 120, ignoreUrls: true, ignoreStrings: true, ignoreTemplateLiterals: true }],
    },
  },
  {
    // The module's UI is a package of its own: it never reaches into the demo app that hosts it
    // (nor through the demo's @/ aliases, nor by a relative path out of packages/step-up).
    // Core rule, so typescript-eslint's no-restricted-imports of the engine and client still apply.
    // The whole module (ADR 016): it reaches its host only through the ports of createStepUp.
    files: ["packages/step-up/src/**/*.{ts,tsx}"],
    ignores: ["**/*.test.ts", "packages/step-up/src/generated/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/server/*", "@/app/*", "@/trpc/*", "@/generated/*", "@/*"],
              message: "The step-up module never imports its host app; use a relative path inside the package.",
            },
          ],
          // zod 3.25 (create-t3-app's default) carries v4 at zod/v4; zod 4 has it there too (ADR 031).
          paths: [{ name: "zod", message: 'Import "zod/v4": the peer range is zod ^3.25 || ^4 (ADR 031).' }],
        },
      ],
      // A relative path that leaves packages/step-up lands in another package (the demo): refused too.
      "import/no-relative-packages": "error",
    },
  },
  {
    // The module's async security code is linted with types: a promise nobody awaits is a check that
    // may not have happened, or a failure nobody sees. Deliberately unawaited calls say so with `void`.
    files: ["packages/step-up/src/**/*.{ts,tsx}"],
    ignores: ["packages/step-up/src/generated/**"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
    },
  },
  {
    // No import cycles in the module: a piece two files share lives in a small module of its own.
    // Type-only imports are erased at build time and are not counted.
    files: ["packages/step-up/src/**/*.{ts,tsx}"],
    ignores: ["packages/step-up/src/generated/**"],
    plugins: { "import-x": importX },
    settings: {
      // Dependencies are parsed as TypeScript too, or a cycle through a .ts file goes unseen.
      "import-x/extensions": [".ts", ".tsx", ".js", ".mjs"],
      "import-x/parsers": { "@typescript-eslint/parser": [".ts", ".tsx"] },
      "import-x/resolver-next": [createNodeResolver({ extensions: [".ts", ".tsx", ".js", ".mjs"] })],
    },
    rules: { "import-x/no-cycle": ["error", { ignoreExternal: true }] },
  },
  {
    // The engine is pure (docs/design.md): it never reaches the database, the framework or the clock's owner.
    files: ["packages/step-up/src/engine/**/*.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@prisma/*", "@/generated/*", "next", "next/*", "@trpc/*", "react", "server-only"],
              message: "The engine is pure.",
            },
            {
              group: ["@/server/*", "@/step-up/server/*", "@/step-up/client/*", "../server/*", "../client/*"],
              message: "The engine is pure.",
            },
          ],
        },
      ],
    },
  },
  {
    // A method is one unit (methods/<method>/): it reaches the server only through the ports it is given
    // (methods/ports.ts, type-only imports), and methods never import one another.
    files: ["packages/step-up/src/methods/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["../server/**", "../../server/**", "@/step-up/server/**"],
              message: "A method reaches the server only through its ports (methods/ports.ts): type imports only.",
              allowTypeImports: true,
            },
            {
              group: METHOD_FOLDERS.flatMap((method) => [`../${method}`, `../${method}/*`]),
              message: "Methods do not import each other: share through methods/ports.ts or the engine.",
            },
          ],
        },
      ],
    },
  },
  {
    // Tests use the module as a host does: only through the package's `exports` (@step-up/next/server,
    // /client, /engine, /testing, /testing/server…), never a path into packages/step-up/src. The module's
    // own unit tests, colocated in packages/step-up/src, are exempt.
    files: ["tests/**/*.{ts,tsx}", "packages/step-up/test/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^@/step-up(/|$)|(^|/)packages/step-up/src(/|$)",
              message: "Tests import the module through its public entries (@step-up/next/…), not its source files.",
            },
          ],
        },
      ],
      // The same for `await import(…)` and vi.mock(…), which no-restricted-imports does not see.
      "no-restricted-syntax": [
        "error",
        {
          selector: `ImportExpression[source.value=${SOURCE_PATH}], CallExpression[callee.object.name="vi"][arguments.0.value=${SOURCE_PATH}]`,
          message: "Tests import the module through its public entries (@step-up/next/…), not its source files.",
        },
      ],
    },
  },
  {
    // The package's own suites sit beside src/: no relative path into it either.
    files: ["packages/step-up/test/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^@/step-up(/|$)|(^|/)packages/step-up/src(/|$)|^(\\.\\./)+src(/|$)",
              message: "Tests import the module through its public entries (@step-up/next/…), not its source files.",
            },
          ],
        },
      ],
    },
  },
  {
    // Playwright fixtures call their continuation `use`; it is not React's hook.
    files: ["tests/e2e/**/*.ts"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    // Client code never imports server code: it would pull Prisma and Node crypto into the bundle.
    files: ["packages/step-up/src/client/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/server/*", "@/step-up/server/*", "../server/*", "server-only"],
              message: "Client code never imports server code.",
              // Type-only imports are erased at build time: the router's types may reach the client.
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
);
