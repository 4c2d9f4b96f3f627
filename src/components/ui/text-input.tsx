'use client';
import { forwardRef, type InputHTMLAttributes, type SelectHTMLAttributes } from 'react';

/** The kit's text, search, number and date input. */
export const TextInput = forwardRef<HTMLInputElement, InputHTMLAttributes<HTMLInputElement>>(
  function TextInput({ type = 'text', ...props }, ref) {
    return <input ref={ref} type={type} data-ui="input" {...props} />;
  },
);

/** The kit's select: the native element (its keyboard and mobile pickers), in the kit's look. */
export const Select = forwardRef<HTMLSelectElement, SelectHTMLAttributes<HTMLSelectElement>>(
  function Select(props, ref) {
    return <select ref={ref} data-ui="select" {...props} />;
  },
);
