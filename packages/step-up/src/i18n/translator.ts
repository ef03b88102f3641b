import { IntlMessageFormat, type PrimitiveType } from "intl-messageformat";
import type { StepUpMessageKey, StepUpMessages } from "./catalogue";

/** In plain text a message's `<b>`/`<a>` tags keep only their words. */
const join = (chunks: unknown[]) => chunks.join("");
const PLAIN_TAGS = { b: join, a: join, time: join };

export type MessageValues = Record<string, PrimitiveType>;

/** `t(key, values)`: an ICU message of the catalogue formatted for one locale; parsed once per key. */
export type Translate = (key: StepUpMessageKey, values?: MessageValues) => string;

/**
 * A translator over a complete catalogue. A message that does not parse (a host's override) is shown
 * as written rather than breaking the page: words are never worth a crash of a security dialog.
 */
export function createTranslator(locale: string, messages: StepUpMessages) {
  const compiled = new Map<StepUpMessageKey, IntlMessageFormat | string>();
  function compile(key: StepUpMessageKey): IntlMessageFormat | string {
    let message = compiled.get(key);
    if (message === undefined) {
      const source = messages[key];
      try {
        message = new IntlMessageFormat(source, locale);
      } catch {
        message = source;
      }
      compiled.set(key, message);
    }
    return message;
  }

  const t: Translate = (key, values) => {
    const message = compile(key);
    if (typeof message === "string") return message;
    const result = message.format({ ...PLAIN_TAGS, ...values });
    return Array.isArray(result) ? result.join("") : String(result);
  };

  /** A message with tags (`<b>…</b>`, `<a>…</a>`): each tag's function wraps its chunks. */
  function rich<T>(key: StepUpMessageKey, values: Record<string, PrimitiveType | T | ((chunks: (string | T)[]) => T)>) {
    const message = compile(key);
    if (typeof message === "string") return [message];
    const result = message.format<T>(values);
    return Array.isArray(result) ? result : [result];
  }

  return { t, rich };
}
