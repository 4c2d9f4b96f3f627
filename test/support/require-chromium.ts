import { assertChromium } from './chromium.js';

/** Browser projects stop at once, with the fix in the message, when Chromium is missing. */
export default function requireChromium(): void {
  assertChromium();
}
