import type { Hono } from 'hono';
import {
  ConsistencyParamsSchema,
  IdSchema,
  ProofsRequestSchema,
  type ConsistencyProof,
  type InclusionProof,
  type ProofsResponse,
} from '../../contract/schemas/index.js';
import { toHex } from '../auth/crypto-utils.js';
import { notFoundError, validationError } from '../http/api-error.js';
import { authenticate, requirePermission } from '../http/authenticate.js';
import { limitBody, readJson } from '../http/body.js';
import type { AppEnv, AppState } from '../http/context.js';
import { parseSearchParams } from '../http/request-input.js';
import { signTreeHead, tenantProofs } from '../merkle/tree-heads.js';

/** Proof requests carry at most 1000 ids of at most 128 characters. */
const MAX_PROOFS_BODY_BYTES = 256 * 1024;

function sizeError(field: string, size: number, treeSize: number) {
  return validationError(`The log holds ${treeSize} events; ${field} ${size} is beyond it`, {
    [field]: `At most ${treeSize}`,
  });
}

/** Tamper evidence: signed tree heads, the keys that sign them, proofs and export manifests. */
export function registerTamperRoutes(app: Hono<AppEnv>, state: AppState): void {
  const auth = authenticate(state);

  app.get('/api/v1/audit/public-keys', async (c) => {
    const signer = await state.treeSigner();
    c.header('Cache-Control', 'public, max-age=300');
    return c.json(signer.jwks);
  });

  app.get('/api/v1/audit/tree-head', auth, async (c) => {
    const principal = c.get('principal');
    requirePermission(principal, 'events:read');
    const signer = await state.treeSigner();
    return c.json(await signTreeHead(state.store, signer, principal.tenantId, state.nowIso()));
  });

  app.post('/api/v1/audit/proofs', limitBody(MAX_PROOFS_BODY_BYTES), auth, async (c) => {
    const principal = c.get('principal');
    requirePermission(principal, 'events:read');
    const { value } = await readJson(c, ProofsRequestSchema);
    const treeSize = await state.store.getTreeSize(principal.tenantId);
    if (value.tree_size > treeSize) throw sizeError('tree_size', value.tree_size, treeSize);
    const ids = [...new Set(value.ids)];
    const sequences = await state.store.getSequences(principal.tenantId, ids);
    // An event not in the log at this size gets no proof; the client reads that as "not in log".
    const proven = ids.flatMap((id) => {
      const sequence = sequences.get(id);
      return sequence !== undefined && sequence < value.tree_size ? [{ id, sequence }] : [];
    });
    const paths = await tenantProofs(state.store, principal.tenantId).inclusion(
      proven.map((entry) => entry.sequence),
      value.tree_size,
    );
    const proofs: Record<string, InclusionProof> = {};
    proven.forEach(({ id, sequence }, i) => {
      proofs[id] = { leaf_index: sequence, audit_path: paths[i]!.map(toHex) };
    });
    const body: ProofsResponse = { tree_size: value.tree_size, proofs };
    return c.json(body);
  });

  app.get('/api/v1/audit/consistency', auth, async (c) => {
    const principal = c.get('principal');
    requirePermission(principal, 'events:read');
    const { first, second } = parseSearchParams(
      new URL(c.req.url).searchParams,
      ConsistencyParamsSchema,
    );
    const treeSize = await state.store.getTreeSize(principal.tenantId);
    if (second > treeSize) throw sizeError('second', second, treeSize);
    if (first > second) {
      throw validationError('first must not be larger than second', {
        first: `At most ${second}`,
      });
    }
    const proof = await tenantProofs(state.store, principal.tenantId).consistency(first, second);
    const body: ConsistencyProof = { first, second, proof: proof.map(toHex) };
    return c.json(body);
  });

  app.get('/api/v1/audit/exports/:id/manifest', auth, (c) => {
    const principal = c.get('principal');
    requirePermission(principal, 'events:export');
    const id = c.req.param('id');
    const manifest = IdSchema.safeParse(id).success
      ? state.exportManifests.get(principal.tenantId, id)
      : null;
    if (!manifest) {
      throw notFoundError(
        'No finished export with this id in this tenant; read the export to its end first',
      );
    }
    return c.json(manifest);
  });
}
