export {
  AuditLogIntegrity,
  useIntegrity,
  type AuditLogIntegrityProps,
  type IntegrityMarkState,
} from './integrity-state.js';
export {
  EventIntegrityMark,
  IntegrityMark,
  type EventIntegrityMarkProps,
  type IntegrityMarkProps,
} from './integrity-mark.js';
export { INTEGRITY_COLUMN_ID, createIntegrityColumn } from './integrity-column.js';
export { IntegrityBanner, type IntegrityBannerProps } from './integrity-banner.js';
export { IntegrityProof, type IntegrityProofProps } from './integrity-proof.js';
export { VerifyExportFile, type VerifyExportFileProps } from './verify-export-file.js';
