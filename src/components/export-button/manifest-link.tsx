'use client';
import { useEffect, useState } from 'react';
import type { ExportManifest } from '../../client/index.js';
import { exportManifestFileName } from '../../contract/constants.js';

export interface ManifestLinkProps {
  manifest: ExportManifest;
  /** The exported file's name; the manifest is saved as `<file>.manifest.json` beside it. */
  fileName: string;
  label: string;
  hint: string;
}

/**
 * The export's signed manifest as a link of its own, saved when it is clicked. Started by the
 * export right behind the file, a second download makes Chrome ask whether the site may
 * download several files, and a refusal silently loses the manifest; one click, one download.
 */
export function ManifestLink({ manifest, fileName, label, hint }: ManifestLinkProps) {
  const [href, setHref] = useState<string>();
  useEffect(() => {
    const json = JSON.stringify(manifest, null, 2);
    const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
    setHref(url);
    return () => URL.revokeObjectURL(url);
  }, [manifest]);
  return (
    <span data-part="manifest">
      <a
        href={href}
        download={exportManifestFileName(fileName)}
        data-part="manifest-link"
        data-ui="button"
        data-variant="secondary"
        data-size="sm"
      >
        {label}
      </a>{' '}
      <span data-part="hint">{hint}</span>
    </span>
  );
}
