import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/verify-command.js';
import { makeEvent, useContractServer, type Session } from '../contract/helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'verify-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runCli(args, {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  });
  return { status, out: out.join('\n'), err: err.join('\n') };
}

describe('audit-log-sdk verify', () => {
  const api = useContractServer('memory');
  let session: Session;
  const files: Record<string, string> = {};

  beforeAll(async () => {
    session = await api.session(['audit_manager']);
    await api.postBatch(
      session.auth,
      Array.from({ length: 12 }, (_, i) => makeEvent({ description: `row ${i}` })),
    );
    for (const format of ['json', 'csv']) {
      const answer = await api.request('/api/v1/audit/events/export', {
        ...session.auth,
        query: { format },
      });
      const id = answer.headers.get('x-export-id');
      const manifest = await api.request(`/api/v1/audit/exports/${id}/manifest`, session.auth);
      files[format] = join(dir, `export.${format}`);
      files[`${format}-manifest`] = join(dir, `export.${format}.manifest.json`);
      writeFileSync(files[format]!, answer.text);
      writeFileSync(files[`${format}-manifest`]!, manifest.text);
    }
    const keys = await api.request('/api/v1/audit/public-keys');
    files.keys = join(dir, 'jwks.json');
    writeFileSync(files.keys, keys.text);
    files.tampered = join(dir, 'tampered.csv');
    const csv = (
      await api.request('/api/v1/audit/events/export', {
        ...session.auth,
        query: { format: 'csv' },
      })
    ).text;
    writeFileSync(files.tampered, csv.replace('row 3', 'row 9'));
  });

  it('verifies an untouched file offline with a key file, JSON and CSV', async () => {
    for (const format of ['json', 'csv']) {
      const result = await run([
        'verify',
        files[format]!,
        files[`${format}-manifest`]!,
        '--keys',
        files.keys!,
      ]);
      expect(result.err).toBe('');
      expect(result.status).toBe(0);
      expect(result.out).toMatch(/^Verified: 12 rows/);
    }
  });

  it('verifies with the keys fetched from the server', async () => {
    const result = await run([
      'verify',
      files.csv!,
      files['csv-manifest']!,
      '--server',
      api.server.baseUrl,
    ]);
    expect(result.status).toBe(0);
  });

  it('fails with a non-zero status and says what is wrong', async () => {
    const result = await run([
      'verify',
      files.tampered!,
      files['csv-manifest']!,
      '--keys',
      files.keys!,
    ]);
    expect(result.status).toBe(1);
    expect(result.err).toMatch(/NOT verified/);
    expect(result.err).toMatch(/not the one exported/);
  });

  it('explains its usage for bad arguments (status 2)', async () => {
    for (const args of [
      [],
      ['verify', files.csv!],
      ['verify', files.csv!, files['csv-manifest']!],
      ['verify', files.csv!, files['csv-manifest']!, '--keys', files.keys!, '--server', 'http://x'],
      ['verify', join(dir, 'missing.csv'), files['csv-manifest']!, '--keys', files.keys!],
      ['verify', files.csv!, files.csv!, '--keys', files.keys!],
    ]) {
      const result = await run(args);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.err).toMatch(/Usage: audit-log-sdk verify/);
    }
  });

  it('exits non-zero as a process when the file was changed', async () => {
    const node = promisify(execFile);
    const cli = ['--import', 'tsx', 'src/cli/main.ts', 'verify'];
    await expect(
      node(process.execPath, [...cli, files.csv!, files['csv-manifest']!, '--keys', files.keys!]),
    ).resolves.toMatchObject({ stdout: expect.stringMatching(/^Verified/) });
    await expect(
      node(process.execPath, [
        ...cli,
        files.tampered!,
        files['csv-manifest']!,
        '--keys',
        files.keys!,
      ]),
    ).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/NOT verified/) });
  });
});
