"use client";

import { describeCombination } from "../../../client/methods";
import type { StepUpOutputs } from "../../api";
import { FormStatus } from "../../parts/form-status";
import { LevelBadge } from "../parts/level-badge";

type Simulation = StepUpOutputs["admin"]["simulate"];

interface SimulationResultProps {
  simulation: Simulation | undefined;
  error: unknown;
  updating: boolean;
}

/** The engine's answer for the simulated call; a polite live region so changes are announced. */
export function SimulationResult({ simulation, error, updating }: SimulationResultProps) {
  return (
    <section className="sim-result" aria-labelledby="sim-result-title" aria-busy={updating}>
      <div className="sim-heading">
        <h3 id="sim-result-title">Result</h3>
        <span className="muted small" aria-hidden="true">
          {updating ? "Updating…" : ""}
        </span>
      </div>
      {error ? <FormStatus error={error} /> : null}
      <div aria-live="polite" className="stack">
        {simulation ? (
          <ResultBody simulation={simulation} />
        ) : (
          !error && <p className="muted">Fill in a call to see what it needs.</p>
        )}
      </div>
    </section>
  );
}

function ResultBody({ simulation }: { simulation: Simulation }) {
  return (
    <>
      <p className="sim-verdict" data-testid="sim-verdict">
        {simulation.required ? (
          <>
            Step-up required: <LevelBadge level={simulation.level} />
          </>
        ) : (
          <>
            No step-up needed <span className="muted small">(level {simulation.level})</span>
          </>
        )}
      </p>
      {simulation.reason && (
        <p>
          <span className="muted">Reason: </span>
          {simulation.reason}
        </p>
      )}
      {!simulation.protectedByStepUp && (
        <p className="notice">
          This procedure is not wrapped by stepUpProcedure, so it is never refused whatever the policies say.
        </p>
      )}
      {!simulation.required && simulation.satisfiedBy === "grant" && (
        <p className="muted small">
          The recent verification covers it (window {formatWindow(simulation.windowSeconds)}).
        </p>
      )}
      {simulation.degraded && (
        <p className="notice">
          This user cannot complete the normal combinations; a degraded one is offered and audited.
        </p>
      )}
      <div>
        <h4>Matching rules</h4>
        {simulation.matchedRules.length === 0 ? (
          <p className="muted small">No rule matches this call.</p>
        ) : (
          <ul className="plain-list">
            {simulation.matchedRules.map((rule) => (
              <li key={`${rule.policyId}-${rule.ruleIndex}`}>
                <strong>{rule.policyName}</strong>, rule {rule.ruleIndex + 1}: {rule.description} →{" "}
                <LevelBadge level={rule.level} />
                {rule.reportOnly && <span className="badge"> report only</span>}
              </li>
            ))}
          </ul>
        )}
      </div>
      {simulation.required && (
        <div>
          <h4>Ways to verify</h4>
          {simulation.combinations.length === 0 ? (
            <p className="muted small">
              None: this user has no method that meets the level and would be asked to enrol one.
            </p>
          ) : (
            <ul className="plain-list">
              {simulation.combinations.map((combination) => (
                <li key={combination.join("+")}>{describeCombination(combination)}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </>
  );
}

function formatWindow(seconds: number): string {
  return seconds >= 120 ? `${Math.round(seconds / 60)} min` : `${seconds} s`;
}
