export * from './schemas/index.js';
export { toSearchParams } from './query-params.js';
