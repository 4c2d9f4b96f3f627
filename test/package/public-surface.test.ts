import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportedNames } from './entry-exports.js';

// The README's "Public surface" section is the one list of what each entry exports.
const ENTRIES: Record<string, string> = {
  'audit-log-sdk': 'src/client/index.ts',
  'audit-log-sdk/react': 'src/hooks/index.ts',
  'audit-log-sdk/components': 'src/components/index.ts',
  'audit-log-sdk/charts': 'src/components/charts/index.ts',
  'audit-log-sdk/locales/de': 'src/components/ui/locales/de.ts',
  'audit-log-sdk/testing': 'src/server/index.ts',
  'audit-log-sdk/server': 'src/host/index.ts',
  'audit-log-sdk/verify': 'src/client/verification/index.ts',
  'audit-log-sdk/queue': 'src/client/queue/index.ts',
  'audit-log-sdk/search': 'src/client/search/index.ts',
};

function listedNames(): Map<string, string[]> {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const section = /^## Public surface\n([\s\S]*?)^## /m.exec(readme)?.[1] ?? '';
  const listed = new Map<string, string[]>();
  for (const part of section.split(/^### /m).slice(1)) {
    const entry = /^`([^`]+)`/.exec(part)![1]!;
    const names = [...part.matchAll(/`([A-Za-z_$][\w$]*)`/g)].map((m) => m[1]!);
    listed.set(entry, names.sort());
  }
  return listed;
}

describe('the public surface', () => {
  const listed = listedNames();
  const exported = exportedNames(Object.values(ENTRIES));

  it('lists every package entry in the README', () => {
    expect([...listed.keys()].sort()).toEqual(Object.keys(ENTRIES).sort());
  });

  it.each(Object.entries(ENTRIES))(
    '%s exports exactly what the README lists',
    (entry, file) => {
      const names = exported.get(file)!;
      const listedHere = new Set(listed.get(entry));
      expect(
        names.filter((name) => !listedHere.has(name)),
        'exported but not listed',
      ).toEqual([]);
      expect(
        [...listedHere].filter((name) => !names.includes(name)),
        'listed but not exported',
      ).toEqual([]);
    },
    60_000,
  );
});
