"use client";

import { useState } from "react";

/** Copies a secret shown once; says whether it worked, and what to do when the browser blocks it. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [result, setResult] = useState<string | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setResult("Copied to the clipboard.");
    } catch {
      setResult("Copying is blocked here: select the key and copy it yourself.");
    }
  }
  return (
    <>
      <button type="button" className="button secondary small" onClick={() => void copy()}>
        {label}
      </button>
      <span aria-live="polite" className="small">
        {result ?? ""}
      </span>
    </>
  );
}
