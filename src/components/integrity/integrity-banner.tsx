'use client';
import { IntegrityError, type AuditLogEvent } from '../../client/index.js';
import { useAuditUi } from '../ui/audit-ui-context.js';
import type { AuditLabelOverrides } from '../ui/labels.js';
import { rootProps } from '../ui/root-props.js';
import { useIntegrity } from './integrity-state.js';

export interface IntegrityBannerProps {
  /** The rows on screen. Left out, the nearest `<AuditLogIntegrity>`'s or `<AuditLogView>`'s. */
  events?: readonly AuditLogEvent[];
  labels?: AuditLabelOverrides;
  className?: string;
}

/**
 * An alert when anything on screen fails verification: how many rows and how (changed, not
 * in the log), which places around them lost their rows (deleted), a log that no longer extends the one seen before, or a head whose signature
 * does not hold. Nothing while all is well or still being checked.
 */
export function IntegrityBanner({ events, labels: overrides, className }: IntegrityBannerProps) {
  const { labels } = useAuditUi(overrides);
  const words = labels.integrity;
  const { failed, missing, consistency, error } = useIntegrity(events);
  const changed = failed.filter((result) => result.verdict === 'modified').length;
  const lines = [
    failed.length > 0 ? words.failedEvents(failed.length, changed, failed.length - changed) : null,
    missing.length > 0 ? words.missingEvents(...missing) : null,
    consistency && !consistency.ok ? words.consistencyFailed(consistency.problem ?? '') : null,
    error instanceof IntegrityError ? words.signatureFailed(error.message) : null,
  ].filter((line): line is string => line !== null);
  if (lines.length === 0) return null;
  return (
    <div {...rootProps('integrity-banner', className, 'failed')} role="alert">
      <span data-part="glyph" aria-hidden="true">
        ✕
      </span>
      <div data-part="text">
        <strong data-part="title">{words.bannerTitle}</strong>
        {lines.map((line) => (
          <p key={line} data-part="line">
            {line}
          </p>
        ))}
      </div>
    </div>
  );
}
