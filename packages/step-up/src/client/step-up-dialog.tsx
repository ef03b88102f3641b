"use client";

import { useEffect, useRef, type KeyboardEvent } from "react";
import type { StepUpController } from "./controller";
import { PromptBody } from "./prompt-body";
import { useControllerPrompt } from "./controller-prompt";
import { restoreFocus, returnTarget, useLastInteraction } from "./return-focus";
import { useStepUpI18n } from "../i18n/context";
import { useThemeAttribute } from "./theme";
import styles from "./step-up-dialog.module.css";

/**
 * The verification dialog: a native modal <dialog> (top layer, inert background, Esc → cancel),
 * labelled by its title and described by the server's reason. Focus returns where it was.
 */
export function StepUpDialog({
  controller,
  enrollHref = DEFAULT_ENROLL_HREF,
}: {
  controller: StepUpController;
  enrollHref?: string;
}) {
  const prompt = useControllerPrompt(controller);
  const ref = useRef<HTMLDialogElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const lastUsed = useLastInteraction(ref);
  const open = prompt !== null;
  const { locale, dir } = useStepUpI18n();
  const theme = useThemeAttribute();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      returnFocus.current = returnTarget(lastUsed.current);
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
      if (returnFocus.current) restoreFocus(returnFocus.current);
      returnFocus.current = null;
    }
  }, [open, lastUsed]);

  return (
    <dialog
      ref={ref}
      // The global class carries the theme's colour scheme (styles.css); lang and dir follow the locale.
      className={`${styles.dialog} step-up-dialog`}
      lang={locale}
      dir={dir}
      data-theme={theme}
      aria-labelledby="step-up-title"
      aria-describedby="step-up-summary step-up-reason"
      onKeyDown={(event) => {
        if (event.key === "Tab" && ref.current) trapTab(ref.current, event);
      }}
      onCancel={(event) => {
        // Esc: cancel the verification (which closes the dialog) rather than just hiding it.
        event.preventDefault();
        void controller.cancel();
      }}
    >
      {prompt && <PromptBody key={prompt.id} prompt={prompt} controller={controller} enrollHref={enrollHref} />}
    </dialog>
  );
}

/** The demo app's enrollment page; apps with another path pass `enrollHref` to <StepUpProvider>. */
const DEFAULT_ENROLL_HREF = "/settings/security";

const FOCUSABLE =
  "button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), a[href], [tabindex]:not([tabindex='-1'])";

/** A modal <dialog> keeps the page inert but lets Tab reach the browser UI; wrap it inside instead. */
function trapTab(dialog: HTMLDialogElement, event: KeyboardEvent) {
  const focusable = Array.from(dialog.querySelectorAll<HTMLElement>(FOCUSABLE));
  const first = focusable[0];
  const last = focusable.at(-1);
  if (!first || !last) return;
  if (event.shiftKey && (document.activeElement === first || !dialog.contains(document.activeElement))) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}
