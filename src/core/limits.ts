/**
 * The limits of one load (the elements' `max-rows`, `max-bytes` and `load-timeout`), apart from the
 * loading code so the page side can name them without importing it.
 */

/**
 * What one load may cost before it is stopped with a clear error, so a wrong or hostile file can
 * never exhaust the worker or keep a spinner turning. See {@link DEFAULT_LIMITS}.
 */
export interface LoadLimits {
  /** Data rows (the header is not a row), or JSON array entries: more is `too-many-rows`. */
  readonly maxRows: number;
  /** Bytes of the body as read (after HTTP decompression), and of a declared Content-Length: more is `too-large`. */
  readonly maxBytes: number;
  /**
   * Milliseconds without a byte from the server (waiting for the answer, then between chunks): `timeout`.
   * An inactivity limit, not a total: a large file on a slow link loads as long as it keeps arriving.
   */
  readonly timeoutMs: number;
}

/**
 * 10 million rows, about 1 GB of a typical feedback export; 1 GiB, the body that holds them (a
 * million rows are about 100 MB); one minute of silence.
 */
export const DEFAULT_LIMITS: LoadLimits = { maxRows: 10_000_000, maxBytes: 1024 ** 3, timeoutMs: 60_000 };

/** The entries of `limits` that differ from the defaults: what makes a load different from the default one. */
export function nonDefaultLimits(limits: Partial<LoadLimits> | undefined): Partial<LoadLimits> {
  const own: { -readonly [K in keyof LoadLimits]?: number } = {};
  for (const name of Object.keys(DEFAULT_LIMITS) as (keyof LoadLimits)[]) {
    const value = limits?.[name];
    if (value !== undefined && value !== DEFAULT_LIMITS[name]) own[name] = value;
  }
  return own;
}

/** `limits` with every missing or unusable entry (not a number > 0) replaced by its default: never "no limit". */
export function resolveLimits(limits: Partial<LoadLimits> | undefined): LoadLimits {
  const pick = (name: keyof LoadLimits) => {
    const value = limits?.[name];
    return typeof value === 'number' && value > 0 ? value : DEFAULT_LIMITS[name];
  };
  // setTimeout fires at once for more than 2^31 − 1 ms (about 24.8 days), so a huge time-out is capped there.
  return { maxRows: pick('maxRows'), maxBytes: pick('maxBytes'), timeoutMs: Math.min(pick('timeoutMs'), 2 ** 31 - 1) };
}
