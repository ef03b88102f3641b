"use client";

import { useState } from "react";
import { METHOD_INFO } from "../../../client/methods";
import type { MethodId } from "../../../engine/levels";
import { stepUpApi, type StepUpOutputs } from "../../api";
import { FormStatus } from "../../parts/form-status";
import { DateTime } from "../../parts/date-time";
import { LevelBadge } from "../parts/level-badge";
import { MemberSelect } from "../parts/member-select";
import { ScrollRegion } from "../parts/scroll-region";
import { useStepUpI18n } from "../../../i18n/context";

type Support = StepUpOutputs["admin"]["support"]["user"];

export function SupportView() {
  const [userId, setUserId] = useState("");
  const support = stepUpApi.stepUp.admin.support.user.useQuery({ userId }, { enabled: userId !== "" });
  return (
    <div className="stack">
      <div className="filters">
        <MemberSelect label="Member" value={userId} onChange={setUserId} />
      </div>
      {support.error && <FormStatus error={support.error} />}
      {userId === "" ? (
        <p className="muted">Choose a member to begin.</p>
      ) : !support.data ? (
        !support.error && <p className="muted">Loading…</p>
      ) : (
        <div className="support-grid">
          <Pending items={support.data.pendingRequirements} />
          <Grants items={support.data.recentGrants} />
          <Verifications items={support.data.recentVerifications} />
        </div>
      )}
    </div>
  );
}

function Pending({ items }: { items: Support["pendingRequirements"] }) {
  return (
    <section className="card" aria-labelledby="support-pending">
      <h2 id="support-pending">Pending requirements</h2>
      {items.length === 0 ? (
        <p className="muted">Nothing waiting for verification.</p>
      ) : (
        <ul className="list">
          {items.map((r) => (
            <li key={r.id}>
              <span>
                {r.reason}
                <span className="muted small block">
                  <code>{r.procedure}</code> · {r.failedAttempts} failed attempt{r.failedAttempts === 1 ? "" : "s"} ·
                  expires <DateTime value={r.expiresAt} />
                </span>
              </span>
              <LevelBadge level={r.requiredLevel} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function grantStatus(g: Support["recentGrants"][number]): string {
  if (g.revokedAt) return "revoked";
  if (g.consumedAt) return "used";
  return new Date(g.expiresAt) > new Date() ? "active" : "expired";
}

function Grants({ items }: { items: Support["recentGrants"] }) {
  const { t } = useStepUpI18n();
  return (
    <section className="card" aria-labelledby="support-grants">
      <h2 id="support-grants">Recent grants</h2>
      {items.length === 0 ? (
        <p className="muted">No grants yet.</p>
      ) : (
        <ScrollRegion label={t("admin.table.grants")}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Verified</th>
                <th scope="col">Level</th>
                <th scope="col">Methods</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {items.map((g) => (
                <tr key={g.id}>
                  <td className="nowrap">
                    <DateTime value={g.verifiedAt} />
                    {g.procedure && <code className="block small">{g.procedure}</code>}
                  </td>
                  <td>
                    <LevelBadge level={g.level} />
                    {g.degraded && <span className="muted small block">degraded</span>}
                  </td>
                  <td>{describeMethods(g.methods)}</td>
                  <td>{grantStatus(g)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}

function Verifications({ items }: { items: Support["recentVerifications"] }) {
  const { t } = useStepUpI18n();
  return (
    <section className="card wide" aria-labelledby="support-attempts">
      <h2 id="support-attempts">Recent verifications</h2>
      {items.length === 0 ? (
        <p className="muted">No verification attempts yet.</p>
      ) : (
        <ScrollRegion label={t("admin.table.verifications")}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Method</th>
                <th scope="col">Result</th>
                <th scope="col">For</th>
              </tr>
            </thead>
            <tbody>
              {items.map((a) => (
                <tr key={a.id}>
                  <td className="nowrap">
                    <DateTime value={a.createdAt} />
                  </td>
                  <td>{describeMethods([a.method])}</td>
                  <td>{a.success ? "Succeeded" : `Failed${a.failure ? ` (${a.failure})` : ""}`}</td>
                  <td>{a.procedure ? <code>{a.procedure}</code> : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}

/** Stored method lists are JSON; unknown ids are shown as they are rather than dropped. */
function describeMethods(methods: unknown): string {
  const list = Array.isArray(methods) ? methods : typeof methods === "string" ? parseList(methods) : [];
  return list.map((m) => METHOD_INFO[m as MethodId]?.label ?? String(m)).join(" + ") || "—";
}

function parseList(text: string): unknown[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value : [value];
  } catch {
    return [text];
  }
}
