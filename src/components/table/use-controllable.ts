'use client';
import { useCallback, useState } from 'react';

/** A new value, or a function of the current one (as React's `setState` takes). */
export type Updater<T> = T | ((previous: T) => T);

export function applyUpdater<T>(updater: Updater<T>, previous: T): T {
  return typeof updater === 'function' ? (updater as (previous: T) => T)(previous) : updater;
}

/**
 * One slice of state, controlled when `value` is given, uncontrolled otherwise. `onChange`
 * receives the updater, so a controlling parent can apply it to its own value.
 */
export function useControllable<T>(
  value: T | undefined,
  defaultValue: T | (() => T),
  onChange: ((updater: Updater<T>) => void) | undefined,
): [T, (updater: Updater<T>) => void] {
  const [own, setOwn] = useState<T>(defaultValue);
  const controlled = value !== undefined;
  const current = controlled ? value : own;
  const set = useCallback(
    (updater: Updater<T>) => {
      if (!controlled) setOwn((previous) => applyUpdater(updater, previous));
      onChange?.(updater);
    },
    [controlled, onChange],
  );
  return [current, set];
}
