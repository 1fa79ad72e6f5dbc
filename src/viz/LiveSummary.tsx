import { useEffect, useRef, useState } from 'react';

/** While playing, a screen reader hears a view's summary at most this often. */
export const ANNOUNCE_EVERY_MS = 2000;

/**
 * A view's text alternative: one sentence saying what the view shows now, in a polite live region.
 * Playing changes it every frame; it is announced at most every two seconds (the newest text), so a
 * screen reader is not flooded, and as soon as the text settles when time stops.
 */
export function LiveSummary({ text, className = 'sr-only' }: { text: string; className?: string }) {
  const [shown, setShown] = useState(text);
  const last = useRef(Number.NEGATIVE_INFINITY);
  useEffect(() => {
    const wait = Math.max(0, last.current + ANNOUNCE_EVERY_MS - performance.now());
    const timer = setTimeout(() => {
      last.current = performance.now();
      setShown(text);
    }, wait);
    return () => clearTimeout(timer);
  }, [text]);
  return (
    <p className={className} aria-live="polite" data-summary="">
      {shown}
    </p>
  );
}
