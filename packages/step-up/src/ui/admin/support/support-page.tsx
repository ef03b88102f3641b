"use client";

import { StepUpRoot } from "../../parts/root";
import { SupportView } from "./support-view";

/** `…/support`: one member's pending requirements, grants and recent verifications. */
export function SupportPage() {
  return (
    <StepUpRoot>
      <h1>Support</h1>
      <p className="muted lead">
        Pick a member to see what is waiting for their verification, the grants they hold and their recent attempts.
      </p>
      <SupportView />
    </StepUpRoot>
  );
}
