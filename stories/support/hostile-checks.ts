import { HOSTILE_MARKER } from 'audit-log-sdk/testing';
import { expect } from 'storybook/test';

/** Elements that only exist if event text was parsed as markup. */
const ACTIVE_CONTENT =
  'script, iframe, object, embed, img[onerror], svg[onload], [href^="javascript:"]';

/**
 * The safety suite's promise for a component that showed the hostile corpus: nothing ran,
 * no element came from event text, and no prototype was polluted.
 */
export async function expectHostileInert(canvasElement: HTMLElement): Promise<void> {
  await expect((window as unknown as Record<string, unknown>)[HOSTILE_MARKER]).toBeUndefined();
  await expect(canvasElement.querySelectorAll(ACTIVE_CONTENT)).toHaveLength(0);
  const withHandlers = [...canvasElement.querySelectorAll('*')].filter((element) =>
    element.getAttributeNames().some((name) => name.toLowerCase().startsWith('on')),
  );
  await expect(withHandlers.map((element) => element.outerHTML.slice(0, 80))).toEqual([]);
  await expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  await expect((Object.prototype as Record<string, unknown>)['polluted']).toBeUndefined();
}

/**
 * The component's root stays within the space the host page gives it (the preview's canvas,
 * narrowed by `parameters.width`): long or hostile text wraps or scrolls inside it.
 */
export async function expectWithinCanvas(root: Element, canvasElement: HTMLElement): Promise<void> {
  const frame = canvasElement.querySelector<HTMLElement>('.story-canvas') ?? canvasElement;
  const style = getComputedStyle(frame);
  const room = frame.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  await expect(root.scrollWidth).toBeLessThanOrEqual(room + 1);
  await expect(root.getBoundingClientRect().width).toBeLessThanOrEqual(room + 1);
}

/** A row or card stays readable: a 1 MiB value must not stretch it past `max` pixels. */
export async function expectHeightAtMost(element: Element, max: number): Promise<void> {
  await expect(element.getBoundingClientRect().height).toBeLessThanOrEqual(max);
}

/** The component root the story rendered, by its `data-part`. */
export function partOf(canvasElement: HTMLElement, part: string): HTMLElement {
  const root = canvasElement.querySelector<HTMLElement>(`[data-part="${part}"]`);
  if (!root) throw new Error(`No [data-part="${part}"] in the story`);
  return root;
}
