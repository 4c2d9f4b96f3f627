export {
  AuditLogVerifier,
  type AuditLogVerifierOptions,
  type ConsistencyResult,
  type EventVerdict,
  type EventVerification,
  type TreeHeadCheck,
} from './audit-log-verifier.js';
export { verifyExport, type ExportVerification } from './verify-export.js';
export {
  localStorageTreeHeadStore,
  memoryTreeHeadStore,
  type TreeHeadStore,
} from './tree-head-store.js';
