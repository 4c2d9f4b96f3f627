/**
 * Lets timers and other requests run before long work goes on (setImmediate where there is
 * one): exports and searches call it between slices, so no tenant's request waits for a
 * whole export or scan of another's.
 */
export const yieldToOthers = (): Promise<void> =>
  new Promise((resolve) => (globalThis.setImmediate ?? setTimeout)(resolve));
