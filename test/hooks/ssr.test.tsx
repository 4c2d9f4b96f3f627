// @vitest-environment node
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { AuditLogClient } from '../../src/client/index.js';
import {
  AuditLogProvider,
  useAuditEvents,
  usePermissions,
  useSummary,
} from '../../src/hooks/index.js';

function Page() {
  const events = useAuditEvents({ severities: ['critical'] });
  const summary = useSummary();
  const permissions = usePermissions();
  return <p>{`${events.status} ${summary.status} ${String(permissions.known)}`}</p>;
}

describe('server rendering', () => {
  it('imports and renders on a server without touching window', () => {
    expect(typeof window).toBe('undefined');
    const client = new AuditLogClient({ baseUrl: 'http://audit.test', accessToken: 'token' });
    const html = renderToString(
      <AuditLogProvider client={client}>
        <Page />
      </AuditLogProvider>,
    );
    expect(html).toContain('pending pending false');
  });
});
