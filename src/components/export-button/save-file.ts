/** `window.showSaveFilePicker` (File System Access API): Chrome and Edge have it, others not. */
type SaveFilePicker = (options: {
  suggestedName: string;
  types: { description: string; accept: Readonly<Record<string, readonly string[]>> }[];
}) => Promise<FileSystemFileHandle>;

const FILE_TYPES = {
  csv: { description: 'CSV', accept: { 'text/csv': ['.csv'] } },
  json: { description: 'JSON', accept: { 'application/json': ['.json'] } },
} as const;

/**
 * Asks where to save with the browser's own dialog, where it has one; null where it has not.
 * Must be called while a click is being handled (the dialog needs the user's gesture).
 * Rejects with an `AbortError` when the user closes the dialog.
 */
export function pickSaveFile(
  suggestedName: string,
  format: 'csv' | 'json',
): Promise<FileSystemFileHandle | null> {
  const picker = (globalThis as { showSaveFilePicker?: SaveFilePicker }).showSaveFilePicker;
  if (typeof picker !== 'function') return Promise.resolve(null);
  return picker({ suggestedName, types: [FILE_TYPES[format]] });
}

/** Offers a Blob to the browser's downloads under `fileName`. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  link.click();
  // The browser reads the Blob after this task, so it is revoked later, not at once.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
