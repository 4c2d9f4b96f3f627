'use client';
import { useId, useState } from 'react';

/**
 * A button that shows and hides one element: whether it is open, the element's id, and the
 * props that make the button toggle it and tell assistive technology which element and state.
 */
export function useDisclosure() {
  const [open, setOpen] = useState(false);
  const id = useId();
  const triggerProps = {
    type: 'button',
    'aria-controls': id,
    'aria-expanded': open,
    onClick: () => setOpen((value) => !value),
  } as const;
  return { open, setOpen, id, triggerProps };
}
