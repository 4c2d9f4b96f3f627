'use client';
import { useLayoutEffect, useState, type RefObject } from 'react';

export type PanelAlign = 'start' | 'end';

/** Space kept between a panel and the window's edge when it has to be pushed back in. */
const MARGIN = 8;

/**
 * Where an open panel lines up with its trigger so that it stays inside the window: the
 * preferred edge, else the other one (a Columns button at a toolbar's start, a phone's narrow
 * screen, a right-to-left page), else shifted sideways by what still pokes out.
 */
export function useFitInViewport(
  panel: RefObject<HTMLElement | null>,
  open: boolean,
  preferred: PanelAlign,
): { align: PanelAlign; shift: number } {
  const [fit, setFit] = useState<{ align: PanelAlign; shift: number }>({
    align: preferred,
    shift: 0,
  });
  useLayoutEffect(() => {
    const element = panel.current;
    if (!open || !element) {
      setFit({ align: preferred, shift: 0 });
      return;
    }
    const width = document.documentElement.clientWidth;
    const overflow = (align: PanelAlign) => {
      element.dataset['align'] = align;
      element.style.translate = '';
      const box = element.getBoundingClientRect();
      return { left: -box.left, right: box.right - width };
    };
    const poking = ({ left, right }: { left: number; right: number }) =>
      Math.max(0, left) + Math.max(0, right);
    const other: PanelAlign = preferred === 'start' ? 'end' : 'start';
    const first = overflow(preferred);
    if (poking(first) === 0) return setFit({ align: preferred, shift: 0 });
    const second = overflow(other);
    const [align, out] = poking(second) < poking(first) ? [other, second] : [preferred, first];
    const shift = out.right > 0 ? -(out.right + MARGIN) : out.left > 0 ? out.left + MARGIN : 0;
    setFit({ align, shift });
  }, [panel, open, preferred]);
  return fit;
}
