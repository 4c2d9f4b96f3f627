// In the browser: the reference API in-process (its tree and signing key too), a page of 50
// events, and how long the client takes to verify it (leaf hashes, one proof request, the
// signature of the head), timed with Web Crypto as a viewer would run it; then the same with
// the gap check that finds rows deleted while the tree kept their leaves.
import { AuditLogClient } from '../../src/client/index.js';
import { AuditLogVerifier } from '../../src/client/verification/index.js';
import { createAuditLogTestServer, DEMO_PASSWORD } from '../../src/server/index.js';

declare global {
  interface Window {
    benchVerify?: { samples: number[]; withGaps: number[]; verified: number; treeSize: number };
  }
}

const server = await createAuditLogTestServer({ seed: { eventsPerTenant: 5000 } });
const client = new AuditLogClient({ baseUrl: server.baseUrl, fetch: server.fetch });
await client.login({ username: 'viewer', password: DEMO_PASSWORD, tenant_id: 'acme' });
const verifier = new AuditLogVerifier(client);
const { head } = await verifier.currentHead();
const samples: number[] = [];
let verified = 0;
for (let run = 0; run < 25; run++) {
  const page = await client.queryEvents({}, { page: run + 1, size: 50 });
  const start = performance.now();
  const verdicts = await verifier.verifyEvents(page.items, { treeHead: head });
  samples.push(performance.now() - start);
  verified += [...verdicts.values()].filter((v) => v.verdict === 'verified').length;
}
// The viewer's whole check of a page of events logged one after another (a live log's newest
// page): its verdicts, then the gap check (the page's places and one on each side, read and
// the two edge rows proven).
const withGaps: number[] = [];
for (let run = 0; run < 25; run++) {
  const { events } = await client.getLogEntries(100 + run * 50, 150 + run * 50);
  const start = performance.now();
  await verifier.verifyEvents(events, { treeHead: head });
  const { missing } = await verifier.findGaps(events, { treeHead: head });
  withGaps.push(performance.now() - start);
  if (missing.length > 0)
    throw new Error(`Places ${missing.join(', ')} missing from an untouched log`);
}
window.benchVerify = { samples, withGaps, verified, treeSize: head.tree_size };
