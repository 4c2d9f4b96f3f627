import { createHash, createPublicKey, verify } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  AuditLogEvent,
  AuditLogExport,
  ConsistencyProof,
  ExportManifest,
  Jwks,
  LogEntries,
  ProofsResponse,
  TreeHead,
} from '../../src/contract/schemas/index.js';
import { startHttpServer, STORE_KINDS } from '../support/http-server.js';
import {
  fromHex,
  hex,
  rfcConsistency,
  rfcLeafHash,
  rfcPath,
  rfcRoot,
  rfcRootFromPath,
} from '../support/rfc6962.js';
import { jcs, jcsLeaf } from '../support/rfc8785.js';
import { tamperableStore, type Tamperer } from '../support/tamper.js';
import {
  ContractApi,
  csvRecords,
  expectContractErrorShapes,
  expectError,
  expectNoSecretsInErrors,
  expectValidationError,
  makeEvent,
  storedEvent,
  type Session,
} from './helpers.js';

const leafOf = (event: AuditLogEvent) =>
  rfcLeafHash(new TextEncoder().encode(jcsLeaf(event as unknown as Record<string, unknown>)));

/** Verifies an Ed25519 signature (base64url) over the RFC 8785 JSON of `document` minus it. */
function signatureValid<T extends { signature: string }>(
  jwks: Jwks,
  keyId: string,
  document: T,
): boolean {
  const jwk = jwks.keys.find((key) => key.kid === keyId);
  if (!jwk) return false;
  const { signature, ...signed } = document;
  const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: jwk.x }, format: 'jwk' });
  return verify(null, Buffer.from(jcs(signed)), key, Buffer.from(signature, 'base64url'));
}

