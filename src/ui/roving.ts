/**
 * The key map of a chart's roving focus, shared by every element with a row of points or stages:
 * arrows follow the visual direction (in right-to-left, "forward" is leftwards), a vertical list adds
 * ↑/↓, Home and End go to the ends.
 */
export interface RovingOptions {
  readonly index: number;
  readonly count: number;
  readonly direction: 'ltr' | 'rtl';
  /** A vertical list: ↓ moves forward and ↑ back, besides the horizontal arrows. */
  readonly vertical?: boolean;
}

/** The index `key` moves focus to, or null when the key is not a movement key. */
export function rovingIndex(key: string, { index, count, direction, vertical = false }: RovingOptions): number | null {
  const last = count - 1;
  const forward = direction === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
  const backward = direction === 'rtl' ? 'ArrowRight' : 'ArrowLeft';
  if (key === forward || (vertical && key === 'ArrowDown')) return Math.min(last, index + 1);
  if (key === backward || (vertical && key === 'ArrowUp')) return Math.max(0, index - 1);
  if (key === 'Home') return 0;
  if (key === 'End') return last;
  return null;
}
