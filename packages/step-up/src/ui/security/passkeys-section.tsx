"use client";

import { useState, type FormEvent } from "react";
import { useStepUpI18n } from "../../i18n/context";
import type { Translate } from "../../i18n/translator";
import { stepUpApi } from "../api";
import { describeError } from "../parts/errors";
import { FormStatus } from "../parts/form-status";
import { createPasskey, describeCeremonyError } from "./create-passkey";
import { PasskeyItem } from "./passkey-item";

type Registration =
  | { state: "idle" }
  | { state: "working" }
  | { state: "failed"; message: string; error: unknown }
  | { state: "added"; name: string };

/** Passkeys: the list (rename, remove) and registering a new one, in the ceremony's order. */
export function PasskeysSection() {
  const { t } = useStepUpI18n();
  const utils = stepUpApi.useUtils();
  const overview = stepUpApi.stepUp.security.overview.useQuery();
  const begin = stepUpApi.stepUp.security.passkeys.beginRegistration.useMutation();
  const finish = stepUpApi.stepUp.security.passkeys.finishRegistration.useMutation();
  const [registration, setRegistration] = useState<Registration>({ state: "idle" });

  async function register(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const name = String(new FormData(form).get("name") ?? "").trim();
    setRegistration({ state: "working" });
    try {
      // 1. Options from the server (behind step-up), 2. the authenticator creates the key, 3. the server
      // verifies and saves it.
      const { options } = await begin.mutateAsync();
      const response = await createPasskey(options);
      const saved = await finish.mutateAsync({ name, response });
      setRegistration({ state: "added", name: saved.name });
      form.reset();
      await utils.stepUp.security.overview.invalidate();
    } catch (error) {
      setRegistration({ state: "failed", message: describeCeremonyError(error, t) ?? describeError(error, t), error });
    }
  }

  const working = registration.state === "working";
  return (
    <div className="stack">
      {overview.isPending && <p className="muted">{t("security.loading")}</p>}
      {overview.error && (
        <p role="alert" className="error">
          {t("security.passkeys.loadFailed")}
        </p>
      )}
      {overview.data?.passkeys.length === 0 && (
        <p className="muted">
          {t("security.passkeys.none")} {passkeyRole(t, overview.data.critical)}
        </p>
      )}
      {overview.data && overview.data.passkeys.length > 0 && (
        <ul className="list" aria-label={t("security.passkeys.list")}>
          {overview.data.passkeys.map((passkey) => (
            <PasskeyItem key={passkey.id} passkey={passkey} />
          ))}
        </ul>
      )}
      {/* Not awaited: React ignores a handler's promise, and register reports its own failures. */}
      <form className="row end" onSubmit={(event) => void register(event)} aria-label={t("security.passkeys.addForm")}>
        <label className="field grow">
          <span>{t("security.passkeys.name")}</span>
          <input
            name="name"
            required
            maxLength={64}
            autoComplete="off"
            placeholder={t("security.passkeys.namePlaceholder")}
          />
        </label>
        <button type="submit" className="button" disabled={working}>
          {working ? t("security.passkeys.waiting") : t("security.passkeys.add")}
        </button>
      </form>
      <RegistrationStatus registration={registration} />
    </div>
  );
}

function RegistrationStatus({ registration }: { registration: Registration }) {
  const { t } = useStepUpI18n();
  switch (registration.state) {
    case "failed":
      // FormStatus shows a cancelled step-up as a notice; ceremony failures get their own words.
      return describeCeremonyError(registration.error, t) ? (
        <p role="alert" className="error">
          {registration.message}
        </p>
      ) : (
        <FormStatus error={registration.error} />
      );
    case "added":
      return <FormStatus error={null} success={t("security.passkeys.added", { name: registration.name })} />;
    default:
      return <FormStatus error={null} />;
  }
}

/** What a passkey is for here, from the configured critical combinations (never fixed copy). */
function passkeyRole(
  t: Translate,
  critical: { combinations: string[][]; onUnavailable: "refuse" | "degrade" },
): string {
  const withPasskey = critical.combinations.filter((c) => c.includes("passkey")).length;
  if (withPasskey === 0) return t("security.passkeys.role.only");
  if (withPasskey === critical.combinations.length && critical.onUnavailable === "refuse")
    return t("security.passkeys.role.required");
  return t(critical.onUnavailable === "degrade" ? "security.passkeys.role.degrade" : "security.passkeys.role.accepted");
}
