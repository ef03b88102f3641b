"use client";

import { useState, type FormEvent } from "react";
import type { Combination, MethodId } from "../engine/levels";
import type { StepUpController, StepUpPrompt } from "./controller";
import { MethodField } from "./method-field";
import { METHOD_INFO, describeCombination, nextMethod } from "./methods";
import { getPasskeyCredential } from "./passkey";
import { DegradedNote } from "./degraded-note";
import { describeProblem, ProblemText, type Problem } from "./problems";
import { RefusalBody } from "./refusal-body";
import { formatSeconds, useCountdown } from "./use-countdown";
import { useEmailCode } from "./use-email-code";
import styles from "./step-up-dialog.module.css";

const LEVEL_LABEL = {
  medium: "Medium assurance",
  high: "High assurance",
  critical: "Critical: this action only",
} as const;

interface PromptBodyProps {
  prompt: StepUpPrompt;
  controller: StepUpController;
  /** Where the refusal view sends a user who must enrol a stronger method first. */
  enrollHref: string;
}

export function PromptBody({ prompt, controller, enrollHref }: PromptBodyProps) {
  const { payload } = prompt;
  const [chosen, setChosen] = useState<Combination | null>(() => initialChoice(payload.methods, prompt.preferred));
  const [done, setDone] = useState<MethodId[]>([]);
  // Paused when the call was refused: said at once, not after an answer the server would refuse anyway.
  const [problem, setProblem] = useState<Problem | null>(() =>
    payload.pausedFor ? { kind: "locked", scope: "user", until: Date.now() + payload.pausedFor * 1000 } : null,
  );
  const [pending, setPending] = useState(false);
  const [remember, setRemember] = useState(false);
  const email = useEmailCode(controller);
  const lockedFor = useCountdown(problem?.kind === "locked" ? problem.until : null);
  // The account's pause is a wait; a locked requirement is never retried, so a new one is the way on.
  const locked = problem?.kind === "locked" && problem.scope === "user" && lockedFor > 0;
  const mustRestart = problem?.kind === "expired" || (problem?.kind === "locked" && problem.scope === "requirement");
  const method = chosen ? nextMethod(chosen, done) : null;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!method || pending || locked) return;
    if (method === "email_code" && email.sentTo === null) return sendEmailCode();
    const form = event.currentTarget;
    setPending(true);
    try {
      const credential =
        method === "passkey"
          ? await getPasskeyCredential(controller)
          : String(new FormData(form).get("credential") ?? "");
      const result = await controller.verify({ method, credential, rememberDevice: remember });
      if (result.status === "pending") {
        setDone((d) => [...d, method]);
        setProblem(null);
      }
    } catch (error) {
      setProblem(describeProblem(error, method));
      // A rejected credential is spent: clear it so the next try starts empty.
      const input = form.querySelector<HTMLInputElement>("input[name=credential]");
      if (input) {
        input.value = "";
        input.focus();
      }
    } finally {
      setPending(false);
    }
  }

  async function sendEmailCode() {
    try {
      await email.send();
      setProblem(null);
    } catch (error) {
      setProblem(describeProblem(error, "email_code"));
    }
  }

  return (
    <div className={styles.body}>
      <p className={styles.level} data-level={payload.level}>
        {LEVEL_LABEL[payload.level]}
      </p>
      <h2 id="step-up-title" className={styles.title}>
        Confirm it’s you
      </h2>
      <p id="step-up-reason" className={styles.reason}>
        {payload.reason}.{payload.ruleReason && <> {sentence(payload.ruleReason)}</>}
      </p>
      {payload.summary && (
        // Server-rendered; the passkey's signature covers this exact text (ADR 022).
        <p id="step-up-summary" className={styles.summary}>
          <span className={styles.summaryLabel}>You are approving</span> {payload.summary}
        </p>
      )}
      {prompt.waiting > 1 && <WaitingActions actions={prompt.actions} />}
      {prompt.queued > 0 && (
        <p className={styles.note}>
          {prompt.queued} more verification{prompt.queued > 1 ? "s" : ""} after this one.
        </p>
      )}
      {payload.degraded && payload.methods.length > 0 && (
        <DegradedNote level={payload.level} methods={payload.methods} enrollHref={enrollHref} />
      )}

      {payload.methods.length === 0 ? (
        <RefusalBody level={payload.level} enrollHref={enrollHref} onLeave={() => void controller.cancel()} />
      ) : !chosen ? (
        <fieldset className={styles.picker} disabled={locked}>
          <legend className={styles.legend}>Choose how to verify</legend>
          {locked && problem && <PauseNotice problem={problem} lockedFor={lockedFor} />}
          {payload.methods.map((combination, i) => (
            <button
              key={combination.join("+")}
              type="button"
              className={styles.choice}
              autoFocus={i === 0}
              onClick={() => setChosen(combination)}
            >
              {describeCombination(combination)}
              {combination.length > 1 && <span className={styles.hint}>{combination.length} steps</span>}
            </button>
          ))}
        </fieldset>
      ) : (
        <form
          className={styles.form}
          // Not awaited: React ignores a handler's promise, and submit reports its own failures.
          onSubmit={(event) => void submit(event)}
        >
          {chosen.length > 1 && <Progress combination={chosen} done={done} />}
          {method && (
            <MethodField
              key={method}
              method={method}
              disabled={pending || locked || mustRestart}
              email={email}
              onResend={() => void sendEmailCode()}
            />
          )}
          {payload.canRemember && (
            <label className={styles.check}>
              <input
                type="checkbox"
                name="remember"
                checked={remember}
                // Nothing to trust while this verification cannot go on.
                disabled={locked || mustRestart}
                onChange={(e) => setRemember(e.target.checked)}
              />
              Trust this device for 24 hours
            </label>
          )}
          <div role="alert" className={styles.alert}>
            {problem && <ProblemText problem={problem} />}
          </div>
          {locked && <Countdown lockedFor={lockedFor} />}
          <div className={styles.actions}>
            {/* After a lock or expiry only a new verification helps; it offers every method again. */}
            {payload.methods.length > 1 && done.length === 0 && !mustRestart && (
              <button
                type="button"
                className={styles.link}
                // The account's pause holds for every method: switching would only hide the message.
                disabled={locked}
                onClick={() => {
                  setChosen(null);
                  setProblem(null);
                }}
              >
                Use another method
              </button>
            )}
            <button type="button" className={styles.secondary} onClick={() => void controller.cancel()}>
              Cancel
            </button>
            {mustRestart ? (
              <button type="button" className={styles.primary} onClick={() => controller.restart(chosen)}>
                Start again
              </button>
            ) : (
              <button
                type="submit"
                className={styles.primary}
                disabled={pending || locked || email.sending}
                aria-busy={pending || email.sending}
              >
                {submitLabel({
                  method,
                  pending,
                  sendingEmail: email.sending,
                  emailSent: email.sentTo !== null,
                  last: done.length + 1 >= chosen.length,
                })}
              </button>
            )}
          </div>
        </form>
      )}
      {(!chosen || payload.methods.length === 0) && (
        <div className={styles.actions}>
          <button type="button" className={styles.secondary} onClick={() => void controller.cancel()}>
            Cancel
          </button>
        </div>
      )}
    </div>
  );
}

