import "server-only";

/**
 * Runs one user's verifications one at a time in this process: the attempt limits read the failure
 * counts, then record, so guesses sent in parallel must not all pass the check before any is recorded.
 * Per instance; several processes on one database need the database to reserve attempts (issue 13).
 */
export interface UserQueue {
  run<T>(userId: string, task: () => Promise<T>): Promise<T>;
}

export function createUserQueue(): UserQueue {
  const tails = new Map<string, Promise<unknown>>();
  return {
    run(userId, task) {
      const run = (tails.get(userId) ?? Promise.resolve()).then(task);
      const tail = run.catch(() => undefined);
      tails.set(userId, tail);
      void tail.then(() => {
        if (tails.get(userId) === tail) tails.delete(userId);
      });
      return run;
    },
  };
}
