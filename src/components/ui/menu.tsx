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
import { useDismissOnOutsidePointer } from './use-dismiss.js';
import { useFitInViewport } from './use-fit-in-viewport.js';

export interface MenuItem {
  id: string;
  label: ReactNode;
  onSelect: () => void;
  disabled?: boolean | undefined;
  /** Set for an item that is on or off (a menuitemcheckbox); left out for a plain action. */
  checked?: boolean | undefined;
}

export interface MenuProps {
  /** What the trigger button shows. */
  trigger: ReactNode;
  /** The menu's accessible name; the trigger's text when left out. */
  label?: string | undefined;
  items: readonly MenuItem[];
  align?: 'start' | 'end' | undefined;
  triggerProps?: (Omit<ButtonProps, 'onClick' | 'children'> & DataAttributes) | undefined;
}

/**
 * A button that opens a list of actions, with the keyboard of the WAI-ARIA menu button:
 * Enter, Space or ArrowDown open on the first item and ArrowUp on the last; arrows, Home and
 * End move; Enter or Space choose; Escape closes and returns to the button; Tab leaves.
 */
export function Menu({ trigger, label, items, align = 'start', triggerProps }: MenuProps) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const id = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const itemRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const listRef = useRef<HTMLDivElement>(null);
  const enabled = items.flatMap((item, index) => (item.disabled ? [] : [index]));

  const close = useCallback(() => setOpen(false), []);
  useDismissOnOutsidePointer(rootRef, open, close);
  useFitInViewport(listRef, open, align);

  useEffect(() => {
    if (open) itemRefs.current[active]?.focus();
  }, [open, active]);

  const openAt = (which: 'first' | 'last') => {
    setActive((which === 'first' ? enabled[0] : enabled.at(-1)) ?? 0);
    setOpen(true);
  };
  const move = (by: number) => {
    const at = enabled.indexOf(active);
    const next = enabled[(at + by + enabled.length) % enabled.length];
    if (next !== undefined) setActive(next);
  };
  const closeToTrigger = () => {
    setOpen(false);
    triggerRef.current?.focus();
  };

  const onTriggerKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      openAt(event.key === 'ArrowDown' ? 'first' : 'last');
    }
  };
  const onMenuKeyDown = (event: KeyboardEvent) => {
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(1),
      ArrowUp: () => move(-1),
      Home: () => setActive(enabled[0] ?? 0),
      End: () => setActive(enabled.at(-1) ?? 0),
      Escape: closeToTrigger,
    };
    if (event.key === 'Tab') {
      setOpen(false);
      return;
    }
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    event.stopPropagation();
    action();
  };

  return (
    <div ref={rootRef} data-ui="menu" data-state={open ? 'open' : 'closed'}>
      <Button
        {...triggerProps}
        ref={triggerRef}
        id={`${id}-trigger`}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={id}
        onKeyDown={onTriggerKeyDown}
        onClick={() => (open ? setOpen(false) : openAt('first'))}
      >
        {trigger}
        <span aria-hidden="true" data-ui="chevron" />
      </Button>
      <div
        id={id}
        ref={listRef}
        role="menu"
        aria-label={label}
        aria-labelledby={label === undefined ? `${id}-trigger` : undefined}
        hidden={!open}
        data-ui="menu-list"
        onKeyDown={onMenuKeyDown}
      >
        {/* Items exist only while open: a closed menu inside a table cell or a field adds
            nothing to that place's text. */}
        {(open ? items : []).map((item, index) => (
          <button
            key={item.id}
            ref={(element) => {
              itemRefs.current[index] = element;
            }}
            type="button"
            role={item.checked === undefined ? 'menuitem' : 'menuitemcheckbox'}
            aria-checked={item.checked}
            aria-disabled={item.disabled || undefined}
            tabIndex={index === active ? 0 : -1}
            data-ui="menu-item"
            onClick={() => {
              if (item.disabled) return;
              item.onSelect();
              closeToTrigger();
            }}
          >
            {item.label}
          </button>
        ))}
      </div>
    </div>
  );
}
