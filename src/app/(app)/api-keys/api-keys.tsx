"use client";

import { useState, type FormEvent } from "react";
import { api } from "@/trpc/react";
import { FormStatus } from "../../_components/form-status";
import { CopyButton } from "../../_components/copy-button";
import { formatDate } from "../../_components/money";

export function ApiKeys() {
  const utils = api.useUtils();
  const keys = api.apiKeys.list.useQuery();
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);
  const create = api.apiKeys.create.useMutation({
    onMutate: () => setCreated(null),
    onSuccess: async (key) => {
      setCreated(key);
      await utils.apiKeys.list.invalidate();
    },
  });
  const revoke = api.apiKeys.revoke.useMutation({ onSuccess: () => utils.apiKeys.list.invalidate() });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    create.mutate({ name: String(new FormData(form).get("name")) }, { onSuccess: () => form.reset() });
  }

  return (
    <div className="grid">
      <section className="card" aria-labelledby="create-key-title">
        <h2 id="create-key-title">Create a key</h2>
        <form className="stack" onSubmit={submit}>
          <label className="field">
            <span>Key name</span>
            <input name="name" required maxLength={60} autoComplete="off" />
          </label>
          <FormStatus error={create.error} />
          <button type="submit" className="button" disabled={create.isPending}>
            {create.isPending ? "Creating…" : "Create key"}
          </button>
        </form>
        {created && (
          <div className="secret" role="status">
            <p>
              Copy the key for <strong>{created.name}</strong> now; it is shown only once.
            </p>
            <div className="copy-row">
              <code data-testid="new-api-key">{created.key}</code>
              <CopyButton text={created.key} label="Copy key" />
            </div>
          </div>
        )}
      </section>
      <section className="card" aria-labelledby="keys-title">
        <h2 id="keys-title">Your keys</h2>
        {keys.data?.length === 0 && <p className="muted">No keys yet.</p>}
        {keys.data && keys.data.length > 0 && (
          <ul className="list">
            {keys.data.map((key) => (
              <li key={key.id}>
                <span>
                  <strong className="breakable">{key.name}</strong> <code>{key.prefix}…</code>
                  <span className="muted small"> created {formatDate(key.createdAt)}</span>
                </span>
                <button
                  type="button"
                  className="button secondary small"
                  disabled={revoke.isPending}
                  onClick={() => revoke.mutate({ id: key.id })}
                >
                  Revoke<span className="visually-hidden"> {key.name}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
