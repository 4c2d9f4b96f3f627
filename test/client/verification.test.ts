import { describe, expect, it } from 'vitest';
import { IntegrityError, type AuditLogEvent, type TreeHead } from '../../src/client/index.js';
import {
  AuditLogVerifier,
  memoryTreeHeadStore,
  verifyExport,
} from '../../src/client/verification/index.js';
import {
  consistencyHolds,
  rootFromInclusion,
  rootOfLeaves,
} from '../../src/client/verification/merkle.js';
import {
  createAuditLogTestServer,
  type AuditLogTestServer,
  type MemoryStore,
} from '../../src/server/index.js';
import {
  hex,
  RFC6962_LEAVES,
  RFC6962_ROOTS,
  rfcConsistency,
  rfcLeafHash,
  rfcPath,
  rfcRoot,
} from '../support/rfc6962.js';
import { privateSigningJwk } from '../support/signing-key.js';
import { signedInClient } from '../support/signed-in-client.js';

async function serverWith(options: Parameters<typeof createAuditLogTestServer>[0] = {}) {
  return createAuditLogTestServer({ seed: { eventsPerTenant: 60 }, ...options });
}

const verdicts = (results: Map<string, { verdict: string }>, events: AuditLogEvent[]) =>
  events.map((event) => results.get(event.id)?.verdict);

describe("the client's RFC 6962 checks", () => {
  it("agree with the RFC's reference roots and an independent implementation", async () => {
    const reference = RFC6962_LEAVES.map(rfcLeafHash);
    for (let size = 0; size <= reference.length; size++) {
      expect(await rootOfLeaves(reference.slice(0, size))).toBe(RFC6962_ROOTS[size]);
    }
    const leaves = Array.from({ length: 21 }, (_, i) => rfcLeafHash(Uint8Array.of(i, 7)));
    for (let size = 1; size <= leaves.length; size++) {
      const root = hex(rfcRoot(leaves.slice(0, size)));
      expect(await rootOfLeaves(leaves.slice(0, size))).toBe(root);
      for (let m = 0; m < size; m++) {
        const path = rfcPath(m, leaves.slice(0, size)).map(hex);
        expect(await rootFromInclusion(m, size, leaves[m]!, path)).toBe(root);
        // The same proof for a neighbour's leaf leads elsewhere.
        const other = leaves[(m + 1) % size]!;
        if (size > 1) expect(await rootFromInclusion(m, size, other, path)).not.toBe(root);
      }
      for (let first = 1; first <= size; first++) {
        const firstRoot = hex(rfcRoot(leaves.slice(0, first)));
        const proof = rfcConsistency(first, leaves.slice(0, size)).map(hex);
        expect(await consistencyHolds(first, size, firstRoot, root, proof)).toBe(true);
        if (first < size) {
          const wrongRoot = hex(rfcRoot([leaves[5]!, ...leaves.slice(1, first)]));
          if (wrongRoot !== firstRoot) {
            expect(await consistencyHolds(first, size, wrongRoot, root, proof)).toBe(false);
          }
        }
      }
    }
  });
});

