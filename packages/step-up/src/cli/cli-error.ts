/** A refusal the CLI prints as is (no stack) before exiting with status 1: it names the fix. */
export class CliError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "CliError";
  }
}
