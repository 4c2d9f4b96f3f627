import { RedirectError } from '../errors/index.js';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * The API never redirects; an answer that does means `baseUrl` points at the wrong place (or
 * something between intercepts). Browsers hide where a `redirect: 'manual'` answer points
 * (`opaqueredirect`); other runtimes show the 3xx itself.
 */
export function redirectError(response: Response, what: string): RedirectError | null {
  if (response.type !== 'opaqueredirect' && !REDIRECT_STATUSES.has(response.status)) return null;
  let to = '';
  try {
    const location = response.headers.get('Location');
    if (location) to = ` to ${new URL(location, response.url).origin}`;
  } catch {
    // An unreadable Location only loses the detail.
  }
  return new RedirectError(
    `The API answered with a redirect${to} while ${what}; the SDK does not follow redirects, so credentials never reach another address. Set baseUrl to the API's own address`,
    { code: 'redirect', ...(response.status ? { status: response.status } : {}) },
  );
}
