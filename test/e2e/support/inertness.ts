import type { Page } from 'playwright-core';
import { HOSTILE_MARKER } from '../../../src/server/hostile-events.js';

/**
 * What a page shows when event text was taken for code: the hostile marker set, an
 * inline handler or `javascript:` URL in the DOM, a script the app did not ship, a polluted
 * `Object.prototype`, or a page wider than the window. Answers the problems found.
 */
export function inertnessProblems(page: Page): Promise<string[]> {
  return page.evaluate((marker) => {
    const problems: string[] = [];
    if ((window as unknown as Record<string, unknown>)[marker] !== undefined) {
      problems.push(`window.${marker} was set`);
    }
    if (({} as Record<string, unknown>)['polluted'] !== undefined) {
      problems.push('Object.prototype was polluted');
    }
    for (const element of document.querySelectorAll('*')) {
      for (const attribute of element.getAttributeNames()) {
        if (/^on/i.test(attribute)) {
          problems.push(`<${element.localName} ${attribute}> in the DOM`);
        }
        if (
          /^(href|src|action|formaction|xlink:href)$/i.test(attribute) &&
          /^\s*javascript:/i.test(element.getAttribute(attribute) ?? '')
        ) {
          problems.push(`<${element.localName} ${attribute}="javascript:…"> in the DOM`);
        }
      }
    }
    // The built page ships exactly one script, a module with a src, in the head.
    for (const script of document.querySelectorAll('script')) {
      if (!script.src || script.closest('body')) problems.push('a script the app did not ship');
    }
    if (document.querySelector('img[src="x"], svg[onload], b[onmouseover]')) {
      problems.push('markup from event text was parsed');
    }
    const scroller = document.scrollingElement!;
    if (scroller.scrollWidth > window.innerWidth) {
      problems.push(`page scrolls sideways: ${scroller.scrollWidth} > ${window.innerWidth}`);
    }
    return problems;
  }, HOSTILE_MARKER);
}
