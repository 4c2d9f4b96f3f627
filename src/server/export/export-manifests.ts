import { sha256 } from '@noble/hashes/sha2.js';
import type { ExportManifest } from '../../contract/schemas/index.js';
import { toHex } from '../auth/crypto-utils.js';

/** Manifests kept per server process, the oldest dropped first beyond this many. */
const KEPT_MANIFESTS = 1000;

/**
 * Signed manifests of finished exports, by tenant and export id. In memory: a manifest is
 * fetched right after its download, and an export can always be made again.
 */
export class ExportManifests {
  readonly #manifests = new Map<string, ExportManifest>();

  add(manifest: ExportManifest): void {
    this.#manifests.set(`${manifest.tenant_id}\u0000${manifest.export_id}`, manifest);
    if (this.#manifests.size > KEPT_MANIFESTS) {
      this.#manifests.delete(this.#manifests.keys().next().value!);
    }
  }

  get(tenantId: string, exportId: string): ExportManifest | null {
    return this.#manifests.get(`${tenantId}\u0000${exportId}`) ?? null;
  }
}

/**
 * Passes `body` through while hashing it, and once the last byte has gone through calls
 * `finished` with the SHA-256 (hex) of exactly what was sent. Web Crypto has no streaming
 * digest, so this one is pure JavaScript.
 */
export function digestingStream(
  body: ReadableStream<Uint8Array>,
  finished: (digest: string) => Promise<void>,
): ReadableStream<Uint8Array> {
  const hash = sha256.create();
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        hash.update(chunk);
        controller.enqueue(chunk);
      },
      async flush() {
        await finished(toHex(hash.digest()));
      },
    }),
  );
}
