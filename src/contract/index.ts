// The wire contract, written once: schemas, ids, the query-parameter codec and the constants
// that client, server and UI share. It imports nothing but zod, so every layer may use it.
export * from './schemas/index.js';
export * from './constants.js';
export type * from './input-types.js';
export { newId } from './ids.js';
export { isListFilter, toSearchParams } from './query-params.js';
