import type { ExportManifest } from '../../contract/schemas/index.js';
import type { AppState } from '../http/context.js';
import { signTreeHead } from '../merkle/tree-heads.js';
import type { EventFilter } from '../store/types.js';
import { digestingStream } from './export-manifests.js';

export interface ExportDescription {
  exportId: string;
  tenantId: string;
  format: ExportManifest['format'];
  filters: EventFilter & { columns?: readonly string[] };
  /** Rows written, read once the body has ended. */
  count: () => number;
}

/**
 * The export body, hashed as it is sent; when its last byte has gone, a manifest is signed
 * over the digest, the row count and a tree head signed then (so it covers every row
 * sent), and kept for `/audit/exports/{id}/manifest`.
 */
export function signedExportBody(
  state: AppState,
  body: ReadableStream<Uint8Array>,
  description: ExportDescription,
): ReadableStream<Uint8Array> {
  return digestingStream(body, async (digest) => {
    const signer = await state.treeSigner();
    const treeHead = await signTreeHead(state.store, signer, description.tenantId, state.nowIso());
    const unsigned = {
      export_id: description.exportId,
      tenant_id: description.tenantId,
      format: description.format,
      // As the JSON answer shows it: fields left out are absent, not undefined.
      filters: JSON.parse(JSON.stringify(description.filters)) as Record<string, unknown>,
      count: description.count(),
      digest,
      tree_head: treeHead,
      signed_at: state.nowIso(),
      key_id: signer.keyId,
    };
    state.exportManifests.add({ ...unsigned, signature: await signer.sign(unsigned) });
  });
}
