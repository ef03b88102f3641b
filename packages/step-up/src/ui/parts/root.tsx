import type { ReactNode } from "react";

/**
 * The element every exported component renders first: the module's stylesheet applies only inside
 * `.step-up`, so the host's own classes of the same names (card, button, table…) keep their looks.
 */
export function StepUpRoot({ children }: { children: ReactNode }) {
  return <div className="step-up">{children}</div>;
}
