'use client';
import { forwardRef, type HTMLAttributes } from 'react';
import { truncateText } from './truncate-text.js';

export interface LongTextProps extends Omit<HTMLAttributes<HTMLSpanElement>, 'children'> {
  /** The value, any length; it is rendered as text, never as markup. */
  text: string;
  /** The most characters rendered; the rest is cut and marked with an ellipsis. */
  limit: number;
}

/**
 * A value from an event as bounded text. `dir="auto"` isolates it, so an RTL override inside
 * one cannot reorder its neighbours; `data-state` says whether it was cut.
 */
export const LongText = forwardRef<HTMLSpanElement, LongTextProps>(function LongText(
  { text, limit, ...rest },
  ref,
) {
  const truncated = text.length > limit;
  return (
    <span
      ref={ref}
      data-part="value"
      data-state={truncated ? 'truncated' : 'complete'}
      dir="auto"
      {...rest}
    >
      {truncated ? truncateText(text, limit) : text}
    </span>
  );
});
