"use client";

import { useEffect, useRef, useState, type FormEvent } from "react";
import type { Combination, MethodId } from "../engine/levels";
import { richText, useStepUpI18n } from "../i18n/context";
import type { Translate } from "../i18n/translator";
import type { StepUpController, StepUpPrompt } from "./controller";
import { MethodField } from "./method-field";
import { combinationLabel, methodLabel, methodPrompt, nextMethod } from "./methods";
import { getPasskeyCredential } from "./passkey";
import { DegradedNote } from "./degraded-note";
import { PromptHeader } from "./prompt-header";
import { describeProblem, ProblemText, type Problem } from "./problems";
import { RefusalBody } from "./refusal-body";
import { useCountdown } from "./use-countdown";
import { useEmailCode } from "./use-email-code";
import styles from "./step-up-dialog.module.css";

interface PromptBodyProps {
  prompt: StepUpPrompt;
  controller: StepUpController;
  /** Where the refusal view sends a user who must enrol a stronger method first. */
  enrollHref: string;
}

export function PromptBody({ prompt, controller, enrollHref }: PromptBodyProps) {
  const { t } = useStepUpI18n();
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
  const form = useRef<HTMLFormElement>(null);
  const refocus = useFocusAfterFailure(form, pending);
  const autoSent = useRef(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!method || pending || locked) return;
    if (method === "email_code" && email.sentTo === null) return sendEmailCode();
    const current = event.currentTarget;
    setPending(true);
    try {
      const credential =
        method === "passkey"
          ? await getPasskeyCredential(controller)
          : String(new FormData(current).get("credential") ?? "");
      const result = await controller.verify({ method, credential, rememberDevice: remember });
      if (result.status === "pending") {
        setDone((d) => [...d, method]);
        setProblem(null);
      }
    } catch (error) {
      const next = describeProblem(error, method);
      setProblem(next);
      // A rejected credential is spent: clear it so the next try starts empty. One that never reached
      // the server was not: keep it, so "try again" is one press.
      const input = current.querySelector<HTMLInputElement>("input[name=credential]");
      if (input && next.kind !== "offline") input.value = "";
      refocus();
    } finally {
      setPending(false);
    }
  }

  async function sendEmailCode() {
    try {
      await email.send();
      setProblem(null);
    } catch (error) {
      const next = describeProblem(error, "email_code");
      setProblem(next.kind === "offline" ? { kind: "message", key: "dialog.offlineEmail" } : next);
      refocus();
    }
  }

  // Choosing an email code asks for one: a "Send code" press would only repeat the choice.
  useEffect(() => {
    if (method !== "email_code" || autoSent.current || locked) return;
    autoSent.current = true;
    void sendEmailCode();
    // Once per dialog; sendEmailCode reads the latest state when it runs.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [method, locked]);

  return (
    <div className={styles.body}>
      <PromptHeader prompt={prompt} chosen={chosen} />
      {prompt.waiting > 1 && <WaitingActions actions={prompt.actions} />}
      {prompt.queued > 0 && <p className={styles.note}>{t("dialog.queued", { count: prompt.queued })}</p>}
      {payload.degraded && payload.methods.length > 0 && (
        <DegradedNote methods={payload.methods} enrollHref={enrollHref} />
      )}

      {payload.methods.length === 0 ? (
        <RefusalBody level={payload.level} enrollHref={enrollHref} onRetry={() => controller.restart()} />
      ) : !chosen ? (
        <fieldset className={styles.picker} disabled={locked}>
          <legend className={styles.legend}>{t("dialog.choose")}</legend>
          {locked && problem && <PauseNotice problem={problem} lockedFor={lockedFor} />}
          {payload.methods.map((combination, i) => (
            <button
              key={combination.join("+")}
              type="button"
              className={styles.choice}
              autoFocus={i === 0}
              onClick={() => setChosen(combination)}
            >
              {combinationLabel(t, combination)}
              {combination.length > 1 && (
                <span className={styles.hint}>{t("dialog.steps", { count: combination.length })}</span>
              )}
            </button>
          ))}
        </fieldset>
      ) : (
        <form
          ref={form}
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
              {t("dialog.remember")}
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
                  autoSent.current = false;
                }}
              >
                {t("dialog.useAnother")}
              </button>
            )}
            <button type="button" className={styles.secondary} onClick={() => void controller.cancel()}>
              {t("dialog.cancel")}
            </button>
            {mustRestart ? (
              <button type="button" className={styles.primary} onClick={() => controller.restart(chosen)}>
                {t("dialog.startAgain")}
              </button>
            ) : (
              <button
                type="submit"
                className={styles.primary}
                disabled={pending || locked || email.sending}
                aria-busy={pending || email.sending}
              >
                {submitLabel(t, {
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
            {t("dialog.cancel")}
          </button>
        </div>
      )}
    </div>
  );
}

/**
 * After a failure, focus goes back where the user types (the field, else the form's first enabled
 * button), once the form is enabled again: a field that is still disabled cannot take focus, which
 * left it on <body> (tests/e2e/dialog-recovery.test.ts).
 */
function useFocusAfterFailure(form: React.RefObject<HTMLFormElement | null>, pending: boolean): () => void {
  const [request, setRequest] = useState(0);
  useEffect(() => {
    if (request === 0 || pending || !form.current) return;
    const target =
      form.current.querySelector<HTMLInputElement>("input[name=credential]:not(:disabled)") ??
      form.current.querySelector<HTMLButtonElement>("button[type=submit]:not(:disabled)") ??
      form.current.querySelector<HTMLButtonElement>("button:not(:disabled)");
    target?.focus();
  }, [request, pending, form]);
  return () => setRequest((n) => n + 1);
}

/** A shared dialog names every action it completes, not just the one that set the level. */
function WaitingActions({ actions }: { actions: readonly string[] }) {
  const { t } = useStepUpI18n();
  return (
    <div className={styles.note}>
      <p id="step-up-waiting" className={styles.waitingTitle}>
        {t("dialog.waitingTitle", { count: actions.length })}
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
  const { t } = useStepUpI18n();
  const current = nextMethod(combination, done);
  return (
    <ol
      className={styles.steps}
      aria-label={t("dialog.progress", {
        current: Math.min(done.length + 1, combination.length),
        total: combination.length,
      })}
    >
      {combination.map((m) => (
        <li
          key={m}
          className={styles.step}
          data-state={done.includes(m) ? "done" : m === current ? "current" : "todo"}
          aria-current={m === current ? "step" : undefined}
        >
          {methodLabel(t, m)}
          {done.includes(m) && <span className={styles.visuallyHidden}> {t("dialog.stepDone")}</span>}
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

function submitLabel(t: Translate, { method, pending, sendingEmail, emailSent, last }: SubmitState): string {
  if (method === "email_code" && !emailSent) return sendingEmail ? t("dialog.sending") : t("dialog.sendCode");
  if (method === "passkey") return pending ? t("dialog.passkeyWaiting") : methodPrompt(t, "passkey");
  if (pending) return t("dialog.verifying");
  return last ? t("dialog.verify") : t("dialog.continue");
}

/** The only combination, or the one chosen before "Start again" when it is still offered. */
function initialChoice(methods: Combination[], preferred: Combination | null): Combination | null {
  if (methods.length === 1) return methods[0] ?? null;
  const key = preferred?.join("+");
  return methods.find((combination) => combination.join("+") === key) ?? null;
}

function Countdown({ lockedFor }: { lockedFor: number }) {
  const i18n = useStepUpI18n();
  return (
    <p className={styles.countdown}>
      {richText(i18n, "dialog.tryAgainIn", {
        duration: i18n.format.clock(lockedFor),
        time: (chunks) => <time dateTime={`PT${lockedFor}S`}>{chunks}</time>,
      })}
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
