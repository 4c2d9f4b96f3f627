import { afterEach } from 'vitest';

// Testing Library unmounts after each test only when test globals are on; they are not
// here, so DOM tests are cleaned up explicitly (node tests skip it).
afterEach(async () => {
  if (typeof document === 'undefined') return;
  const { cleanup } = await import('@testing-library/react');
  cleanup();
});
