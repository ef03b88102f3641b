"use client";

import { StepUpRoot } from "../../parts/root";
import { ProceduresTable } from "./procedures-table";

/** `…/procedures`: the router's procedures with their declared, policy and effective levels. */
export function ProceduresPage() {
  return (
    <StepUpRoot>
      <h1>Procedures</h1>
      <p className="muted lead">
        Every tRPC procedure of the app, read from the router itself: the level its code declares, the highest level the
        current policies can give it, and the effective level.
      </p>
      <ProceduresTable />
    </StepUpRoot>
  );
}
