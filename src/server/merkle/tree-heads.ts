import type { TreeHead } from '../../contract/schemas/index.js';
import { toHex } from '../auth/crypto-utils.js';
import type { AuditStore } from '../store/types.js';
import type { TreeSigner } from './signing-keys.js';
import { portableSha256 } from './tree-hash.js';
import { TreeProofs } from './tree-proofs.js';

/** Roots and proofs of one tenant's log, read from the store's nodes. */
export function tenantProofs(store: AuditStore, tenantId: string): TreeProofs {
  return new TreeProofs(portableSha256, (nodes) => store.getTreeNodes(tenantId, nodes));
}

/** The tenant's log as it stands, signed. */
export async function signTreeHead(
  store: AuditStore,
  signer: TreeSigner,
  tenantId: string,
  nowIso: string,
): Promise<TreeHead> {
  const treeSize = await store.getTreeSize(tenantId);
  const root = await tenantProofs(store, tenantId).root(treeSize);
  const unsigned = {
    tenant_id: tenantId,
    tree_size: treeSize,
    root_hash: toHex(root),
    timestamp: nowIso,
    key_id: signer.keyId,
  };
  return { ...unsigned, signature: await signer.sign(unsigned) };
}
