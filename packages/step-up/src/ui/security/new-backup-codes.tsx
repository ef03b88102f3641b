"use client";

import { useEffect, useState } from "react";

/** A freshly generated set: the only time the codes are visible (the server keeps hashes). */
export function NewBackupCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const download = useTextFileUrl(`Backup codes (each works once)\n\n${codes.join("\n")}\n`);
  const [copied, setCopied] = useState<string | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(codes.join("\n"));
      setCopied("Copied to the clipboard.");
    } catch {
      setCopied("Copying is blocked here: select the codes or download them instead.");
    }
  }

  return (
    <div className="secret stack">
      <p>
        <strong>Save these codes now.</strong> They won’t be shown again, and each one works once.
      </p>
      <ol className="codes" aria-label="Your new backup codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div className="row wrap">
        <button type="button" className="button secondary small" onClick={() => void copy()}>
          Copy codes
        </button>
        {download && (
          <a className="button secondary small" href={download} download="backup-codes.txt">
            Download .txt
          </a>
        )}
        <button type="button" className="button small" onClick={onDone}>
          I saved them
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
