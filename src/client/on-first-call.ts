// What AuditLogClient's endpoints other than reading events need: their schemas (and zod,
// which checks inputs with them), the batch sender and the download reader. One module behind one import(), so an app that shows
// events loads it only when it first signs in, writes, exports or verifies.
export {
  APIKeyCreateSchema,
  APIKeyListSchema,
  APIKeyResponseSchema,
  LoginRequestSchema,
  TokenResponseSchema,
  UserCreateSchema,
  UserResponseSchema,
  UserUpdateSchema,
} from '../contract/schemas/auth.js';
export {
  SessionInfoSchema,
  ViewerSessionCreateSchema,
  ViewerSessionResponseSchema,
} from '../contract/schemas/viewer-session.js';
export {
  ConsistencyProofSchema,
  ExportManifestSchema,
  JwksSchema,
  LogEntriesSchema,
  ProofsRequestSchema,
  ProofsResponseSchema,
  TreeHeadSchema,
} from '../contract/schemas/tamper.js';
export { AuditLogExportSchema } from '../contract/schemas/export.js';
export { AuditLogEventListSchema } from '../contract/schemas/event.js';
export { FacetsParamsSchema } from '../contract/schemas/query.js';
export { batchBody, validateEvent, validateInput } from './inputs.js';
export { FacetsResponseSchema } from '../contract/schemas/facets.js';
export { HealthSchema } from '../contract/schemas/health.js';
export { chunkSizeOf, chunksOf, sendInChunks } from './batch.js';
export { saveDownload } from './save-export.js';