describe.each(STORE_KINDS)('tamper evidence (%s store)', (kind) => {
  const api = new ContractApi();
  let tamper: Tamperer;
  let writer: Session;
  let jwks: Jwks;

  const treeHead = async (session = writer) => {
    const answer = await api.request<TreeHead>('/api/v1/audit/tree-head', session.auth);
    expect(answer.status, answer.text).toBe(200);
    return answer.body;
  };
  const allEvents = async (session = writer) =>
    (await api.list(session.auth)).items.sort((a, b) => a.sequence! - b.sequence!);
  const proofs = (ids: string[], treeSize: number, session = writer) =>
    api.request<ProofsResponse>('/api/v1/audit/proofs', {
      ...session.auth,
      json: { ids, tree_size: treeSize },
    });

  beforeAll(async () => {
    tamper = await tamperableStore(kind);
    api.attach(await startHttpServer(kind, { store: tamper.store }));
    writer = await api.session(['audit_manager']);
    // Concurrent batches and single writes: sequences must still come out gap-free.
    await Promise.all([
      ...Array.from({ length: 6 }, (_, b) =>
        api.postBatch(
          writer.auth,
          Array.from({ length: 25 }, (_, i) => makeEvent({ description: `batch ${b} row ${i}` })),
        ),
      ),
      ...Array.from({ length: 10 }, (_, i) =>
        api.postEvent(writer.auth, makeEvent({ description: `single ${i}`, metadata: { i } })),
      ),
    ]);
    const keys = await api.request<Jwks>('/api/v1/audit/public-keys');
    expect(keys.status).toBe(200);
    jwks = keys.body;
  });
  afterAll(async () => {
    if (api.started) await api.server.close();
    await tamper.close();
  });

  it('numbers every event 0..n-1 in commit order, without gaps, across concurrent writes', async () => {
    const events = await allEvents();
    expect(events).toHaveLength(160);
    expect(events.map((event) => event.sequence)).toEqual(events.map((_, i) => i));
    // A batch commits as one: its events hold consecutive places, in request order.
    const batch = await api.postBatch(writer.auth, [makeEvent(), makeEvent(), makeEvent()]);
    expect(batch.map((event) => event.sequence)).toEqual([160, 161, 162]);
    // Each tenant has a log of its own.
    const other = await api.session(['audit_manager']);
    expect((await api.postEvent(other.auth, makeEvent())).sequence).toBe(0);
  });

  it('signs a tree head whose root is the RFC 6962 root of the RFC 8785 leaves', async () => {
    const head = await treeHead();
    const events = await allEvents();
    expect(head).toMatchObject({ tenant_id: writer.tenant, tree_size: events.length });
    expect(head.root_hash).toBe(hex(rfcRoot(events.map(leafOf))));
    expect(signatureValid(jwks, head.key_id, head)).toBe(true);
    expect(signatureValid(jwks, head.key_id, { ...head, tree_size: head.tree_size + 1 })).toBe(
      false,
    );
  });

  it('serves the public keys without credentials, as Ed25519 JWKs', () => {
    expect(jwks.keys.length).toBeGreaterThan(0);
    for (const key of jwks.keys) {
      expect(key).toMatchObject({ kty: 'OKP', crv: 'Ed25519', kid: expect.any(String) });
      expect(key).not.toHaveProperty('d');
    }
  });

  it('answers inclusion proofs for a page in one request, at the current and older sizes', async () => {
    const events = await allEvents();
    const leaves = events.map(leafOf);
    for (const size of [events.length, 37]) {
      const page = events.slice(0, 50);
      const answer = await proofs(
        page.map((event) => event.id),
        size,
      );
      expect(answer.status, answer.text).toBe(200);
      expect(answer.body.tree_size).toBe(size);
      for (const event of page) {
        const proof = answer.body.proofs[event.id];
        if (event.sequence! >= size) {
          expect(proof).toBeUndefined();
          continue;
        }
        expect(proof?.leaf_index).toBe(event.sequence);
        expect(proof?.audit_path).toEqual(rfcPath(event.sequence!, leaves.slice(0, size)).map(hex));
      }
    }
    const unknown = await proofs(['no-such-event'], events.length);
    expect(unknown.body.proofs).toEqual({});
  });

  it('refuses proofs beyond the log, too many ids, or no ids', async () => {
    const head = await treeHead();
    expectValidationError(await proofs(['x'], head.tree_size + 1), 'tree_size');
    expectValidationError(
      await proofs(
        Array.from({ length: 1001 }, (_, i) => `id-${i}`),
        head.tree_size,
      ),
      'ids',
    );
    expectValidationError(await proofs([], head.tree_size), 'ids');
  });

  it('proves each earlier size a prefix of the current log (RFC 6962 consistency)', async () => {
    const events = await allEvents();
    const leaves = events.map(leafOf);
    for (const first of [1, 2, 7, 64, 100, events.length]) {
      const answer = await api.request<ConsistencyProof>('/api/v1/audit/consistency', {
        ...writer.auth,
        query: { first, second: events.length },
      });
      expect(answer.status, answer.text).toBe(200);
      expect(answer.body.proof).toEqual(rfcConsistency(first, leaves).map(hex));
    }
    const ask = (query: Record<string, string | number>) =>
      api.request('/api/v1/audit/consistency', { ...writer.auth, query });
    expectValidationError(await ask({ first: 5, second: 3 }), 'first');
    expectValidationError(await ask({ first: 1, second: events.length + 1 }), 'second');
    expectValidationError(await ask({ first: 'x', second: 3 }), 'first');
    expectValidationError(await ask({ second: 3 }), 'first');
  });

  it('keeps the log to readers of the tenant', async () => {
    const anonymous = await api.request('/api/v1/audit/tree-head');
    expectError(anonymous, 401, 'authentication_error');
    const writerOnly = await api.session(['api_user'], writer.tenant);
    expectError(
      await api.request('/api/v1/audit/tree-head', writerOnly.auth),
      403,
      'authorization_error',
    );
    // Another tenant's ids get no proofs here.
    const other = await api.session(['audit_manager']);
    const theirs = await api.postEvent(other.auth, makeEvent());
    const answer = await proofs([theirs.id], (await treeHead()).tree_size);
    expect(answer.body.proofs).toEqual({});
  });

  it('signs a manifest over exactly the bytes of each export, JSON and CSV', async () => {
    for (const format of ['json', 'csv'] as const) {
      const answer = await api.request<AuditLogExport>('/api/v1/audit/events/export', {
        ...writer.auth,
        query: { format, severities: 'info' },
      });
      expect(answer.status).toBe(200);
      const exportId = answer.headers.get('x-export-id');
      expect(exportId).toBeTruthy();
      const manifest = await api.request<ExportManifest>(
        `/api/v1/audit/exports/${exportId}/manifest`,
        writer.auth,
      );
      expect(manifest.status, manifest.text).toBe(200);
      const rows =
        format === 'json' ? answer.body.data.length : csvRecords(answer.text).records.length;
      expect(manifest.body).toMatchObject({
        export_id: exportId,
        tenant_id: writer.tenant,
        format,
        count: rows,
        digest: createHash('sha256').update(answer.text).digest('hex'),
        filters: { severities: ['info'] },
      });
      expect(signatureValid(jwks, manifest.body.key_id, manifest.body)).toBe(true);
      expect(signatureValid(jwks, manifest.body.tree_head.key_id, manifest.body.tree_head)).toBe(
        true,
      );
      expect(manifest.body.tree_head.tree_size).toBeGreaterThanOrEqual(rows);
      if (format === 'csv') {
        const { records } = csvRecords(answer.text);
        const events = new Map((await allEvents()).map((event) => [event.id, event]));
        for (const record of records) {
          expect(record.sequence).toBe(String(events.get(record.id!)!.sequence));
        }
      }
      // Another tenant cannot read it, and an unknown id is not found.
      const other = await api.session(['audit_manager']);
      expectError(
        await api.request(`/api/v1/audit/exports/${exportId}/manifest`, other.auth),
        404,
        'not_found',
      );
    }
    expectError(
      await api.request('/api/v1/audit/exports/unknown-export/manifest', writer.auth),
      404,
      'not_found',
    );
  });

  it('refuses text with an unpaired surrogate, naming the field', async () => {
    const single = await api.request('/api/v1/audit/events', {
      ...writer.auth,
      body: '{"event_type":"user_action","resource_type":"doc","action":"view","severity":"info","description":"bad \\ud800 text"}',
      headers: { 'Content-Type': 'application/json' },
    });
    expectValidationError(single, 'description');
    const batch = await api.request('/api/v1/audit/events/batch', {
      ...writer.auth,
      body: `{"audit_logs":[${JSON.stringify(makeEvent())},{"event_type":"user_action","resource_type":"doc","action":"view","severity":"info","description":"ok","metadata":{"k\\udc00":1}}]}`,
      headers: { 'Content-Type': 'application/json' },
    });
    expectValidationError(batch, 'audit_logs.1.metadata');
  });

  describe('when stored rows are edited behind the API', () => {
    let before: TreeHead;
    let events: AuditLogEvent[];

    const rootFor = (event: AuditLogEvent, path: string[], size: number) => {
      const root = rfcRootFromPath(event.sequence!, size, leafOf(event), path.map(fromHex));
      return root && hex(root);
    };
    /** Which of `page` no longer lead to the signed root through their own proofs. */
    const failing = async (page: AuditLogEvent[], head: TreeHead) => {
      const answer = await proofs(
        page.map((event) => event.id),
        head.tree_size,
      );
      return page
        .filter((event) => {
          const proof = answer.body.proofs[event.id];
          if (!proof || proof.leaf_index !== event.sequence) return true;
          return rootFor(event, proof.audit_path, head.tree_size) !== head.root_hash;
        })
        .map((event) => event.description);
    };

    beforeAll(async () => {
      before = await treeHead();
      events = await allEvents();
    });

    it('flags exactly the edited event; the tree and every other proof are unchanged', async () => {
      const victim = events[17]!;
      await tamper.setDescription(writer.tenant, victim.id, 'nothing to see here');
      const head = await treeHead();
      expect(head).toMatchObject({ tree_size: before.tree_size, root_hash: before.root_hash });
      expect(await failing(await allEvents(), head)).toEqual(['nothing to see here']);
    });

    it('flags two rows whose places were swapped', async () => {
      const [a, b] = [events[40]!, events[41]!];
      await tamper.swapSequences(writer.tenant, a.id, b.id);
      const failed = await failing(await allEvents(), await treeHead());
      expect(failed).toEqual(expect.arrayContaining([a.description, b.description]));
      expect(failed).toHaveLength(3);
    });

    it('leaves a forged row without a proof, and a deleted one as a gap in the sequence', async () => {
      await tamper.appendForged(
        storedEvent(writer.tenant, { description: 'forged', sequence: before.tree_size }),
      );
      const deleted = events[90]!;
      await tamper.deleteEvent(writer.tenant, deleted.id);
      const now = await allEvents();
      const head = await treeHead();
      expect(head.tree_size).toBe(before.tree_size);
      const failed = await failing(now, head);
      expect(failed).toContain('forged');
      expect(failed).not.toContain(events[89]!.description);
      const sequences = new Set(now.map((event) => event.sequence));
      expect(sequences.has(deleted.sequence)).toBe(false);
      expect(now.filter((event) => event.sequence! < head.tree_size)).toHaveLength(
        head.tree_size - 1,
      );

      // The places around it, read back by sequence: the deleted one is the only gap, and
      // every row there still proves against the signed root.
      const [start, end] = [deleted.sequence! - 3, deleted.sequence! + 4];
      const entries = await api.request<LogEntries>('/api/v1/audit/entries', {
        ...writer.auth,
        query: { start: String(start), end: String(end) },
      });
      expect(entries.status, entries.text).toBe(200);
      expect(entries.body).toMatchObject({ start, end });
      const places = entries.body.events.map((event) => event.sequence);
      expect(places).toEqual([start, start + 1, start + 2, start + 4, start + 5, start + 6]);
      expect(await failing(entries.body.events, head)).toEqual([]);
    });

    it('answers places only inside the log, at most 1000 at once, and to readers of the tenant', async () => {
      const size = (await treeHead()).tree_size;
      const entries = (query: Record<string, string>, session = writer) =>
        api.request('/api/v1/audit/entries', { ...session.auth, query });
      // The forged row at place `size` claims a place the log does not have.
      await expectValidationError(await entries({ start: '0', end: String(size + 1) }), 'end');
      await expectValidationError(await entries({ start: '5', end: '4' }), 'start');
      await expectValidationError(await entries({ start: '-1', end: '4' }), 'start');
      const many = await api.postBatch(
        writer.auth,
        Array.from({ length: 900 }, () => makeEvent()),
      );
      expect(many).toHaveLength(900);
      await expectValidationError(await entries({ start: '0', end: '1001' }), 'end');
      expect((await entries({ start: '0', end: '1000' })).status).toBe(200);
      // Another tenant's reader asks within its own, empty log.
      const stranger = await api.session(['audit_manager']);
      await expectValidationError(await entries({ start: '0', end: '1' }, stranger), 'end');
      expectError(
        await api.request('/api/v1/audit/entries', { query: { start: '0', end: '1' } }),
        401,
        'authentication_error',
      );
    });
  });

  it('never puts a password, token or API key in an error answer', () => {
    expectNoSecretsInErrors(api);
  });

  it("answers every error seen here as {error, message, details?} with its status's code", () => {
    expectContractErrorShapes(api);
  });
});
