import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './browser.js';
import { startDemoServers, type DemoServerOptions, type DemoServers } from './demo-servers.js';

export interface DemoSuite {
  servers: DemoServers;
  browser: Browser;
}

/** A test file's servers and Chromium, started together before its tests and closed after. */
export function demoInChromium(options: DemoServerOptions = {}): DemoSuite {
  const suite = {} as DemoSuite;
  beforeAll(async () => {
    [suite.servers, suite.browser] = await Promise.all([
      startDemoServers(options),
      launchChromium(),
    ]);
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.servers?.close();
  });
  return suite;
}
