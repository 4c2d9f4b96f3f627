/// <reference types="vite/client" />
// `audit-log-sdk/styles.css` in the built package is the shared tokens plus every component
// folder's stylesheet (scripts/build-styles.ts). The source alias the preview imports is the
// tokens alone, so stories load the folders' sheets here, found the same way the build finds them.
import.meta.glob('../../src/components/*/*.css', { eager: true });
