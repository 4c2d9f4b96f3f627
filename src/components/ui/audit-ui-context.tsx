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
  labels?: AuditLabelOverrides;
  locale?: string;
  timeZone?: string;
  timeDisplay?: TimeDisplay;
  children?: ReactNode;
}

/** Labels, locale, time zone and time display for every component below it. */
export function AuditUiProvider({
  labels,
  locale,
  timeZone,
  timeDisplay = 'absolute',
  children,
}: AuditUiProviderProps) {
  const value = useMemo(
    () => ({ labels: mergeLabels(labels), locale, timeZone, timeDisplay }),
    [labels, locale, timeZone, timeDisplay],
  );
  return <AuditUiContext.Provider value={value}>{children}</AuditUiContext.Provider>;
}

/** The UI settings in force, with a component's own `labels` prop merged over them. */
export function useAuditUi(overrides?: AuditLabelOverrides): AuditUiSettings {
  const settings = useContext(AuditUiContext);
  return useMemo(
    () =>
      overrides
        ? {
            ...settings,
            labels: {
              ...settings.labels,
              ...overrides,
              severities: { ...settings.labels.severities, ...overrides.severities },
              eventTypes: { ...settings.labels.eventTypes, ...overrides.eventTypes },
              accessActions: { ...settings.labels.accessActions, ...overrides.accessActions },
              principalKinds: { ...settings.labels.principalKinds, ...overrides.principalKinds },
            },
          }
        : settings,
    [settings, overrides],
  );
}
