import { useEffect, useState } from 'preact/hooks';

// Touch screens: the page says "tap" instead of naming keys, and never focuses a text field on
// its own (a phone's keyboard would slide up over the buttons below it).

const COARSE = '(pointer: coarse)';
const ANY_FINE = '(any-pointer: fine)';

function query(media: string): MediaQueryList | undefined {
  return typeof window === 'undefined' ? undefined : window.matchMedia?.(media);
}

/** A touch screen with no mouse or trackpad beside it (a tablet with a mouse is not). */
export function isTouchOnly(): boolean {
  return (query(COARSE)?.matches ?? false) && !(query(ANY_FINE)?.matches ?? false);
}

/** isTouchOnly, kept current when a mouse or keyboard cover is plugged in or out. */
export function useTouchOnly(given?: boolean): boolean {
  const [touch, setTouch] = useState(() => given ?? isTouchOnly());
  useEffect(() => {
    if (given !== undefined) {
      setTouch(given);
      return;
    }
    const lists = [query(COARSE), query(ANY_FINE)].filter((q): q is MediaQueryList => q !== undefined);
    const change = () => setTouch(isTouchOnly());
    for (const q of lists) q.addEventListener('change', change);
    return () => {
      for (const q of lists) q.removeEventListener('change', change);
    };
  }, [given]);
  return touch;
}
