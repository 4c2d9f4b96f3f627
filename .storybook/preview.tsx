import { QueryClient } from '@tanstack/react-query';
import type { Decorator, Loader, Preview } from '@storybook/react-vite';
import type { AuditLogClient } from 'audit-log-sdk';
import { AuditLogProvider } from 'audit-log-sdk/react';
import 'audit-log-sdk/styles.css';
import { createStoryClient, type AuditStoryServer } from '../stories/support/audit-server.js';
import './preview.css';

/** Stories that set `parameters.audit` get a signed-in client on their own reference server. */
const auditLoader: Loader = async ({ parameters }) => {
  const options = parameters['audit'] as AuditStoryServer | undefined;
  if (!options) return {};
  // One cache per story load: a re-render of the story (new args) keeps its data.
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return { auditClient: await createStoryClient(options), queryClient };
};

const withAuditClient: Decorator = (Story, { loaded }) => {
  const client = loaded['auditClient'] as AuditLogClient | undefined;
  const queryClient = loaded['queryClient'] as QueryClient | undefined;
  if (!client || !queryClient) return <Story />;
  return (
    <AuditLogProvider client={client} queryClient={queryClient}>
      <Story />
    </AuditLogProvider>
  );
};

// The canvas is what a host page gives the kit: a themed surface, at a width a story can narrow.
const withCanvas: Decorator = (Story, { globals, parameters }) => {
  const theme = globals['theme'] as 'light' | 'dark' | undefined;
  const width = parameters['width'] as number | undefined;
  return (
    <div
      className="story-canvas"
      data-scope="audit-log"
      data-theme={theme}
      style={width ? { maxWidth: width } : undefined}
    >
      <Story />
    </div>
  );
};

const preview: Preview = {
  decorators: [withAuditClient, withCanvas],
  loaders: [auditLoader],
  globalTypes: {
    theme: {
      description: 'Colour theme of the components',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light' },
  parameters: {
    layout: 'fullscreen',
    // Every story is an accessibility test: any axe violation fails it, in Storybook and in npm test.
    a11y: { test: 'error' },
  },
};

export default preview;
