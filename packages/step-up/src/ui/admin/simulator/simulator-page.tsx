"use client";

import { StepUpRoot } from "../../parts/root";
import { Simulator } from "./simulator";

/** `…/simulator`: what a described call would need, from the engine the server uses. */
export function SimulatorPage({ defaultProcedure }: { defaultProcedure?: string }) {
  return (
    <StepUpRoot>
      <h1>Policy simulator</h1>
      <p className="muted lead">
        Describe a call and see, from the same engine the server uses, which rules match and what the user would be
        asked for.
      </p>
      <div className="card">
        <h2>Call context</h2>
        <Simulator defaultProcedure={defaultProcedure} />
      </div>
    </StepUpRoot>
  );
}
