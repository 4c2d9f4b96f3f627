import {
  AuditLogEventSchema,
  safeParse,
  type AuditLogEvent,
  type ExportManifest,
  type Jwks,
} from '../../contract/schemas/index.js';
import { digestHex, eventLeafHash, rootOfLeaves } from './merkle.js';
import { signatureValid } from './signatures.js';

export interface ExportVerification {
  /** True only when nothing below is wrong. */
  ok: boolean;
  /** Rows found in the file. */
  count: number;
  /** What is wrong, each in words that name it. */
  problems: string[];
}

/** CSV cells back to event fields: empty is null, metadata and sequence are parsed. */
function fromCsvRecord(record: Record<string, string>): unknown {
  const event: Record<string, unknown> = {};
  for (const [field, cell] of Object.entries(record)) {
    // The server prefixes formula-like cells with ' (CSV injection); undo it to compare.
    const text = /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
    if (text === '') event[field] = null;
    else if (field === 'metadata') event[field] = JSON.parse(text);
    else if (field === 'sequence') event[field] = Number(text);
    else event[field] = text;
  }
  return event;
}

async function rowsOf(bytes: Uint8Array, format: ExportManifest['format']): Promise<unknown[]> {
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  if (format === 'json') {
    const document = JSON.parse(text) as { data?: unknown };
    if (!Array.isArray(document.data)) throw new Error('it has no "data" list');
    return document.data;
  }
  // Loaded on first use, so clients that never check a CSV file never download it.
  const { default: Papa } = await import('papaparse');
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  if (parsed.errors.length > 0) throw new Error(parsed.errors[0]!.message);
  return parsed.data.map(fromCsvRecord);
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Checks an exported file against its signed manifest and the server's public keys, with
 * no network: the signatures, that the bytes are the ones sent (nothing changed), that the
 * rows are as many as signed (nothing added or removed), and that each row sits at a
 * distinct place in the signed log. When the file holds the whole log, its rows must also
 * hash to the signed root.
 */
export async function verifyExport(
  fileBytes: Uint8Array,
  manifest: ExportManifest,
  jwks: Jwks,
): Promise<ExportVerification> {
  const problems: string[] = [];
  if (!(await signatureValid(jwks, manifest.key_id, manifest))) {
    problems.push('The manifest is not signed by any of the given keys, or was altered');
  }
  const head = manifest.tree_head;
  if (head.tenant_id !== manifest.tenant_id) {
    problems.push('The manifest names a tree head of another tenant');
  } else if (!(await signatureValid(jwks, head.key_id, head))) {
    problems.push("The manifest's tree head is not signed by any of the given keys");
  }
  const digest = await digestHex(fileBytes);
  if (digest !== manifest.digest) {
    problems.push(
      `The file is not the one exported: its SHA-256 is ${digest}, the manifest signed ${manifest.digest}`,
    );
  }

  let rows: unknown[];
  try {
    rows = await rowsOf(fileBytes, manifest.format);
  } catch (error) {
    problems.push(
      `The file cannot be read as ${manifest.format.toUpperCase()}: ${(error as Error).message}`,
    );
    return { ok: false, count: 0, problems };
  }
  if (rows.length < manifest.count) {
    problems.push(
      `The file holds ${plural(rows.length, 'row')}; the manifest signed ${manifest.count}: ${plural(manifest.count - rows.length, 'row')} removed`,
    );
  } else if (rows.length > manifest.count) {
    problems.push(
      `The file holds ${plural(rows.length, 'row')}; the manifest signed ${manifest.count}: ${plural(rows.length - manifest.count, 'row')} added`,
    );
  }

  const events: AuditLogEvent[] = [];
  const seen = new Map<number, string>();
  rows.forEach((row, index) => {
    const parsed = safeParse(AuditLogEventSchema, row);
    const id = (row as { id?: unknown } | null)?.id;
    const name = typeof id === 'string' ? `Row ${index + 1} (${id})` : `Row ${index + 1}`;
    if (!parsed.success) {
      problems.push(`${name} is not an audit event`);
      return;
    }
    const { sequence } = parsed.data;
    if (parsed.data.tenant_id !== manifest.tenant_id) {
      problems.push(`${name} belongs to another tenant`);
    } else if (sequence === undefined) {
      problems.push(`${name} has no place in the log (no sequence)`);
    } else if (sequence >= head.tree_size) {
      problems.push(`${name} claims place ${sequence}, beyond the ${head.tree_size} signed`);
    } else if (seen.has(sequence)) {
      problems.push(`${name} claims place ${sequence}, as ${seen.get(sequence)} does`);
    } else {
      seen.set(sequence, name);
      events.push(parsed.data);
    }
  });

  // A JSON file with every place of the signed log can be checked against the root itself.
  // (Not CSV: it cannot tell an empty text from a null, so its rows hash ambiguously.)
  if (manifest.format === 'json' && events.length === head.tree_size && head.tree_size > 0) {
    const ordered = [...events].sort((a, b) => a.sequence! - b.sequence!);
    const root = await rootOfLeaves(await Promise.all(ordered.map(eventLeafHash)));
    if (root !== head.root_hash) {
      problems.push('The rows do not hash to the signed root: some were changed before export');
    }
  }
  return { ok: problems.length === 0, count: rows.length, problems };
}