/** A shared dialog names every action it completes, not just the one that set the level. */
function WaitingActions({ actions }: { actions: readonly string[] }) {
  return (
    <div className={styles.note}>
      <p id="step-up-waiting" className={styles.waitingTitle}>
        One verification completes all {actions.length} waiting actions:
      </p>
      <ul className={styles.waiting} aria-labelledby="step-up-waiting">
        {actions.map((action, i) => (
          <li key={i}>{action}</li>
        ))}
      </ul>
    </div>
  );
}

function Progress({ combination, done }: { combination: Combination; done: readonly MethodId[] }) {
  const current = nextMethod(combination, done);
  return (
    <ol
      className={styles.steps}
      aria-label={`Step ${Math.min(done.length + 1, combination.length)} of ${combination.length}`}
    >
      {combination.map((m) => (
        <li
          key={m}
          className={styles.step}
          data-state={done.includes(m) ? "done" : m === current ? "current" : "todo"}
          aria-current={m === current ? "step" : undefined}
        >
          {METHOD_INFO[m].label}
          {done.includes(m) && <span className={styles.visuallyHidden}> (verified)</span>}
        </li>
      ))}
    </ol>
  );
}

interface SubmitState {
  method: MethodId | null;
  pending: boolean;
  sendingEmail: boolean;
  emailSent: boolean;
  last: boolean;
}

function submitLabel({ method, pending, sendingEmail, emailSent, last }: SubmitState): string {
  if (method === "email_code" && !emailSent) return sendingEmail ? "Sending…" : "Send code";
  if (method === "passkey") return pending ? "Waiting for your passkey…" : METHOD_INFO.passkey.prompt;
  if (pending) return "Verifying…";
  return last ? "Verify" : "Continue";
}

/** An author's reason as a sentence: it may or may not end with a full stop. */
function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** The only combination, or the one chosen before "Start again" when it is still offered. */
function initialChoice(methods: Combination[], preferred: Combination | null): Combination | null {
  if (methods.length === 1) return methods[0] ?? null;
  const key = preferred?.join("+");
  return methods.find((combination) => combination.join("+") === key) ?? null;
}

function Countdown({ lockedFor }: { lockedFor: number }) {
  return (
    <p className={styles.countdown}>
      You can try again in <time dateTime={`PT${lockedFor}S`}>{formatSeconds(lockedFor)}</time>
    </p>
  );
}

/** The account's pause as the picker shows it: the same alert and countdown as the form's. */
function PauseNotice({ problem, lockedFor }: { problem: Problem; lockedFor: number }) {
  return (
    <>
      <div role="alert" className={styles.alert}>
        <ProblemText problem={problem} />
      </div>
      <Countdown lockedFor={lockedFor} />
    </>
  );
}
