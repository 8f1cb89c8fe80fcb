import { useEffect, useRef } from 'react';

/**
 * Focuses the element when it appears. For content that replaces what had focus (a form
 * swapped for its result, a button swapped for the next step), so keyboard and screen-reader
 * users are not left at the top of the page. The element needs tabIndex={-1} unless it is
 * focusable anyway.
 */
export function useAutoFocus<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}
