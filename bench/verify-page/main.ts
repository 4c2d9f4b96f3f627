// In the browser: the reference API in-process (its tree and signing key too), a page of 50
// events, and how long the client takes to verify it (leaf hashes, one proof request, the
// signature of the head), timed with Web Crypto as a viewer would run it.
import { AuditLogClient } from '../../src/client/index.js';
import { AuditLogVerifier } from '../../src/client/verification/index.js';
import { createAuditLogTestServer, DEMO_PASSWORD } from '../../src/server/index.js';

declare global {
  interface Window {
    benchVerify?: { samples: number[]; verified: number; treeSize: number };
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
window.benchVerify = { samples, verified, treeSize: head.tree_size };
