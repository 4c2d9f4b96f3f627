// `audit-log-sdk/server`: for the host's backend only. It handles the host's `embed` API
// key, so no browser entry imports it (test/package/server-entry.test.ts holds that).
export {
  createViewerSession,
  revokeViewerSession,
  type AuditServiceCredentials,
  type CreateViewerSessionOptions,
} from './viewer-sessions.js';
export {
  createViewerSessionHandler,
  type ViewerGrant,
  type ViewerSessionHandlerOptions,
} from './session-handler.js';
export type {
  ViewerPermission,
  ViewerScope,
  ViewerSessionResponse,
  ViewerSubject,
} from '../contract/schemas/index.js';
