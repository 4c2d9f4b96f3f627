/**
 * A `getAccessToken` that asks the host's backend for a viewer session, keeps the token in
 * memory only, and asks again 30 s before it expires; concurrent requests share one ask.
 */
export function hostSessionToken(url: string): () => Promise<string> {
  let current: { token: string; renewAt: number } | null = null;
  let pending: Promise<string> | null = null;
  return () => {
    if (current && Date.now() < current.renewAt) return Promise.resolve(current.token);
    pending ??= (async () => {
      try {
        const answer = await fetch(url, { method: 'POST' });
        if (!answer.ok) throw new Error(`The host refused a viewer session (${answer.status})`);
        const session = (await answer.json()) as { access_token: string; expires_at: string };
        current = {
          token: session.access_token,
          renewAt: Date.parse(session.expires_at) - 30_000,
        };
        return session.access_token;
      } finally {
        pending = null;
      }
    })();
    return pending;
  };
}
