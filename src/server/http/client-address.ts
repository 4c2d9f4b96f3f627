import type { Context } from 'hono';

/**
 * The address of the connection the request came on. @hono/node-server passes the Node
 * request as `env.incoming`; in-process and other runtimes have none, and share 'unknown'.
 */
function connectionAddress(c: Context): string | undefined {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: unknown } } } | undefined;
  const address = env?.incoming?.socket?.remoteAddress;
  return typeof address === 'string' ? address : undefined;
}

/**
 * Who to count a request against for sign-in limits. `X-Forwarded-For` is anyone's to write,
 * so it is read only behind a proxy the operator trusts (`trustProxy`), and then only its
 * last entry: the address that proxy saw.
 */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const hops = (c.req.header('X-Forwarded-For') ?? '').split(',');
    const last = hops[hops.length - 1]?.trim();
    if (last) return last;
  }
  return connectionAddress(c) ?? 'unknown';
}
