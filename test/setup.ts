import { afterEach, beforeEach } from 'vitest';

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
