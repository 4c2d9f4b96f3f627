import type { Hono } from 'hono';
import { ENDPOINTS, routePattern } from '../../contract/endpoints.js';
import {
  IdSchema,
  ProofsRequestSchema,
  type ConsistencyProof,
  MAX_LOG_ENTRIES,
  type InclusionProof,
  type LogEntries,
  type ProofsResponse,
} from '../../contract/schemas/index.js';
import { toHex } from '../auth/crypto-utils.js';
import { notFoundError, validationError } from '../http/api-error.js';
import { authenticate, requirePermission } from '../http/authenticate.js';
import { refuseScopedViewer } from './viewer-session-routes.js';
import { queryRequest } from '../http/endpoint-request.js';
import { limitBody, readJson } from '../http/body.js';
import type { AppEnv, AppState } from '../http/context.js';
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

  app.get(routePattern(ENDPOINTS.publicKeys), async (c) => {
    const signer = await state.treeSigner();
    c.header('Cache-Control', 'public, max-age=300');
    return c.json(signer.jwks);
  });

  app.get(routePattern(ENDPOINTS.treeHead), auth, async (c) => {
    const principal = c.get('principal');
    requirePermission(principal, ENDPOINTS.treeHead.permission);
    refuseScopedViewer(principal);
    const signer = await state.treeSigner();
    return c.json(await signTreeHead(state.store, signer, principal.tenantId, state.nowIso()));
  });

  app.post(routePattern(ENDPOINTS.proofs), limitBody(MAX_PROOFS_BODY_BYTES), auth, async (c) => {
    const principal = c.get('principal');
    requirePermission(principal, ENDPOINTS.proofs.permission);
    refuseScopedViewer(principal);
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

  app.get(routePattern(ENDPOINTS.consistency), auth, async (c) => {
    const { principal, params } = queryRequest(c, ENDPOINTS.consistency);
    refuseScopedViewer(principal);
    const { first, second } = params;
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

  app.get(routePattern(ENDPOINTS.logEntries), auth, async (c) => {
    const { principal, params } = queryRequest(c, ENDPOINTS.logEntries);
    refuseScopedViewer(principal);
    const { start, end } = params;
    const treeSize = await state.store.getTreeSize(principal.tenantId);
    // Only places the log holds: a row beyond it is not in the log, whatever it claims.
    if (end > treeSize) throw sizeError('end', end, treeSize);
    if (start > end) {
      throw validationError('start must not be larger than end', { start: `At most ${end}` });
    }
    if (end - start > MAX_LOG_ENTRIES) {
      throw validationError(`At most ${MAX_LOG_ENTRIES} places per request`, {
        end: `At most ${start + MAX_LOG_ENTRIES}`,
      });
    }
    const events = await state.store.getEventsBySequence(principal.tenantId, start, end);
    const body: LogEntries = { start, end, events };
    return c.json(body);
  });

  app.get(routePattern(ENDPOINTS.exportManifest), auth, (c) => {
    const principal = c.get('principal');
    requirePermission(principal, ENDPOINTS.exportManifest.permission);
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
