/** The props actually given: a part's `prop={undefined}` leaves the view's value in place. */
export function definedOnly<T extends object>(props: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(props).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}
