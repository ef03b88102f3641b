import "server-only";
import { verifyPassword } from "@/server/auth/password";
import { getPasswordHash } from "../server/store/credentials";
import { VERIFIED, failed, type Verifier } from "./verifier";

export const passwordVerifier: Verifier = {
  method: "password",
  async verify({ db, userId }, credential) {
    if (credential.length === 0 || credential.length > 1024) return failed("malformed");
    const passwordHash = await getPasswordHash(db, userId);
    if (!passwordHash) return failed("not_enrolled");
    return (await verifyPassword(passwordHash, credential)) ? VERIFIED : failed("invalid");
  },
};
