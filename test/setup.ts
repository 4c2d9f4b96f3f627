import { format } from 'node:util';
import { afterEach, beforeEach, expect } from 'vitest';
import { findSecrets } from './support/secret-scan.js';

// Everything any test prints is scanned: no password, token or API key may reach a log.
const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug'] as const;
let printed: string[] = [];
const originals = new Map(CONSOLE_METHODS.map((method) => [method, console[method]]));
for (const method of CONSOLE_METHODS) {
  console[method] = (...args: unknown[]) => {
    printed.push(format(...args));
    originals.get(method)!.apply(console, args);
  };
}

beforeEach(() => {
  printed = [];
});

afterEach(() => {
  const leaked = printed.flatMap(findSecrets);
  expect(leaked, 'secrets printed to the console').toEqual([]);
});

beforeEach(() => {
  if (typeof document === 'undefined') return;
  // jsdom has no layout: the table scrolls rows into view and charts observe their size.
  Element.prototype.scrollTo ??= () => {};
  Element.prototype.scrollIntoView ??= () => {};
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});

// Testing Library unmounts after each test only when test globals are on; they are not
// here, so DOM tests are cleaned up explicitly (node tests skip it).
afterEach(async () => {
  if (typeof document === 'undefined') return;
  const { cleanup } = await import('@testing-library/react');
  cleanup();
});
