'use client';
import { Button } from '../ui/button.js';
import type { AuditLabels } from '../ui/labels.js';
import { LongText, type LongTextProps } from './long-text.js';
import { useDisclosure } from '../ui/use-disclosure.js';

export interface ExpandableTextProps {
  /** The value, any length; it is rendered as text, never as markup. */
  text: string;
  /** The most characters shown until someone asks for the rest. */
  limit: number;
  labels: Pick<AuditLabels, 'showAllText' | 'showLessText'>;
  /** Attributes for the element that holds the text (e.g. `tabIndex` for a scroll box). */
  valueProps?: Omit<LongTextProps, 'text' | 'limit'> & { [name: `data-${string}`]: string };
  className?: string;
}

/**
 * A value shown up to `limit` characters, with a button that reveals the rest and hides it
 * again. Revealed, the value sits in its own scroll box and wraps only at spaces: breaking a
 * megabyte-long word anywhere takes the browser tens of seconds, keeping it on one line a
 * fraction of one.
 */
export function ExpandableText({
  text,
  limit,
  labels,
  valueProps,
  className,
}: ExpandableTextProps) {
  const { open: expanded, id, triggerProps } = useDisclosure();
  const long = text.length > limit;
  return (
    <span
      data-part="expandable-text"
      data-state={long ? (expanded ? 'expanded' : 'collapsed') : 'complete'}
      className={className}
    >
      <LongText
        id={id}
        text={text}
        limit={expanded ? text.length : limit}
        // Revealed, the value scrolls in its own box, and keyboards must reach it.
        {...(expanded ? { tabIndex: 0 } : {})}
        {...valueProps}
      />
      {long ? (
        <Button variant="ghost" size="sm" data-part="reveal-button" {...triggerProps}>
          {expanded ? labels.showLessText : labels.showAllText(text.length)}
        </Button>
      ) : null}
    </span>
  );
}
