import { useEffect, useMemo, useState } from 'react';
import { AuditLogClient, sessionStorageTokenStore } from '../../src/client/index.js';
import {
  AuditLogViewer,
  AuditUiProvider,
  Button,
  LoginForm,
  Select,
} from '../../src/components/index.js';
import {
  AuditLogProvider,
  useAuditEventQueue,
  useAuditSession,
  useLogout,
  usePermissions,
} from '../../src/hooks/index.js';
import { demoActors, demoResources } from './demo-directory.js';
import { EmitPage } from './emit-page.js';
import { HooksPage } from './hooks-page.js';

const TENANTS = ['acme', 'globex', 'initech'];
// What the queue does with a user's unsent events when they sign out: `?signout=discard`.
const AFTER_SIGN_OUT =
  new URLSearchParams(window.location.search).get('signout') === 'discard' ? 'discard' : 'keep';
type Page = 'viewer' | 'hooks' | 'emit';

interface PageProps {
  page: Page;
  tenant: string | undefined;
  onTenant: (t: string) => void;
}

function pageFromHash(): Page {
  const hash = window.location.hash.slice(2);
  return hash === 'hooks' || hash === 'emit' ? hash : 'viewer';
}

/** The demo: sign in, then the viewer, a page built from hooks, and a page that writes events. */
export function DemoApp({ baseUrl, fetch }: { baseUrl: string; fetch?: typeof globalThis.fetch }) {
  const client = useMemo(
    () =>
      new AuditLogClient({
        baseUrl,
        tokenStore: sessionStorageTokenStore(),
        ...(fetch ? { fetch } : {}),
      }),
    [baseUrl, fetch],
  );
  return (
    <AuditLogProvider client={client}>
      <Shell client={client} />
    </AuditLogProvider>
  );
}

function Shell({ client }: { client: AuditLogClient }) {
  const { tenantId } = useAuditSession();
  const [page, setPage] = useState<Page>(pageFromHash);
  // A system admin may look at another tenant: the same login, another X-Tenant-ID. The
  // choice belongs to the login it was made in (`sessionVersion`) and ends with it.
  const [choice, setChoice] = useState<{ tenant: string; session: number } | null>(null);
  const actingFor = choice?.session === client.sessionVersion ? choice.tenant : null;
  const setActingFor = (tenant: string) => setChoice({ tenant, session: client.sessionVersion });
  useEffect(() => {
    const onHash = () => setPage(pageFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const scoped = useMemo(
    () => (actingFor && actingFor !== tenantId ? client.withTenant(actingFor) : client),
    [client, actingFor, tenantId],
  );
  return (
    <AuditLogProvider client={scoped}>
      <Screens page={page} tenant={actingFor ?? tenantId} onTenant={setActingFor} />
    </AuditLogProvider>
  );
}

/**
 * Signed in or not: the queue stays open across both, so it sees the sign-out, keeps the
 * user's unsent events from whoever signs in next, and the sign-in screen can say so.
 */
function Screens({ page, tenant, onTenant }: PageProps) {
  const { isAuthenticated } = useAuditSession();
  const queue = useAuditEventQueue({ afterSignOut: AFTER_SIGN_OUT });
  const held = queue.state.held;

  if (!isAuthenticated) {
    return (
      <main className="demo-shell">
        <h1>Audit log demo</h1>
        <p>
          Sign in as <code>viewer</code>, <code>manager</code>, <code>admin</code> or{' '}
          <code>writer</code> of any tenant, or <code>root</code> of <code>acme</code>; the password
          is <code>audit-demo</code>.
        </p>
        {held ? (
          <p role="status" data-part="queue-held">
            {held.action === 'kept'
              ? `${held.count} queued ${held.count === 1 ? 'event waits' : 'events wait'} in this browser until the same user of ${held.tenantId} signs in again.`
              : `${held.count} queued ${held.count === 1 ? 'event' : 'events'} of the last user of ${held.tenantId} ${held.count === 1 ? 'was' : 'were'} discarded at sign-out.`}
          </p>
        ) : null}
        <LoginForm tenants={TENANTS} />
      </main>
    );
  }
  return (
    <main className={page === 'viewer' ? 'demo-shell demo-shell--fill' : 'demo-shell'}>
      {/* In the components' scope, so the nav's kit controls take the theme tokens. */}
      <header className="demo-header" data-scope="audit-log">
        {/* Every page of the app has one top-level heading, signed in or not. */}
        <h1 className="demo-title">Audit log demo</h1>
        <Nav page={page} tenant={tenant} onTenant={onTenant} />
      </header>
      {page === 'viewer' ? (
        // Names for user and resource ids, from the demo's stand-in directory.
        <AuditUiProvider resolveActors={demoActors} resolveResources={demoResources}>
          <AuditLogViewer syncUrl className="demo-viewer" />
        </AuditUiProvider>
      ) : page === 'hooks' ? (
        <HooksPage />
      ) : (
        <EmitPage queue={queue.queue} state={queue.state} />
      )}
    </main>
  );
}

function Nav({ page, tenant, onTenant }: PageProps) {
  const logout = useLogout();
  const { roles } = usePermissions();
  const links: [Page, string][] = [
    ['viewer', 'Viewer'],
    ['hooks', 'Built from hooks'],
    ['emit', 'Write events'],
  ];
  return (
    <nav className="demo-nav" aria-label="Demo">
      {links.map(([id, label]) => (
        <a key={id} href={`#/${id}`} aria-current={page === id ? 'page' : undefined}>
          {label}
        </a>
      ))}
      {roles.includes('system_admin') ? (
        <label>
          Tenant{' '}
          <Select value={tenant} onChange={(e) => onTenant(e.target.value)}>
            {TENANTS.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </Select>
        </label>
      ) : (
        <span>Tenant: {tenant}</span>
      )}
      <Button size="sm" className="demo-signout" onClick={() => logout.mutate()}>
        Sign out
      </Button>
    </nav>
  );
}
