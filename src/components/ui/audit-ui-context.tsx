'use client';
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { TimeDisplay } from '../format/format-time.js';
import type { AuditNameResolver } from '../names/name-resolver.js';
import {
  DEFAULT_LABELS,
  mergeLabels,
  type AuditLabelOverrides,
  type AuditLabels,
} from './labels.js';

export interface AuditUiSettings {
  labels: AuditLabels;
  /** BCP 47 locale for dates and numbers; the browser's when left out. */
  locale: string | undefined;
  /** IANA time zone for times; the browser's when left out. */
  timeZone: string | undefined;
  timeDisplay: TimeDisplay;
  /** Names for `user_id`s; ids show as they are without it. */
  resolveActors: AuditNameResolver | undefined;
  /** Names for `resource_id`s; ids show as they are without it. */
  resolveResources: AuditNameResolver | undefined;
}

const AuditUiContext = createContext<AuditUiSettings>({
  labels: DEFAULT_LABELS,
  locale: undefined,
  timeZone: undefined,
  timeDisplay: 'absolute',
  resolveActors: undefined,
  resolveResources: undefined,
});

export interface AuditUiProviderProps {
  labels?: AuditLabelOverrides | undefined;
  locale?: string | undefined;
  timeZone?: string | undefined;
  timeDisplay?: TimeDisplay | undefined;
  /**
   * Looks up the names of actors (`user_id`s) shown anywhere below: table, detail, facets and
   * filter chips. Called once per render's worth of new ids and cached per server, tenant and
   * login inside the nearest `AuditLogProvider`; keep the function stable (module scope or
   * `useCallback`).
   */
  resolveActors?: AuditNameResolver | undefined;
  /** Likewise for `resource_id`s, keyed by id alone, as the API filters and counts them. */
  resolveResources?: AuditNameResolver | undefined;
  children?: ReactNode;
}

/**
 * Labels, locale, time zone, time display and name lookups for every component below it. A provider inside
 * another lays its labels over the outer one's and keeps any setting it leaves out.
 */
export function AuditUiProvider({
  labels,
  locale,
  timeZone,
  timeDisplay,
  resolveActors,
  resolveResources,
  children,
}: AuditUiProviderProps) {
  const outer = useContext(AuditUiContext);
  const value = useMemo(
    () => ({
      labels: mergeLabels(outer.labels, labels),
      locale: locale ?? outer.locale,
      timeZone: timeZone ?? outer.timeZone,
      timeDisplay: timeDisplay ?? outer.timeDisplay,
      resolveActors: resolveActors ?? outer.resolveActors,
      resolveResources: resolveResources ?? outer.resolveResources,
    }),
    [outer, labels, locale, timeZone, timeDisplay, resolveActors, resolveResources],
  );
  return <AuditUiContext.Provider value={value}>{children}</AuditUiContext.Provider>;
}

/** The UI settings in force, with a component's own `labels` prop merged over them. */
export function useAuditUi(overrides?: AuditLabelOverrides): AuditUiSettings {
  const settings = useContext(AuditUiContext);
  return useMemo(
    () => (overrides ? { ...settings, labels: mergeLabels(settings.labels, overrides) } : settings),
    [settings, overrides],
  );
}
