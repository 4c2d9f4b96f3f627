'use client';
import { useMemo } from 'react';
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
  // A data URL rather than a Blob's: a few hundred bytes, nothing to revoke, nothing to leak.
  const href = useMemo(
    () =>
      `data:application/json;charset=utf-8,${encodeURIComponent(JSON.stringify(manifest, null, 2))}`,
    [manifest],
  );
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
