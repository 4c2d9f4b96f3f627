'use client';
import {
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { Button, type ButtonProps, type DataAttributes } from './button.js';
import { focusableIn, useDismissOnOutsidePointer } from './use-dismiss.js';
import { useFitInViewport } from './use-fit-in-viewport.js';

export interface PopoverProps {
  /** What the trigger button shows. */
  trigger: ReactNode;
  /** The panel's accessible name (it is a non-modal dialog). */
  label: string;
  children: ReactNode;
  /** Controlled open state; left out, the popover keeps its own. */
  open?: boolean | undefined;
  onOpenChange?: ((open: boolean) => void) | undefined;
  /** Which edge of the trigger the panel lines up with; `end` for triggers at a row's end. */
  align?: 'start' | 'end' | undefined;
  /** Props for the trigger button (variant, data-part, aria-label…). */
  triggerProps?: (Omit<ButtonProps, 'onClick' | 'children'> & DataAttributes) | undefined;
  /** Props for the panel (data-part for stylesheets and tests). */
  panelProps?: { 'data-part'?: string; className?: string } | undefined;
}

/**
 * A button that opens a panel of controls beside it. Opening moves focus to the panel's first
 * control; Escape anywhere inside, or a click outside, closes it, and Escape hands focus back to
 * the button, so a keyboard user is never left on a control that just disappeared.
 */
export function Popover({
  trigger,
  label,
  children,
  open: controlledOpen,
  onOpenChange,
  align = 'start',
  triggerProps,
  panelProps,
}: PopoverProps) {
  const [ownOpen, setOwnOpen] = useState(false);
  const open = controlledOpen ?? ownOpen;
  const id = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const focusOnOpen = useRef(false);

  const setOpen = useCallback(
    (next: boolean) => {
      if (controlledOpen === undefined) setOwnOpen(next);
      onOpenChange?.(next);
    },
    [controlledOpen, onOpenChange],
  );
  const close = useCallback(() => setOpen(false), [setOpen]);
  useDismissOnOutsidePointer(rootRef, open, close);
  useFitInViewport(panelRef, open, align);

  useEffect(() => {
    if (open && focusOnOpen.current) {
      focusOnOpen.current = false;
      (focusableIn(panelRef.current)[0] ?? panelRef.current)?.focus();
    }
  }, [open]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    event.preventDefault();
    // Handled here, so an enclosing panel (the viewer's detail) does not close as well.
    event.stopPropagation();
    setOpen(false);
    triggerRef.current?.focus();
  };

  return (
    <div
      ref={rootRef}
      data-ui="popover"
      data-state={open ? 'open' : 'closed'}
      onKeyDown={onKeyDown}
    >
      <Button
        {...triggerProps}
        ref={triggerRef}
        aria-expanded={open}
        aria-controls={id}
        onClick={() => {
          focusOnOpen.current = !open;
          setOpen(!open);
        }}
      >
        {trigger}
      </Button>
      <div
        {...panelProps}
        ref={panelRef}
        id={id}
        role="dialog"
        aria-label={label}
        tabIndex={-1}
        hidden={!open}
        data-ui="popover-panel"
      >
        {children}
      </div>
    </div>
  );
}
