import { AuditLogClient } from '../../../src/client/index.js';
import {
  AuditEventQueue,
  indexedDbQueueStorage,
  type QueueState,
} from '../../../src/client/queue/index.js';

/** What the test drives from outside, through `page.evaluate`. */
export interface QueuePageApi {
  /** Stores `count` events marked with `run` and a sequence number from `from`. */
  enqueue(run: string, from: number, count: number): Promise<void>;
  state(): QueueState;
  /** Records left in IndexedDB, read straight from the database (not through the queue). */
  storedRecords(): Promise<number>;
}

declare global {
  interface Window {
    queuePage?: QueuePageApi;
  }
}

const DB_NAME = 'audit-e2e-queue';
const params = new URLSearchParams(window.location.search);
const client = new AuditLogClient({
  baseUrl: window.location.origin,
  apiKey: params.get('key') ?? '',
  tenantId: params.get('tenant') ?? '',
  // Quick retries, so a run with injected failures finishes in seconds.
  retryDelay: 50,
  maxRetryDelay: 200,
});
const storage = indexedDbQueueStorage(DB_NAME);
const queue = await AuditEventQueue.open({
  client,
  storage,
  batchSize: Number(params.get('batch') ?? 25),
  flushDelay: 50,
  retryDelay: 50,
  maxRetryDelay: 400,
});

const status = document.getElementById('state')!;
const show = () => {
  const { pending, inFlight, failed } = queue.getState();
  status.textContent = `${pending} pending, ${inFlight} in flight, ${failed.length} refused`;
};
queue.subscribe(show);
show();

function countStored(): Promise<number> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(DB_NAME);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const request = db.transaction('events').objectStore('events').count();
      request.onsuccess = () => {
        db.close();
        resolve(request.result);
      };
      request.onerror = () => reject(request.error);
    };
  });
}

window.queuePage = {
  async enqueue(run, from, count) {
    for (let seq = from; seq < from + count; seq += 1) {
      await queue.enqueue({
        event_type: 'user_action',
        resource_type: 'queue-e2e',
        resource_id: `${run}-${seq}`,
        action: 'enqueue',
        severity: 'info',
        description: `Queued event ${seq} of run ${run}`,
        metadata: { run, seq },
      });
    }
  },
  state: () => queue.getState(),
  storedRecords: countStored,
};
