'use client';
import { forwardRef, type HTMLAttributes } from 'react';
import type { Severity } from '../../client/index.js';
import { useAuditUi } from '../ui/audit-ui-context.js';
import { rootProps } from '../ui/root-props.js';

export interface SeverityBadgeProps extends HTMLAttributes<HTMLSpanElement> {
  severity: Severity;
}

/** A severity as a labelled badge; colour comes from `--audit-severity-*`, the word from labels. */
export const SeverityBadge = forwardRef<HTMLSpanElement, SeverityBadgeProps>(function SeverityBadge(
  { severity, className, ...rest },
  ref,
) {
  const { labels } = useAuditUi();
  return (
    <span ref={ref} {...rootProps('severity-badge', className)} data-severity={severity} {...rest}>
      {labels.severities[severity] ?? severity}
    </span>
  );
});
