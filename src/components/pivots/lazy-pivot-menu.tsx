'use client';
import { lazy, Suspense } from 'react';
import type { PivotMenuProps } from './pivot-menu.js';

// Every cell and detail field may carry a menu, yet none is needed for the first paint of
// rows: the menu and its items arrive through `import()` once a row is on screen.
const PivotMenu = lazy(() => import('./pivot-menu.js'));

/** `PivotMenu`, fetched on first use; nothing shows until it has arrived. */
export function LazyPivotMenu(props: PivotMenuProps) {
  return (
    <Suspense fallback={null}>
      <PivotMenu {...props} />
    </Suspense>
  );
}
