"use client";

import { useEffect, useState } from "react";
import { richText, useStepUpI18n } from "../../i18n/context";

/** A freshly generated set: the only time the codes are visible (the server keeps hashes). */
export function NewBackupCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const i18n = useStepUpI18n();
  const { t } = i18n;
  const download = useTextFileUrl(`${t("security.backup.fileHeader")}\n\n${codes.join("\n")}\n`);
  const [copied, setCopied] = useState<string | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(codes.join("\n"));
      setCopied(t("security.copied"));
    } catch {
      setCopied(t("security.copyBlocked"));
    }
  }

  return (
    <div className="secret stack">
      <p>{richText(i18n, "security.backup.saveNow", { b: (chunks) => <strong>{chunks}</strong> })}</p>
      <ol className="codes" aria-label={t("security.backup.list")} dir="ltr">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div className="row wrap">
        <button type="button" className="button secondary small" onClick={() => void copy()}>
          {t("security.backup.copy")}
        </button>
        {download && (
          <a className="button secondary small" href={download} download="backup-codes.txt">
            {t("security.backup.download")}
          </a>
        )}
        <button type="button" className="button small" onClick={onDone}>
          {t("security.backup.saved")}
        </button>
        <span role="status" className="small">
          {copied ?? ""}
        </span>
      </div>
    </div>
  );
}

/** An object URL for a text file, revoked when the codes go away so they don't linger in memory. */
function useTextFileUrl(text: string): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const next = URL.createObjectURL(new Blob([text], { type: "text/plain" }));
    // The URL is an external resource with a lifetime; it is created and revoked with the codes.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [text]);
  return url;
}
