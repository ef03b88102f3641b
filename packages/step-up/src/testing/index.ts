/**
 * `@step-up/next/testing`: a bare step-up instance on a test database, `elevate` (a grant without the
 * dialog), a controllable clock, TOTP codes and Chrome's virtual authenticator for Playwright. For
 * tests only: `elevate` refuses in production (docs/decisions/034-test-kit.md).
 *
 * Importing this entry loads no server code (it is safe in a Playwright test file); `createTestStepUp`
 * and `elevate` load the module's server code when called, so `server-only` must resolve there (see
 * the package README, "Testing your app").
 */
export { createTestStepUp, TEST_USER, type CreateTestStepUpOptions, type TestStepUp } from "./create-test-step-up";
export { elevate, ELEVATE_PROCEDURE, type ElevateOptions, type ElevateResult } from "./elevate";
export { createTestClock, TEST_CLOCK_START, type TestClock } from "./clock";
export { createTestDatabase, type TestDatabase } from "./database";
export {
  createTestMailbox,
  createTestUsers,
  TEST_PASSWORD,
  type TestMailbox,
  type TestUser,
  type TestUsers,
} from "./ports";
export { totpCode } from "./totp";
export {
  addVirtualAuthenticator,
  type PageWithCdp,
  type VirtualAuthenticator,
  type VirtualAuthenticatorOptions,
} from "./virtual-authenticator";
export type { TestContext, ReportedError } from "./test-instance";
export { catchStepUp, expectStepUpRequired, type CaughtRefusal } from "./refusals";
export { createSoftwareAuthenticator, type SoftwareAuthenticator } from "./software-authenticator";
