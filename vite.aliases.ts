import { resolve } from 'node:path';

const entry = (path: string) => resolve(import.meta.dirname, path);

/** The package's public names mapped to its sources, for tests, stories and the demo. */
export const packageAliases = [
  { find: /^audit-log-sdk$/, replacement: entry('src/client/index.ts') },
  { find: /^audit-log-sdk\/verify$/, replacement: entry('src/client/verification/index.ts') },
  { find: /^audit-log-sdk\/queue$/, replacement: entry('src/client/queue/index.ts') },
  { find: /^audit-log-sdk\/search$/, replacement: entry('src/client/search/index.ts') },
  { find: /^audit-log-sdk\/testing$/, replacement: entry('src/server/index.ts') },
  { find: /^audit-log-sdk\/server$/, replacement: entry('src/host/index.ts') },
  { find: /^audit-log-sdk\/react$/, replacement: entry('src/hooks/index.ts') },
  { find: /^audit-log-sdk\/components$/, replacement: entry('src/components/index.ts') },
  { find: /^audit-log-sdk\/charts$/, replacement: entry('src/components/charts/index.ts') },
  { find: /^audit-log-sdk\/locales\/de$/, replacement: entry('src/components/ui/locales/de.ts') },
  { find: /^audit-log-sdk\/styles\.css$/, replacement: entry('src/components/styles.css') },
];
