import canonicalize from "canonicalize";

/**
 * The string a critical grant is bound to: procedure path + RFC 8785 canonical JSON of the input.
 * The server hashes it with SHA-256 (node:crypto stays out of the pure engine).
 */
export function callBindingString(procedure: string, input: unknown): string {
  return `${procedure}\n${canonicalize(input === undefined ? null : input) ?? "null"}`;
}
