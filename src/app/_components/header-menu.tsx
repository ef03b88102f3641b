"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef, useState, type ReactNode } from "react";

/**
 * On phones the navigation and the account sit behind a Menu button (a disclosure: aria-expanded,
 * aria-controls; Escape closes it and returns focus to the button; following a link closes it).
 * On wider screens the panel is `display: contents` and the button is hidden (globals.css).
 */
export function HeaderMenu({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const pathname = usePathname();
  const [shownFor, setShownFor] = useState(pathname);
  if (shownFor !== pathname) {
    // A navigation closes the menu (state adjusted during render, not in an effect).
    setShownFor(pathname);
    setOpen(false);
  }

  useEffect(() => {
    if (!open) return;
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [open]);

  return (
    <>
      <button
        ref={button}
        type="button"
        className="button secondary small menu-button"
        aria-expanded={open}
        aria-controls="header-menu"
        onClick={() => setOpen((value) => !value)}
      >
        Menu
      </button>
      <div id="header-menu" className="menu-panel" data-open={open}>
        {children}
      </div>
    </>
  );
}
