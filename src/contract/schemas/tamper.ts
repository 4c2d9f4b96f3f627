import * as z from 'zod/mini';
import { AuditLogEventSchema } from './event.js';
import { CSV_COLUMNS } from './export.js';
import { CountSchema, IdSchema } from './fields.js';
import { TimestampSchema } from './timestamp.js';

// Tamper evidence (contract v1.1): each tenant's events form an RFC 6962 Merkle log whose
// heads the server signs with Ed25519. Client and server both build leaves from here.

/**
 * The stored fields a leaf commits to, every one present (absent values as `null`): the same
 * fields, one for one, as an export's columns, so the list is kept once.
 */
export const LEAF_FIELDS = CSV_COLUMNS;

export type LeafField = (typeof LEAF_FIELDS)[number];

/** Inclusion proofs asked for in one request, at most. */
export const MAX_PROOF_IDS = 1000;

/** The header naming an export, whose manifest is then at `/audit/exports/{id}/manifest`. */
export const EXPORT_ID_HEADER = 'X-Export-Id';

export const HashHexSchema = z.string().check(z.regex(/^[0-9a-f]{64}$/, 'A lowercase hex SHA-256'));
const SignatureSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]+$/, 'base64url'));

/** A signed tree head: the signature covers the RFC 8785 JSON of the other fields. */
export const TreeHeadSchema = z.object({
  tenant_id: IdSchema,
  tree_size: CountSchema,
  root_hash: HashHexSchema,
  timestamp: TimestampSchema,
  key_id: IdSchema,
  signature: SignatureSchema,
});
export type TreeHead = z.output<typeof TreeHeadSchema>;

/** An Ed25519 public key as a JWK; `kid` is the `key_id` of heads and manifests. */
export const SigningJwkSchema = z.object({
  kty: z.literal('OKP'),
  crv: z.literal('Ed25519'),
  x: SignatureSchema,
  kid: IdSchema,
  alg: z.optional(z.string()),
  use: z.optional(z.string()),
});
export type SigningJwk = z.output<typeof SigningJwkSchema>;

export const JwksSchema = z.object({ keys: z.array(SigningJwkSchema) });
export type Jwks = z.output<typeof JwksSchema>;

export const ProofsRequestSchema = z.object({
  ids: z
    .array(IdSchema)
    .check(
      z.minLength(1, 'Name at least one event id'),
      z.maxLength(MAX_PROOF_IDS, `At most ${MAX_PROOF_IDS} ids per request`),
    ),
  tree_size: z.int().check(z.gte(1)),
});
export type ProofsRequest = z.input<typeof ProofsRequestSchema>;

export const InclusionProofSchema = z.object({
  leaf_index: CountSchema,
  audit_path: z.array(HashHexSchema),
});
export type InclusionProof = z.output<typeof InclusionProofSchema>;

/** Proofs by event id; an id the log does not hold (or not at that size) is left out. */
export const ProofsResponseSchema = z.object({
  tree_size: CountSchema,
  proofs: z.record(z.string(), InclusionProofSchema),
});
export type ProofsResponse = z.output<typeof ProofsResponseSchema>;

/** A tree size in a query string: digits only, at least 1. */
const treeSizeParam = z.pipe(
  z.string().check(z.regex(/^\d{1,15}$/, 'Must be a whole number')),
  z.pipe(
    z.transform((value: string) => Number(value)),
    z.int().check(z.gte(1, 'Must be at least 1')),
  ),
);

export const ConsistencyParamsSchema = z.object({ first: treeSizeParam, second: treeSizeParam });

/** Places asked for in one log-entries request, at most. */
export const MAX_LOG_ENTRIES = 1000;

/** A place in the log in a query string: digits only. */
const leafIndexParam = z.pipe(
  z.string().check(z.regex(/^\d{1,15}$/, 'Must be a whole number')),
  z.transform((value: string) => Number(value)),
);

/** The places `start` (inclusive) to `end` (exclusive), as RFC 6962's `get-entries`. */
export const LogEntriesParamsSchema = z.object({ start: leafIndexParam, end: leafIndexParam });

/**
 * The stored events at places `start`..`end - 1`, by `sequence`. A place whose row is gone
 * is simply absent: that absence is what a client checks for, and it cannot be hidden, since
 * a row put in its place must hash to the leaf the signed log holds there.
 */
export const LogEntriesSchema = z.object({
  start: CountSchema,
  end: CountSchema,
  events: z.array(AuditLogEventSchema),
});
export type LogEntries = z.output<typeof LogEntriesSchema>;

export const ConsistencyProofSchema = z.object({
  first: CountSchema,
  second: CountSchema,
  proof: z.array(HashHexSchema),
});
export type ConsistencyProof = z.output<typeof ConsistencyProofSchema>;

/**
 * What a signed export commits to: the exact bytes sent (`digest`), how many rows, under
 * which query and which signed tree head. The signature covers the other fields.
 */
export const ExportManifestSchema = z.object({
  export_id: IdSchema,
  tenant_id: IdSchema,
  format: z.enum(['json', 'csv']),
  filters: z.record(z.string(), z.unknown()),
  count: CountSchema,
  digest: HashHexSchema,
  tree_head: TreeHeadSchema,
  signed_at: TimestampSchema,
  key_id: IdSchema,
  signature: SignatureSchema,
});
export type ExportManifest = z.output<typeof ExportManifestSchema>;

/** A signed document without its signature: what the signature was made over. */
export function signedPart<T extends { signature: string }>(document: T): Omit<T, 'signature'> {
  const rest: Partial<T> = { ...document };
  delete rest.signature;
  return rest as Omit<T, 'signature'>;
}
