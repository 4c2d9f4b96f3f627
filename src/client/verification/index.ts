// `audit-log-sdk/verify`: checks against the signed log. An entry of its own, so apps that
// never verify do not ship it (Web Crypto only; browsers, workers and Node alike).
export {
  AuditLogVerifier,
  type AuditLogVerifierOptions,
  type ConsistencyResult,
  type EventVerdict,
  type EventVerification,
  type GapCheck,
  type TreeHeadCheck,
} from './audit-log-verifier.js';
export type { LogRange } from './log-gaps.js';
export { verifyExport, type ExportVerification } from './verify-export.js';
export {
  localStorageTreeHeadStore,
  memoryTreeHeadStore,
  type TreeHeadStore,
} from './tree-head-store.js';
