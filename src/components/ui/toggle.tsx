'use client';
import { forwardRef } from 'react';
import { Button, type ButtonProps } from './button.js';

export interface ToggleProps extends Omit<ButtonProps, 'onClick' | 'aria-pressed'> {
  pressed: boolean;
  onPressedChange: (pressed: boolean) => void;
}

/** A button that stays down while its setting is on; assistive technology hears `aria-pressed`. */
export const Toggle = forwardRef<HTMLButtonElement, ToggleProps>(function Toggle(
  { pressed, onPressedChange, ...props },
  ref,
) {
  return (
    <Button
      ref={ref}
      data-ui="toggle"
      aria-pressed={pressed}
      onClick={() => onPressedChange(!pressed)}
      {...props}
    />
  );
});
