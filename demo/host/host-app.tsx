import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { AuditLogClient, hostSessionToken } from '../../src/client/index.js';
import { AccessLog, AuditLogViewer, FILTER_LABELS } from '../../src/components/index.js';
import { AuditLogProvider } from '../../src/hooks/index.js';
import type { HostMe, HostView } from './host-backend.js';

type Me = HostMe | null | undefined;

function viewFromHash(): HostView {
  return window.location.hash === '#/access' ? 'access' : 'log';
}

/**
 * The host's admin panel: its own sign-in, and the audit viewer embedded with a viewer
 * session its backend mints. The page holds a short-lived, scoped token in memory and
 * nothing else: no audit password, no API key, no refresh token.
 */
export function HostApp() {
  const [me, setMe] = useState<Me>(undefined);
  useEffect(() => {
    void fetch('/host/me').then(async (answer) => setMe(answer.ok ? await answer.json() : null));
  }, []);
  if (me === undefined) return <p role="status">Loading…</p>;
  return me ? (
    <SignedIn me={me} onChange={setMe} />
  ) : (
    <HostSignIn onSignedIn={(next) => setMe(next)} />
  );
}

function HostSignIn({ onSignedIn }: { onSignedIn: (me: HostMe) => void }) {
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const answer = await fetch('/host/sign-in', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: form.get('username'), password: form.get('password') }),
    });
    if (answer.ok) onSignedIn((await answer.json()) as HostMe);
    else setError('Wrong username or password.');
  };
  return (
    <main className="host-shell">
      <h1 className="host-title">Host admin panel</h1>
      <p>
        This page plays a SaaS product that embeds the audit viewer for its customers&apos; admins.
        Sign in with the host&apos;s own accounts: <code>dana</code> (customer acme, sign-in events)
        or <code>lee</code> (customer globex, errors only); the password is <code>host-demo</code>.
      </p>
      <form className="host-sign-in" onSubmit={(event) => void submit(event)}>
        <label>
          Username <input name="username" autoComplete="username" required />
        </label>
        <label>
          Password{' '}
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        {error ? <p role="alert">{error}</p> : null}
        <button type="submit">Sign in</button>
      </form>
    </main>
  );
}

/** The scope in the filter bar's words, e.g. "Event types: authentication". */
function scopeText(scope: HostMe['scope']): string {
  const parts: string[] = [];
  if (scope.event_types) parts.push(`${FILTER_LABELS.eventTypes}: ${scope.event_types.join(', ')}`);
  if (scope.severities) parts.push(`${FILTER_LABELS.severities}: ${scope.severities.join(', ')}`);
  return parts.join('; ');
}

function SignedIn({ me, onChange }: { me: HostMe; onChange: (me: Me) => void }) {
  const [view, setView] = useState<HostView>(viewFromHash);
  useEffect(() => {
    const onHash = () => setView(viewFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const endAccess = async () => {
    await fetch('/host/audit-session', { method: 'DELETE' });
    onChange({ ...me, auditEnded: true });
  };
  const signOut = async () => {
    await fetch('/host/sign-out', { method: 'POST' });
    onChange(null);
  };
  return (
    <main className="host-shell">
      <h1 className="host-title">Host admin panel</h1>
      <nav className="host-nav" aria-label="Host">
        <a href="#/log" aria-current={view === 'log' ? 'page' : undefined}>
          Audit log
        </a>
        <a href="#/access" aria-current={view === 'access' ? 'page' : undefined}>
          Who looked
        </a>
        <span data-part="host-user">
          {me.displayName} · customer {me.tenantId} · sees {scopeText(me.scope)}
        </span>
        <button type="button" onClick={() => void endAccess()} disabled={me.auditEnded}>
          End audit access
        </button>
        <button type="button" onClick={() => void signOut()}>
          Sign out
        </button>
      </nav>
      {me.auditEnded ? (
        <p role="status" data-part="audit-ended">
          Audit access ended for this sign-in. Sign in again to look at the log.
        </p>
      ) : (
        <Embedded key={view} view={view} tenantId={me.tenantId} />
      )}
    </main>
  );
}

/** One viewer session per view, minted by the host's backend when first needed. */
function Embedded({ view, tenantId }: { view: HostView; tenantId: string }) {
  const client = useMemo(
    () =>
      new AuditLogClient({
        baseUrl: window.location.origin,
        tenantId,
        getAccessToken: hostSessionToken(`/host/audit-session?view=${view}`),
      }),
    [view, tenantId],
  );
  return (
    <AuditLogProvider client={client}>
      {view === 'log' ? <AuditLogViewer /> : <AccessLog live />}
    </AuditLogProvider>
  );
}
