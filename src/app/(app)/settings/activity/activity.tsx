"use client";

import { api } from "@/trpc/react";
import { DateTime } from "../../../_components/date-time";

const METHOD_LABELS: Record<string, string> = {
  password: "password",
  totp: "authenticator code",
  passkey: "passkey",
  backup_code: "backup code",
  email_code: "email code",
};

export function Devices() {
  const utils = api.useUtils();
  const devices = api.stepUp.devices.useQuery();
  const forget = api.stepUp.forgetDevice.useMutation({ onSuccess: () => utils.stepUp.devices.invalidate() });
  if (!devices.data) return <p className="muted">Loading…</p>;
  if (devices.data.length === 0) return <p className="muted">No remembered devices.</p>;
  return (
    <ul className="list">
      {devices.data.map((device) => (
        <li key={device.id}>
          <span>
            <strong>{device.label ?? "Browser"}</strong>
            <span className="muted small">
              {" "}
              up to {device.level}, until <DateTime value={device.expiresAt} />
            </span>
          </span>
          <button
            type="button"
            className="button secondary small"
            disabled={forget.isPending}
            onClick={() => forget.mutate({ deviceId: device.id })}
          >
            Forget<span className="visually-hidden"> {device.label ?? "browser"}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

export function PendingRequirements() {
  const pending = api.stepUp.pendingRequirements.useQuery();
  if (!pending.data) return <p className="muted">Loading…</p>;
  if (pending.data.length === 0) return <p className="muted">Nothing waiting for verification.</p>;
  return (
    <ul className="list">
      {pending.data.map((r) => (
        <li key={r.id}>
          <span>
            {r.reason}
            <span className="muted small">
              {" "}
              · {r.requiredLevel}, expires <DateTime value={r.expiresAt} />
            </span>
          </span>
        </li>
      ))}
    </ul>
  );
}

export function VerificationHistory() {
  const history = api.stepUp.verifications.useQuery({ limit: 20 });
  if (!history.data) return <p className="muted">Loading…</p>;
  if (history.data.items.length === 0) return <p className="muted">No verifications yet.</p>;
  return (
    <table className="table">
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Level</th>
          <th scope="col">Methods</th>
          <th scope="col">For</th>
        </tr>
      </thead>
      <tbody>
        {history.data.items.map((g) => (
          <tr key={g.id}>
            <td>
              <DateTime value={g.verifiedAt} />
            </td>
            <td>{g.level}</td>
            <td>{readMethods(g.methods)}</td>
            <td>{g.requirement?.reason ?? "—"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function readMethods(methods: unknown): string {
  const list = Array.isArray(methods) ? methods : typeof methods === "string" ? safeParse(methods) : [];
  return list.map((m) => METHOD_LABELS[String(m)] ?? String(m)).join(" + ");
}

function safeParse(json: string): unknown[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value : [value];
  } catch {
    return [json];
  }
}
