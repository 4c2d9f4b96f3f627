import { readFile } from 'node:fs/promises';
import { AuditLogClient } from '../client/audit-log-client.js';
import {
  ExportManifestSchema,
  JwksSchema,
  safeParse,
  type Jwks,
} from '../contract/schemas/index.js';
import { verifyExport } from '../client/verification/verify-export.js';

export const USAGE = `Usage: audit-log-sdk verify <file> <manifest.json> [--keys jwks.json | --server URL]

Checks an exported file against its signed manifest: nothing changed, added or removed,
under a tree head the server signed. Keys come from a JWKS file (offline) or from the
server's /api/v1/audit/public-keys. Exit status: 0 verified, 1 not verified, 2 usage.`;

export interface CliOutput {
  out: (line: string) => void;
  err: (line: string) => void;
}

class UsageError extends Error {
  override name = 'UsageError' as const;
}

async function readJsonFile(path: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`Cannot read the ${what} ${path}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new UsageError(`The ${what} ${path} is not JSON`);
  }
}

async function keysFrom(options: { keys?: string; server?: string }): Promise<Jwks> {
  if (options.keys) {
    const parsed = safeParse(JwksSchema, await readJsonFile(options.keys, 'key set'));
    if (!parsed.success) throw new UsageError(`${options.keys} is not a JWKS of Ed25519 keys`);
    return parsed.data;
  }
  return new AuditLogClient({ baseUrl: options.server! }).getPublicKeys();
}

function parseArgs(args: readonly string[]) {
  const positional: string[] = [];
  const options: { keys?: string; server?: string } = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--keys' || arg === '--server') {
      const value = args[++i];
      if (!value) throw new UsageError(`${arg} needs a value`);
      options[arg === '--keys' ? 'keys' : 'server'] = value;
    } else if (arg.startsWith('--')) {
      throw new UsageError(`Unknown option ${arg}`);
    } else {
      positional.push(arg);
    }
  }
  const [command, file, manifest, ...rest] = positional;
  if (command !== 'verify' || !file || !manifest || rest.length > 0) {
    throw new UsageError('Expected: verify <file> <manifest>');
  }
  if (Boolean(options.keys) === Boolean(options.server)) {
    throw new UsageError('Give the keys with exactly one of --keys or --server');
  }
  return { file, manifest, options };
}

/** Runs the command line; answers the exit status. */
export async function runCli(args: readonly string[], io: CliOutput): Promise<number> {
  try {
    if (args.includes('--help') || args.includes('-h')) {
      io.out(USAGE);
      return 0;
    }
    const { file, manifest: manifestPath, options } = parseArgs(args);
    const manifest = safeParse(ExportManifestSchema, await readJsonFile(manifestPath, 'manifest'));
    if (!manifest.success) throw new UsageError(`${manifestPath} is not an export manifest`);
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(file));
    } catch (error) {
      throw new UsageError(`Cannot read the file ${file}: ${(error as Error).message}`);
    }
    const result = await verifyExport(bytes, manifest.data, await keysFrom(options));
    if (result.ok) {
      io.out(
        `Verified: ${result.count} rows, exactly as exported by ${manifest.data.tenant_id} at ${manifest.data.signed_at} under a log of ${manifest.data.tree_head.tree_size} events`,
      );
      return 0;
    }
    io.err(`NOT verified: ${file}`);
    for (const problem of result.problems) io.err(`  - ${problem}`);
    return 1;
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(error.message);
      io.err(USAGE);
      return 2;
    }
    io.err(`Could not verify: ${(error as Error).message}`);
    return 1;
  }
}
