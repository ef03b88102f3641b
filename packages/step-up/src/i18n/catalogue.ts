import type { StepUpLocale } from "./locale";
import { adminAr } from "./messages/admin.ar";
import { adminDe } from "./messages/admin.de";
import { adminEn, type AdminMessages } from "./messages/admin.en";
import { dialogAr } from "./messages/dialog.ar";
import { dialogDe } from "./messages/dialog.de";
import { dialogEn, type DialogMessages } from "./messages/dialog.en";
import { securityAr } from "./messages/security.ar";
import { securityDe } from "./messages/security.de";
import { securityEn, type SecurityMessages } from "./messages/security.en";

/** Every message the module shows, keyed "area.name"; English is the source type (docs/decisions/040). */
export type StepUpMessages = DialogMessages & SecurityMessages & AdminMessages;
export type StepUpMessageKey = keyof StepUpMessages;

/** The shipped catalogues: a missing key in any locale is a type error in its messages file. */
export const STEP_UP_MESSAGES: Record<StepUpLocale, StepUpMessages> = {
  en: { ...dialogEn, ...securityEn, ...adminEn },
  de: { ...dialogDe, ...securityDe, ...adminDe },
  ar: { ...dialogAr, ...securityAr, ...adminAr },
};
