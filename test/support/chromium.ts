import { existsSync } from 'node:fs';
import type { LaunchOptions } from 'playwright-core';

/** Debian's Chromium unless CHROMIUM_PATH names another. */
export const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Throws a clear error when there is no Chromium to start. */
export function assertChromium(): void {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `No Chromium at ${chromiumPath}: run \`apt-get install -y chromium\` or set CHROMIUM_PATH.`,
    );
  }
}

/**
 * How every real-browser run here starts Chromium: headless, no sandbox (CI runs as root),
 * and none of the background traffic a closed network refuses. Playwright gives each launch
 * a fresh, empty profile.
 */
export function chromiumLaunchOptions(): LaunchOptions {
  return {
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  };
}
