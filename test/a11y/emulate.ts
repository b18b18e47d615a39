/**
 * Browser side of the `cdp-emulate` command (web-test-runner.config.mjs): forced colours, reduced
 * motion and page size with a device pixel ratio, which the stock `emulateMedia`/`setViewport` of
 * @web/test-runner-commands cannot ask of puppeteer.
 */
import { executeServerCommand } from '@web/test-runner-commands';

export interface MediaFeatures {
  readonly forcedColors?: 'active' | 'none';
  readonly reducedMotion?: 'reduce' | 'no-preference';
  /** With forced colours, also picks Chromium's light or dark forced palette. */
  readonly colorScheme?: 'light' | 'dark';
}

/** Emulates exactly these media features; any left out go back to the system's value. */
export async function emulateMediaFeatures({ forcedColors, reducedMotion, colorScheme }: MediaFeatures = {}): Promise<void> {
  const mediaFeatures = [
    ...(forcedColors ? [{ name: 'forced-colors', value: forcedColors }] : []),
    ...(reducedMotion ? [{ name: 'prefers-reduced-motion', value: reducedMotion }] : []),
    ...(colorScheme ? [{ name: 'prefers-color-scheme', value: colorScheme }] : []),
  ];
  await executeServerCommand('cdp-emulate', { mediaFeatures });
  // The page restyles on the next frame; computed styles read before it are the old ones.
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
}

/**
 * Sizes the page in CSS pixels. Browser zoom is exactly this: at 200 % a 1280 px wide window lays
 * out 640 CSS px with two device pixels to each.
 */
export async function setPageSize(width: number, height: number, deviceScaleFactor = 1): Promise<void> {
  await executeServerCommand('cdp-emulate', { deviceMetrics: { width, height, deviceScaleFactor } });
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
}

/** wtr's default page: 800 × 600 at 1×. */
export const resetPageSize = () => setPageSize(800, 600, 1);
