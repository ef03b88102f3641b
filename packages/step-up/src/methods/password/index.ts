import "server-only";
import type { MethodModule } from "../method-module";
import { PASSWORD_LABELS } from "./labels";
import { passwordVerifier } from "./verify";

/** The account's password, checked by the host (the `users` port): the module never sees a hash. */
export const passwordMethod = {
  ...passwordVerifier,
  labels: PASSWORD_LABELS,
  // Accounts without a password (passwordless sign-in) say so with `hasPassword: false`.
  enrolled: async ({ user }) => {
    const person = await user;
    return person !== null && person.hasPassword !== false;
  },
} satisfies MethodModule;
