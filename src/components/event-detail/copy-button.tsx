'use client';
import { Button } from '../ui/button.js';
import { useEffect, useState } from 'react';

/** Copies `text` to the clipboard and says so for a moment (announced politely). */
export function CopyButton({
  text,
  label,
  copiedLabel,
}: {
  text: string;
  label: string;
  copiedLabel: string;
}) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 1500);
    return () => clearTimeout(timer);
  }, [copied]);
  return (
    <Button
      size="sm"
      data-part="copy-button"
      data-state={copied ? 'copied' : 'idle'}
      onClick={() => {
        void globalThis.navigator?.clipboard?.writeText(text).then(() => setCopied(true));
      }}
    >
      <span aria-live="polite">{copied ? copiedLabel : label}</span>
    </Button>
  );
}
