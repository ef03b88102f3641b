import type { StepUpMessageKey } from "../../../i18n/catalogue";
import type { Translate } from "../../../i18n/translator";
import { adminEn } from "../../../i18n/messages/admin.en";

/**
 * An audit event type in the admin's words, or null for a type the catalogue does not name (a newer
 * server's): the raw code stays beside it either way, as the CSV and the webhooks carry it.
 */
export function eventName(t: Translate, type: string): string | null {
  const key = `admin.event.${type}`;
  return key in adminEn ? t(key as StepUpMessageKey) : null;
}
