import { useEffect, useRef, type RefObject } from "react";

/**
 * The element the user last focused or pressed outside the dialog. A button that starts a protected
 * call is usually disabled while the call is pending, which drops focus to <body> before the dialog
 * opens; this remembers the button so closing the dialog can return focus there.
 */
export function useLastInteraction(dialog: RefObject<HTMLDialogElement | null>): RefObject<HTMLElement | null> {
  const last = useRef<HTMLElement | null>(null);
  useEffect(() => {
    function remember(event: Event) {
      const target = event.target;
      if (!(target instanceof HTMLElement) || dialog.current?.contains(target)) return;
      // A press on a button's icon or label counts for the button.
      last.current = target.closest<HTMLElement>(FOCUSABLE_TARGET) ?? target;
    }
    document.addEventListener("focusin", remember, true);
    document.addEventListener("pointerdown", remember, true);
    return () => {
      document.removeEventListener("focusin", remember, true);
      document.removeEventListener("pointerdown", remember, true);
    };
  }, [dialog]);
  return last;
}

const FOCUSABLE_TARGET = "button, input, select, textarea, a[href], [tabindex]";

/** Where focus goes back to: the focused element, or the one last used when focus had dropped to <body>. */
export function returnTarget(lastUsed: HTMLElement | null): HTMLElement | null {
  const active = document.activeElement;
  if (active instanceof HTMLElement && active !== document.body) return active;
  return lastUsed?.isConnected ? lastUsed : null;
}

/** The button that triggered the call is often disabled while it is pending: focus it once enabled. */
export function restoreFocus(element: HTMLElement) {
  if (!(element as HTMLButtonElement).disabled) return element.focus();
  const observer = new MutationObserver(() => {
    if ((element as HTMLButtonElement).disabled) return;
    observer.disconnect();
    if (document.activeElement === document.body || document.activeElement === null) element.focus();
  });
  observer.observe(element, { attributes: true, attributeFilter: ["disabled"] });
  // A call that re-runs after the verification can take a while; give up only after a generous wait.
  setTimeout(() => observer.disconnect(), 15_000);
}
