import type { Page } from 'playwright-core';

/**
 * The policy a careful host serves its admin panel with. Scripts only from the page's own
 * origin and no `unsafe-eval`; styles only from files too: no `unsafe-inline`, as the kit's
 * styles are stylesheets and the few computed ones (column widths, virtual row offsets, chart
 * geometry) are set through the CSSOM by React, which `style-src` does not govern. Nothing
 * else is allowed: no `data:` or `blob:` sources, no other origin to connect to.
 */
export const STRICT_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

/** Collects every CSP violation the page reports, from the event and from the console. */
export async function watchCspViolations(page: Page): Promise<() => Promise<string[]>> {
  const fromConsole: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) fromConsole.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as { cspViolations?: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(`${event.violatedDirective} blocked ${event.blockedURI} at ${event.sourceFile}`);
    });
  });
  return async () => [
    ...(await page.evaluate(() => (window as { cspViolations?: string[] }).cspViolations ?? [])),
    ...fromConsole,
  ];
}
