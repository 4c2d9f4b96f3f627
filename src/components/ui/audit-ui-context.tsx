'use client';
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { TimeDisplay } from '../format/format-time.js';
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
}

const AuditUiContext = createContext<AuditUiSettings>({
  labels: DEFAULT_LABELS,
  locale: undefined,
  timeZone: undefined,
  timeDisplay: 'absolute',
});

export interface AuditUiProviderProps {
  labels?: AuditLabelOverrides | undefined;
  locale?: string | undefined;
  timeZone?: string | undefined;
  timeDisplay?: TimeDisplay | undefined;
  children?: ReactNode;
}

/**
 * Labels, locale, time zone and time display for every component below it. A provider inside
 * another lays its labels over the outer one's and keeps any setting it leaves out.
 */
export function AuditUiProvider({
  labels,
  locale,
  timeZone,
  timeDisplay,
  children,
}: AuditUiProviderProps) {
  const outer = useContext(AuditUiContext);
  const value = useMemo(
    () => ({
      labels: mergeLabels(outer.labels, labels),
      locale: locale ?? outer.locale,
      timeZone: timeZone ?? outer.timeZone,
      timeDisplay: timeDisplay ?? outer.timeDisplay,
    }),
    [outer, labels, locale, timeZone, timeDisplay],
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
