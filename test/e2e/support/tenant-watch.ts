import type { Page } from 'playwright-core';

export interface TenantWatchReport {
  /** Whether the forbidden text was on screen before the switch (the check can see it). */
  seenBefore: boolean;
  /** Every moment after the switch began that the viewer held the forbidden text. */
  leaks: { at: number; text: string }[];
  /** Frames checked after the switch began. */
  frames: number;
}

interface TenantWatch extends TenantWatchReport {
  forbidden: string | null;
  switchedAt: number | null;
}

declare global {
  interface Window {
    tenantWatch?: TenantWatch;
  }
}

/**
 * Installed before the app loads: from the `change` of the tenant picker on, it checks the
 * viewer after every DOM mutation (before the browser can paint it) and on every animation
 * frame, and records any moment the old tenant's text is in it.
 */
function installTenantWatch(): void {
  const watch: TenantWatch = {
    forbidden: null,
    switchedAt: null,
    seenBefore: false,
    leaks: [],
    frames: 0,
  };
  window.tenantWatch = watch;
  const check = () => {
    if (watch.forbidden === null) return;
    const text = document.querySelector('[data-part="viewer"]')?.textContent ?? '';
    const at = text.indexOf(watch.forbidden);
    if (watch.switchedAt === null) {
      watch.seenBefore ||= at >= 0;
    } else if (at >= 0) {
      watch.leaks.push({
        at: performance.now() - watch.switchedAt,
        text: text.slice(Math.max(0, at - 60), at + 40),
      });
    }
  };
  // Capture phase on the document runs before React's own listener on the root.
  document.addEventListener(
    'change',
    (event) => {
      if (watch.forbidden !== null && (event.target as Element).closest('.demo-nav')) {
        watch.switchedAt = performance.now();
      }
    },
    true,
  );
  new MutationObserver(check).observe(document, {
    subtree: true,
    childList: true,
    characterData: true,
  });
  const frame = () => {
    if (watch.switchedAt !== null) watch.frames += 1;
    check();
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

export async function installTenantWatchOn(page: Page): Promise<void> {
  await page.addInitScript(installTenantWatch);
}

/** Starts a new watch: from the next tenant change on, `forbidden` must not be shown. */
export async function forbidAfterSwitch(page: Page, forbidden: string): Promise<void> {
  await page.evaluate((text) => {
    const watch = window.tenantWatch!;
    Object.assign(watch, {
      forbidden: text,
      switchedAt: null,
      seenBefore: false,
      leaks: [],
      frames: 0,
    });
    // The rows on screen now count as "before".
    watch.seenBefore = (document.querySelector('[data-part="viewer"]')?.textContent ?? '').includes(
      text,
    );
  }, forbidden);
}

export async function tenantWatchReport(page: Page): Promise<TenantWatchReport> {
  return page.evaluate(() => {
    const { seenBefore, leaks, frames } = window.tenantWatch!;
    return { seenBefore, leaks: leaks.slice(0, 10), frames };
  });
}
