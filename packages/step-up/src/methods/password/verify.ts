import "server-only";
import { VERIFIED, failed, type Verifier } from "../verifier";

export const passwordVerifier: Verifier = {
  id: "password",
  async verify({ users, userId }, credential) {
    if (credential.length === 0 || credential.length > 1024) return failed("malformed");
    const user = await users.find(userId);
    if (!user || user.hasPassword === false) return failed("not_enrolled");
    // The host's own hashing (argon2, scrypt, bcrypt…): the module never sees a password hash.
    return (await users.verifyPassword(userId, credential)) ? VERIFIED : failed("invalid");
  },
};
