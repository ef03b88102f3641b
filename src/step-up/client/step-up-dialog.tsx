"use client";

import { useEffect, useRef } from "react";
import type { StepUpController } from "./controller";
import { PromptBody } from "./prompt-body";
import { useControllerPrompt } from "./provider";
import styles from "./step-up-dialog.module.css";

/**
 * The verification dialog: a native modal <dialog> (top layer, inert background, Esc → cancel),
 * labelled by its title and described by the server's reason. Focus returns where it was.
 */
export function StepUpDialog({ controller }: { controller: StepUpController }) {
  const prompt = useControllerPrompt(controller);
  const ref = useRef<HTMLDialogElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const open = prompt !== null;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
      returnFocus.current?.focus();
      returnFocus.current = null;
    }
  }, [open]);

  return (
    <dialog
      ref={ref}
      className={styles.dialog}
      aria-labelledby="step-up-title"
      aria-describedby="step-up-reason"
      onCancel={(event) => {
        // Esc: cancel the verification (which closes the dialog) rather than just hiding it.
        event.preventDefault();
        void controller.cancel();
      }}
    >
      {prompt && <PromptBody key={prompt.id} prompt={prompt} controller={controller} />}
    </dialog>
  );
}