describe('AuditLogVerifier against the in-process reference API', () => {
  it('verifies a page with one proof request, and flags exactly the tampered rows', async () => {
    const server = await serverWith();
    const requests: string[] = [];
    const client = await signedInClient(server, requests);
    const verifier = new AuditLogVerifier(client);
    const { head } = await verifier.currentHead();
    const page = (await client.queryEvents({}, { size: 50 })).items;
    requests.length = 0;
    const clean = await verifier.verifyEvents(page, { treeHead: head });
    expect(new Set(verdicts(clean, page))).toEqual(new Set(['verified']));
    expect(requests).toEqual(['POST /api/v1/audit/proofs']);

    const [edited, a, b] = [page[3]!, page[10]!, page[11]!];
    const store = server.store as MemoryStore;
    store.editStoredEvents('acme', (rows) => {
      rows.find((row) => row.id === edited.id)!.description = 'rewritten';
      const first = rows.find((row) => row.id === a.id)!;
      const second = rows.find((row) => row.id === b.id)!;
      [first.sequence, second.sequence] = [second.sequence, first.sequence];
      rows.push({ ...edited, id: 'forged-event', sequence: head.tree_size - 1 });
      rows.push({ ...edited, id: 'forged-beyond', sequence: head.tree_size });
    });
    const again = (await client.queryEvents({}, { size: 1000 })).items;
    const results = await verifier.verifyEvents(again, { treeHead: head });
    const failed = again.filter((event) => results.get(event.id)?.verdict !== 'verified');
    expect(failed.map((event) => [event.id, results.get(event.id)?.verdict]).sort()).toEqual(
      [
        [edited.id, 'modified'],
        [a.id, 'modified'],
        [b.id, 'modified'],
        ['forged-beyond', 'not_in_log'],
        ['forged-event', 'modified'],
      ].sort(),
    );
  });

  it('refuses a tree head whose signature does not check out', async () => {
    const server = await serverWith();
    const verifier = new AuditLogVerifier(await signedInClient(server));
    const { head } = await verifier.currentHead();
    const forged: TreeHead = { ...head, tree_size: head.tree_size - 1 };
    await expect(verifier.verifyEvents([], { treeHead: forged })).rejects.toThrow(IntegrityError);
  });

  it('notices on the next visit a log that was rebuilt without a row, or rolled back', async () => {
    const treeSigningKey = await privateSigningJwk();
    const headStore = memoryTreeHeadStore();
    const first = await serverWith({ treeSigningKey });
    const events = (await (await signedInClient(first)).queryEvents({}, { size: 1000 })).items;
    const visit = async (server: AuditLogTestServer) =>
      new AuditLogVerifier(await signedInClient(server), { headStore }).currentHead();
    expect((await visit(first)).consistency).toEqual({ ok: true });

    // The same events, one left out, logged afresh and signed with the same key.
    const withoutOne = await serverWith({ treeSigningKey, seed: false });
    const kept = events
      .filter((_, i) => i !== 7)
      .sort((x, y) => x.sequence! - y.sequence!)
      .map((event) => {
        const copy = { ...event };
        delete copy.sequence;
        return copy;
      });
    withoutOne.store.insertEvents('acme', kept);
    withoutOne.store.insertEvents('acme', [
      { ...kept[0]!, id: 'padding-1' },
      { ...kept[0]!, id: 'padding-2' },
    ]);
    await withoutOne.store.insertUser((await first.store.findUserByUsername('acme', 'admin'))!);
    const rebuilt = await visit(withoutOne);
    expect(rebuilt.consistency.ok).toBe(false);
    expect(rebuilt.consistency.problem).toMatch(/changed, removed or reordered/);
    // The failure sticks until someone looks into it: the rewritten head is not kept.
    expect((await visit(withoutOne)).consistency.ok).toBe(false);

    const rolledBack = await serverWith({ treeSigningKey, seed: false });
    rolledBack.store.insertEvents('acme', kept.slice(0, 10));
    await rolledBack.store.insertUser((await first.store.findUserByUsername('acme', 'admin'))!);
    expect((await visit(rolledBack)).consistency.problem).toMatch(/shrank from/);
  });

  it('reports, rather than throws, a head seen before under keys the server no longer has', async () => {
    const headStore = memoryTreeHeadStore();
    const first = await serverWith();
    await new AuditLogVerifier(await signedInClient(first), { headStore }).currentHead();
    const replaced = await serverWith();
    const check = await new AuditLogVerifier(await signedInClient(replaced), {
      headStore,
    }).currentHead();
    expect(check.consistency).toEqual({
      ok: false,
      problem: expect.stringMatching(/keys were replaced/),
    });
  });

  it('keeps the last seen head per server and tenant', async () => {
    const server = await serverWith();
    const headStore = memoryTreeHeadStore();
    const client = await signedInClient(server);
    await new AuditLogVerifier(client, { headStore }).currentHead();
    expect(headStore.get(`${server.baseUrl}\u0000acme`)?.tenant_id).toBe('acme');
    expect(headStore.get(`http://elsewhere.test\u0000acme`)).toBeNull();
    expect(headStore.get(`${server.baseUrl}\u0000globex`)).toBeNull();
  });
});

describe('verifyExport', () => {
  async function exported(server: AuditLogTestServer, format: 'json' | 'csv', query = '') {
    const client = await signedInClient(server);
    const tokens = await server.login('admin', 'acme');
    const response = await server.fetch(
      `${server.baseUrl}/api/v1/audit/events/export?format=${format}${query}`,
      { headers: { Authorization: `Bearer ${tokens.access_token}` } },
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    const manifest = await client.getExportManifest(response.headers.get('X-Export-Id')!);
    return { bytes, manifest, jwks: await client.getPublicKeys() };
  }
  const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
  const bytesOf = (value: string) => new TextEncoder().encode(value);

  it('passes an untouched JSON or CSV file offline, and checks a whole log against its root', async () => {
    const server = await serverWith();
    for (const format of ['json', 'csv'] as const) {
      const { bytes, manifest, jwks } = await exported(server, format);
      expect(await verifyExport(bytes, manifest, jwks)).toEqual({
        ok: true,
        count: 60,
        problems: [],
      });
    }
  });

  it('names what is wrong: one changed byte, one removed row, one added row', async () => {
    const server = await serverWith();
    const json = await exported(server, 'json');
    const changed = json.bytes.slice();
    const at = text(changed).indexOf('"description":"') + 15;
    changed[at] = changed[at] === 0x41 ? 0x42 : 0x41;
    const one = await verifyExport(changed, json.manifest, json.jwks);
    expect(one.ok).toBe(false);
    expect(one.problems.join('\n')).toMatch(/not the one exported: its SHA-256/);
    expect(one.problems.join('\n')).toMatch(/do not hash to the signed root/);

    const document = JSON.parse(text(json.bytes)) as { data: unknown[] };
    const removed = { ...document, data: document.data.slice(1) };
    const fewer = await verifyExport(bytesOf(JSON.stringify(removed)), json.manifest, json.jwks);
    expect(fewer.problems).toContain(
      'The file holds 59 rows; the manifest signed 60: 1 row removed',
    );

    const csv = await exported(server, 'csv', '&severities=info');
    const lines = text(csv.bytes).split('\r\n');
    const extra = bytesOf([...lines.slice(0, 2), lines[1], ...lines.slice(2)].join('\r\n'));
    const more = await verifyExport(extra, csv.manifest, csv.jwks);
    expect(more.ok).toBe(false);
    expect(more.problems.join('\n')).toMatch(/1 row added/);
    expect(more.problems.join('\n')).toMatch(/claims place \d+, as Row 1/);
  });

  it('refuses a manifest not signed by the given keys', async () => {
    const server = await serverWith();
    const { bytes, manifest } = await exported(server, 'json');
    const other = await serverWith();
    const strangerKeys = await (await signedInClient(other)).getPublicKeys();
    const result = await verifyExport(bytes, manifest, strangerKeys);
    expect(result.ok).toBe(false);
    expect(result.problems[0]).toMatch(/not signed by any of the given keys/);
  });
});
