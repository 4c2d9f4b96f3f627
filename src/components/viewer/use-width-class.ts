'use client';
import { useEffect, useLayoutEffect, useState, type RefObject } from 'react';

/** The viewer's own width, in the steps its layout changes at. */
export type WidthClass = 'phone' | 'tablet' | 'desktop';

/** Below this the detail is a full-screen sheet and the volume strip waits behind its button. */
export const PHONE_MAX = 768;
/** Below this the sidebar lies over the table instead of beside it. */
export const TABLET_MAX = 1024;

// Measured before paint in the browser, so a phone never sees the desktop layout flash by.
const useBeforePaint = typeof window === 'undefined' ? useEffect : useLayoutEffect;

/**
 * How wide an element is, as a `WidthClass`: the viewer follows the room its host gives it,
 * not the window, so an embedded viewer in a narrow column lays out as on a phone. Without
 * layout (server rendering, jsdom) it answers `desktop`.
 */
export function useWidthClass(ref: RefObject<HTMLElement | null>): WidthClass {
  const [size, setSize] = useState<WidthClass>('desktop');
  useBeforePaint(() => {
    const element = ref.current;
    if (!element) return;
    const update = () => {
      const width = element.getBoundingClientRect().width;
      if (width === 0) return;
      setSize(width < PHONE_MAX ? 'phone' : width < TABLET_MAX ? 'tablet' : 'desktop');
    };
    update();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(update);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}
