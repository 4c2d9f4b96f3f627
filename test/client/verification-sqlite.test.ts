import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConnection } from '../../demo/server/sqlite-connection.js';
import type { AuditLogClient, AuditLogEvent, TreeHead } from '../../src/client/index.js';
import { AuditLogVerifier, memoryTreeHeadStore } from '../../src/client/verification/index.js';
import { createAuditLogTestServer } from '../../src/server/index.js';
import { storedEvent } from '../contract/helpers.js';
import { signedInClient } from '../support/signed-in-client.js';
import { tamperableStore, type Tamperer } from '../support/tamper.js';

// The reference API on a SQLite file, which the tests edit through a connection of their own,
// as someone with access to the database could; the client sees only what the API answers.
let tamperer: Tamperer;
let client: AuditLogClient;
let head: TreeHead;
let logged: AuditLogEvent[];
const headStore = memoryTreeHeadStore();
const requests: string[] = [];

const verifier = () => new AuditLogVerifier(client, { headStore });
/** Every stored row as the API answers it now, by place in the log. */
const stored = async () =>
  (await client.queryEvents({}, { size: 1000 })).items.sort((a, b) => a.sequence! - b.sequence!);
/** The rows the API answers for a window of places: a page of events logged in time order. */
const window = (rows: AuditLogEvent[], from: number, to: number) =>
  rows.filter((event) => event.sequence! >= from && event.sequence! < to);

beforeAll(async () => {
  tamperer = await tamperableStore('sqlite');
  const server = await createAuditLogTestServer({
    store: tamperer.store,
    seed: { eventsPerTenant: 120 },
  });
  client = await signedInClient(server, requests);
  // The first visit: the head it accepts is the one later visits are held to.
  head = (await verifier().currentHead()).head;
  logged = await stored();
});
afterAll(() => tamperer?.close());

describe('a SQLite file edited behind the API', () => {
  it('before any edit: every row verifies, and a page has no gaps', async () => {
    const checker = verifier();
    const results = await checker.verifyEvents(logged, { treeHead: head });
    expect([...results.values()].every((result) => result.verdict === 'verified')).toBe(true);
    requests.length = 0;
    const gaps = await checker.findGaps(window(logged, 20, 70), { treeHead: head });
    expect(gaps).toEqual({ range: { start: 19, end: 71 }, missing: [] });
    // One read of the places, one proof request for the two beyond the page's edges.
    expect(requests).toEqual(['GET /api/v1/audit/entries', 'POST /api/v1/audit/proofs']);
  });

  it('flags exactly the changed, reordered and forged rows, and names the deleted place', async () => {
    const [changed, a, b, deleted] = [logged[25]!, logged[30]!, logged[31]!, logged[40]!];
    await tamperer.setDescription('acme', changed.id, 'nothing to see here');
    await tamperer.swapSequences('acme', a.id, b.id);
    await tamperer.deleteEvent('acme', deleted.id);
    const forged = storedEvent('acme', { description: 'forged', sequence: head.tree_size });
    await tamperer.appendForged(forged);

    const now = await stored();
    expect(now).toHaveLength(logged.length);
    const results = await verifier().verifyEvents(now, { treeHead: head });
    const failed = now
      .filter((event) => results.get(event.id)?.verdict !== 'verified')
      .map((event) => [event.id, results.get(event.id)?.verdict]);
    expect(failed.sort()).toEqual(
      [
        [changed.id, 'modified'],
        [a.id, 'modified'],
        [b.id, 'modified'],
        [forged.id, 'not_in_log'],
      ].sort(),
    );

    // The deleted row leaves no row to flag: the page it stood on shows a gap in its place,
    // and so does the page that ends right before it (its edge is read one place further).
    const gaps = (from: number, to: number) =>
      verifier().findGaps(window(now, from, to), { treeHead: head });
    expect((await gaps(20, 70)).missing).toEqual([deleted.sequence]);
    expect((await gaps(0, 40)).missing).toEqual([deleted.sequence]);
    expect((await gaps(60, 110)).missing).toEqual([]);
    // The swapped and edited rows are the page's own; their verdicts speak for them.
    expect((await gaps(20, 40)).missing).toEqual([deleted.sequence]);

    // The tree was not touched, so the log still extends the one seen before.
    expect((await verifier().currentHead()).consistency).toEqual({ ok: true });
  });

  it('fails the consistency check on the next visit once the tree is cut back to hide a deletion', async () => {
    const newest = logged.at(-1)!;
    await tamperer.deleteEvent('acme', newest.id);
    const db = openConnection(tamperer.file!, { readonly: false });
    db.prepare('UPDATE merkle_trees SET size = ? WHERE tenant_id = ?').run(
      head.tree_size - 1,
      'acme',
    );
    db.close();
    const { consistency } = await verifier().currentHead();
    expect(consistency).toEqual({
      ok: false,
      problem: `The log shrank from ${head.tree_size} to ${head.tree_size - 1} events since it was last seen`,
    });
  });

  it('leaves pages whose rows lie far apart unchecked for gaps, asking nothing', async () => {
    const sparse = logged.filter((event) => event.sequence! % 10 === 0);
    requests.length = 0;
    const gaps = await verifier().findGaps(sparse, { treeHead: head });
    expect(gaps).toEqual({ range: null, missing: [] });
    expect(requests).toEqual([]);
  });
});
