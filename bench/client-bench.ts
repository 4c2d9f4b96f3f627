// Client overhead benchmark: `npm run bench:client` (figures go to BENCHMARKS.md).
// Every comparison runs in this one process against the same local server, as ratios.
import { cpus } from 'node:os';
import { AuditLogClient } from '../src/client/index.js';
import { DOUBT } from '../src/contract/checked.js';
import { PaginatedAuditLogsCheck } from '../src/contract/generated/validators.js';
import { PaginatedAuditLogsSchema, safeParse } from '../src/contract/schemas/index.js';
import { MemoryStore } from '../src/server/store/memory-store.js';
import { serveWithAdmin, timeRuns } from './support.js';

const WRITE_EVENTS = Number(process.env.BENCH_WRITES ?? 20_000);

const body = (i: number) => ({
  event_type: 'api_call' as const,
  resource_type: 'order',
  action: 'create',
  severity: 'info' as const,
  description: `Order ${i} created through the public API`,
  resource_id: `order-${i}`,
  user_id: `user-${i % 50}`,
  metadata: { amount: i % 1000, currency: 'EUR' },
});

async function main() {
  const store = new MemoryStore();
  const server = await serveWithAdmin(store, 'bench');
  const token = server.headers.Authorization.slice('Bearer '.length);
  const client = new AuditLogClient({
    baseUrl: server.baseUrl,
    accessToken: token,
    tenantId: 'bench',
  });
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model}, node ${process.version}`);

  // Reads: a 100-event page through the client vs a bare fetch + JSON.parse.
  await client.createEventsBatch(Array.from({ length: 2000 }, (_, i) => body(i)));
  const url = `${server.baseUrl}/api/v1/audit/events?size=100`;
  const raw = async () => {
    const response = await fetch(url, { headers: server.headers });
    JSON.parse(await response.text());
  };
  const viaClient = async () => {
    await client.queryEvents({}, { size: 100 });
  };
  // Interleaved rounds so drift on a shared machine hits both sides alike.
  const rawTimes: number[] = [];
  const clientTimes: number[] = [];
  for (let round = 0; round < 5; round++) {
    rawTimes.push((await timeRuns(60, 10, raw)).p50);
    clientTimes.push((await timeRuns(60, 10, viaClient)).p50);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const readRatio = median(clientTimes) / median(rawTimes);
  console.log(
    `queryEvents (100-event page): client p50 ${median(clientTimes).toFixed(2)} ms vs fetch+JSON.parse ${median(rawTimes).toFixed(2)} ms → ratio ${readRatio.toFixed(2)} (target ≤ 1.25)`,
  );

  // Validation alone: a 1000-event page, parse vs parse + schema.
  const page = await fetch(`${server.baseUrl}/api/v1/audit/events?size=1000`, {
    headers: server.headers,
  });
  const text = await page.text();
  const parseOnly = () => JSON.parse(text) as unknown;
  // What the client runs on a page it reads: the validator generated from the schema.
  const parseAndValidate = () => PaginatedAuditLogsCheck.check(JSON.parse(text));
  // The public safeParse (built parsers, then zod), which writes and other answers use.
  const parseAndSafeParse = () => safeParse(PaginatedAuditLogsSchema, JSON.parse(text));
  // Alternating rounds of 20 calls each, medians compared: load from other work on the
  // machine then falls on both sides alike instead of on whichever ran during it.
  const round = (fn: () => unknown, runs = 20) => {
    const start = performance.now();
    for (let i = 0; i < runs; i++) fn();
    return (performance.now() - start) / runs;
  };
  if (PaginatedAuditLogsCheck.check(JSON.parse(text)) === DOUBT) {
    throw new Error('the generated validator doubts a page the server wrote');
  }
  for (let i = 0; i < 20; i++) {
    parseOnly();
    parseAndValidate();
    parseAndSafeParse();
  }
  const parseRounds: number[] = [];
  const validateRounds: number[] = [];
  const safeParseRounds: number[] = [];
  for (let i = 0; i < 15; i++) {
    parseRounds.push(round(parseOnly));
    validateRounds.push(round(parseAndValidate));
    safeParseRounds.push(round(parseAndSafeParse));
  }
  const parseMs = median(parseRounds);
  const validateMs = median(validateRounds);
  const safeParseMs = median(safeParseRounds);
  const costOf = (ms: number) => ((ms - parseMs) / parseMs).toFixed(2);
  console.log(
    `1000-event page: JSON.parse ${parseMs.toFixed(2)} ms, parse + generated validator ${validateMs.toFixed(2)} ms → validation costs ${costOf(validateMs)}× the parse (target ≤ 1.5×); parse + safeParse ${safeParseMs.toFixed(2)} ms → ${costOf(safeParseMs)}×`,
  );

  // Writes: createEventsBatch vs hand-written chunked loops vs one createEvent per event.
  // Client and server share this process, so its CPU time is the steadier measure on a
  // shared machine. The batch sends an Idempotency-Key with each request (what makes its
  // retries safe), which the server fingerprints and records: the loop that sends one too is
  // the like-for-like comparison, the bare loop is kept beside it. The batch's default of 4
  // requests in flight is for a browser over a network; with the server in this process it
  // only adds live memory, so a line with one in flight is shown as well.
  // Variants alternate (in a rotating order) over ROUNDS rounds; medians compared.
  const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
  const events = Array.from({ length: WRITE_EVENTS }, (_, i) => body(i));
  const cpuMs = () => {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1000;
  };
  const handLoop = (withKey: boolean) => async () => {
    for (let from = 0; from < events.length; from += 1000) {
      const response = await fetch(`${server.baseUrl}/api/v1/audit/events/batch`, {
        method: 'POST',
        headers: withKey
          ? { ...server.headers, 'Idempotency-Key': crypto.randomUUID() }
          : server.headers,
        body: JSON.stringify({ audit_logs: events.slice(from, from + 1000) }),
      });
      await response.arrayBuffer();
    }
  };
  const writes = {
    batch: async () => void (await client.createEventsBatch(events)),
    batchOneInFlight: async () => void (await client.createEventsBatch(events, { concurrency: 1 })),
    loop: handLoop(false),
    loopWithKeys: handLoop(true),
  };
  const names = Object.keys(writes) as (keyof typeof writes)[];
  const runs: Record<string, { wall: number[]; cpu: number[] }> = {};
  for (const name of names) runs[name] = { wall: [], cpu: [] };
  for (let round = 0; round < ROUNDS; round++) {
    const order = [...names.slice(round % names.length), ...names.slice(0, round % names.length)];
    for (const name of order) {
      const [wall, cpu] = [performance.now(), cpuMs()];
      await writes[name]();
      runs[name]!.wall.push(performance.now() - wall);
      runs[name]!.cpu.push(cpuMs() - cpu);
    }
  }
  const wallOf = (name: keyof typeof writes) => median(runs[name]!.wall);
  const cpuOf = (name: keyof typeof writes) => median(runs[name]!.cpu);

  // BENCH_SEQUENTIAL=0 leaves out the sequential line (minutes on a loaded machine).
  const sequential = process.env.BENCH_SEQUENTIAL !== '0';
  const start = performance.now();
  if (sequential) for (const event of events) await client.createEvent(event);
  const singleMs = performance.now() - start;

  const line = (name: keyof typeof writes) =>
    `${wallOf(name).toFixed(0)} ms (CPU ${cpuOf(name).toFixed(0)} ms)`;
  const ratio = (loop: keyof typeof writes, batch: keyof typeof writes) =>
    `${(wallOf(loop) / wallOf(batch)).toFixed(2)}× wall clock, ${(cpuOf(loop) / cpuOf(batch)).toFixed(2)}× CPU time`;
  console.log(
    `${WRITE_EVENTS} events (medians of ${ROUNDS}): createEventsBatch ${line('batch')}, with one request in flight ${line('batchOneInFlight')}; hand-written chunked fetch loop ${line('loop')}, the same sending an Idempotency-Key per request ${line('loopWithKeys')}`,
  );
  if (sequential)
    console.log(
      `  sequential createEvent ${singleMs.toFixed(0)} ms: batch ${(singleMs / wallOf('batch')).toFixed(1)}× faster (target ≥ 20×)`,
    );
  console.log(
    `  batch speed vs the loop with keys: ${ratio('loopWithKeys', 'batch')}; one in flight: ${ratio('loopWithKeys', 'batchOneInFlight')} (target ≥ 0.9×)`,
  );
  console.log(
    `  batch speed vs the bare loop: ${ratio('loop', 'batch')}; one in flight: ${ratio('loop', 'batchOneInFlight')}`,
  );
  await server.close();
}

await main();
