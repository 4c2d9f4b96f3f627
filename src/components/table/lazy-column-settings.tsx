'use client';
import { lazy } from 'react';

/** The column menu, fetched through `import()`: nobody needs it for the first paint of rows. */
export const LazyColumnSettings = lazy(() =>
  import('./column-settings-menu.js').then((module) => ({ default: module.ColumnSettings })),
);
