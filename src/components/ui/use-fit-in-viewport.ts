'use client';
import { useLayoutEffect, type RefObject } from 'react';

export type PanelAlign = 'start' | 'end';

/** Space kept between a panel and the window's edge when it has to be pushed back in. */
const MARGIN = 8;

/** How far the panel pokes out of the window on each side when lined up at `align`. */
function overflowAt(element: HTMLElement, align: PanelAlign): { left: number; right: number } {
  element.dataset['align'] = align;
  element.style.translate = '';
  const box = element.getBoundingClientRect();
  return { left: -box.left, right: box.right - document.documentElement.clientWidth };
}

const poking = ({ left, right }: { left: number; right: number }) =>
  Math.max(0, left) + Math.max(0, right);

/** Lines the panel up with its best edge and pushes it back inside the window if need be. */
function fitPanel(element: HTMLElement, preferred: PanelAlign): void {
  const other: PanelAlign = preferred === 'start' ? 'end' : 'start';
  const first = overflowAt(element, preferred);
  if (poking(first) === 0) return;
  const second = overflowAt(element, other);
  const [align, out] = poking(second) < poking(first) ? [other, second] : [preferred, first];
  const shift = out.right > 0 ? -(out.right + MARGIN) : out.left > 0 ? out.left + MARGIN : 0;
  element.dataset['align'] = align;
  element.style.translate = shift ? `${shift}px 0` : '';
}

/**
 * Where an open panel lines up with its trigger so that it stays inside the window: the
 * preferred edge, else the other one (a Columns button at a toolbar's start, a phone's narrow
 * screen, a right-to-left page), else shifted sideways by what still pokes out. The panel is
 * measured and placed before the browser paints; its `data-align` and `translate` are written
 * here rather than rendered, so a re-render does not undo the measured place.
 */
export function useFitInViewport(
  panel: RefObject<HTMLElement | null>,
  open: boolean,
  preferred: PanelAlign,
): void {
  useLayoutEffect(() => {
    const element = panel.current;
    if (open && element) fitPanel(element, preferred);
  }, [panel, open, preferred]);
}
