import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// Clock ticks per second of /proc's CPU times: 100 on Linux everywhere this runs.
const TICKS = 100;

function stat(pid: string): string[] | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which may hold spaces, in its parentheses.
    return text.slice(text.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/**
 * CPU seconds a local PostgreSQL cluster has used so far: its postmaster, the children it
 * has reaped, and the children still running (the store's connections). With the bench's
 * own CPU this is the whole cost of a write on a machine whose cores the two share.
 */
export function clusterCpuSeconds(dataDir: string): number {
  const postmaster = readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]!;
  // After the name: [0] state, [1] ppid … [11] utime, [12] stime, [13] cutime, [14] cstime.
  const own = stat(postmaster);
  let ticks = own ? Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14]) : 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const fields = stat(pid);
    if (fields?.[1] === postmaster) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks / TICKS;
}
