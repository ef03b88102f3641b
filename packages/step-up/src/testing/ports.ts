import type { StepUpMailer, StepUpMailMessage, StepUpUser, StepUpUsers } from "../server/ports";

/** The password every kit user has unless given another. */
export const TEST_PASSWORD = "test-password-1";

export interface TestUser {
  id: string;
  email: string | null;
  name: string;
  /** Default `TEST_PASSWORD`; null: an account without a password (`hasPassword: false`). */
  password?: string | null;
}

/** The `users` port over a map a test fills: `verifyPassword` compares with each user's known password. */
export interface TestUsers extends StepUpUsers {
  /** Adds (or replaces) a user; returns it with its password filled in. */
  add(user: Omit<TestUser, "password"> & { password?: string | null }): TestUser;
  get(userId: string): TestUser | undefined;
}

export function createTestUsers(initial: readonly TestUser[] = []): TestUsers {
  const users = new Map<string, TestUser>();
  const add: TestUsers["add"] = (user) => {
    const stored = { ...user, password: user.password === undefined ? TEST_PASSWORD : user.password };
    users.set(stored.id, stored);
    return stored;
  };
  initial.forEach(add);
  return {
    add,
    get: (userId) => users.get(userId),
    verifyPassword: (userId, password) => {
      const stored = users.get(userId)?.password;
      return Promise.resolve(typeof stored === "string" && stored === password);
    },
    find: (userId): Promise<StepUpUser | null> => {
      const user = users.get(userId);
      return Promise.resolve(user ? { email: user.email, name: user.name, hasPassword: user.password !== null } : null);
    },
    members: () =>
      Promise.resolve(
        [...users.values()].map((user) => ({
          userId: user.id,
          email: user.email ?? "",
          name: user.name,
          role: "member" as const,
        })),
      ),
  };
}

/** A mailer that keeps what it was asked to send, newest last. */
export interface TestMailbox extends StepUpMailer {
  readonly messages: readonly StepUpMailMessage[];
  /** The six-digit code of the newest message to `to`; throws when there is none. */
  lastCode(to: string): string;
  clear(): void;
}

export function createTestMailbox(): TestMailbox {
  const messages: StepUpMailMessage[] = [];
  return {
    messages,
    send: (message) => {
      messages.push({ ...message });
      return Promise.resolve();
    },
    lastCode: (to) => {
      const message = messages.findLast((m) => m.to === to);
      const code = message && /\b(\d{6})\b/.exec(`${message.subject}\n${message.text}`)?.[1];
      if (!code) throw new Error(`No email with a code was sent to ${to} (${messages.length} messages in all)`);
      return code;
    },
    clear: () => {
      messages.length = 0;
    },
  };
}
