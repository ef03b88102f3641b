import type { ReactNode } from "react";
import styles from "./admin.module.css";

/**
 * A wide table's horizontal scroll box: focusable and named, so a keyboard user can scroll it with the
 * arrow keys and a screen reader announces what it holds (axe `scrollable-region-focusable`).
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className={`table-scroll ${styles.scroll}`} role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
