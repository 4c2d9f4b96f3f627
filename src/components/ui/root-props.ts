/**
 * The attributes on every component's root element: the scope and part that stylesheets and
 * tests select by, the component's state where it has one, and the caller's class.
 */
export function rootProps(part: string, className: string | undefined, state?: string) {
  return { 'data-scope': 'audit-log', 'data-part': part, 'data-state': state, className };
}
