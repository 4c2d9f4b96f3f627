'use client';
import { forwardRef, type ButtonHTMLAttributes, type ReactNode } from 'react';

export type ButtonVariant = 'primary' | 'secondary' | 'ghost';
export type ButtonSize = 'sm' | 'md';

/** `data-*` attributes, which JSX allows on any element but an object literal must declare. */
export type DataAttributes = { [name: `data-${string}`]: string | boolean | undefined };

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  /** primary: the one main action of a group; secondary (default): the rest; ghost: quiet. */
  variant?: ButtonVariant | undefined;
  size?: ButtonSize | undefined;
}

/**
 * The kit's button. `type` defaults to "button" so one inside a host's form never submits it
 * by accident; the look comes from controls.css through `data-ui`, leaving `data-part` free for
 * the component that uses it.
 */
export const Button = forwardRef<HTMLButtonElement, ButtonProps>(function Button(
  { variant = 'secondary', size = 'md', type = 'button', ...props },
  ref,
) {
  return (
    <button
      ref={ref}
      type={type}
      data-ui="button"
      data-variant={variant}
      data-size={size}
      {...props}
    />
  );
});

export interface IconButtonProps extends Omit<ButtonProps, 'aria-label' | 'children'> {
  /** What the button does, for screen readers and as its tooltip; the icon alone says nothing. */
  label: string;
  /** A glyph or an svg; hidden from assistive technology. */
  icon: ReactNode;
}

/** A square button showing only an icon, named by `label` (its aria-label and title). */
export const IconButton = forwardRef<HTMLButtonElement, IconButtonProps>(function IconButton(
  { label, icon, variant = 'ghost', title, ...props },
  ref,
) {
  return (
    <Button
      ref={ref}
      variant={variant}
      aria-label={label}
      title={title ?? label}
      data-icon=""
      {...props}
    >
      <span aria-hidden="true" data-ui="icon">
        {icon}
      </span>
    </Button>
  );
});
