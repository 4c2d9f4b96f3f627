import {
  ExportManifestSchema,
  JwksSchema,
  safeParse,
  type ExportManifest,
  type Jwks,
} from '../../contract/schemas/index.js';

/** What a person handed over to check: the export, its manifest and, optionally, the keys. */
export interface ExportFiles {
  file?: File | undefined;
  manifest?: { name: string; value: ExportManifest } | undefined;
  keys?: { name: string; value: Jwks } | undefined;
}

/** A file's exact bytes, through FileReader: every browser has it (and so do test DOMs). */
export function readBytes(file: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read'));
    reader.readAsArrayBuffer(file);
  });
}

async function readJson(file: File): Promise<unknown> {
  try {
    return JSON.parse(new TextDecoder().decode(await readBytes(file)));
  } catch {
    return undefined;
  }
}

/** Reads a file meant as the manifest; `null` when it is not one. */
export async function readManifest(file: File): Promise<ExportManifest | null> {
  const parsed = safeParse(ExportManifestSchema, await readJson(file));
  return parsed.success ? parsed.data : null;
}

/** Reads a file meant as the public keys; `null` when it is not a JWKS. */
export async function readKeys(file: File): Promise<Jwks | null> {
  const parsed = safeParse(JwksSchema, await readJson(file));
  return parsed.success ? parsed.data : null;
}

/**
 * Sorts dropped files by what they hold rather than by name: a JSON export, its manifest and
 * a JWKS are all `.json`. Anything that is neither manifest nor keys is the export.
 */
export async function sortDroppedFiles(files: readonly File[]): Promise<ExportFiles> {
  const next: ExportFiles = {};
  for (const file of files) {
    const json = file.size < 1_000_000 ? await readJson(file) : undefined;
    const manifest = safeParse(ExportManifestSchema, json);
    const keys = safeParse(JwksSchema, json);
    if (manifest.success) next.manifest = { name: file.name, value: manifest.data };
    else if (keys.success) next.keys = { name: file.name, value: keys.data };
    else next.file = file;
  }
  return next;
}
