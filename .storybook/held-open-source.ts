/**
 * A feedback file that never finishes loading, for the "Loading" stories. A Blob URL is complete the
 * moment it exists and the worker does the fetching, so the page cannot hold a request back itself:
 * only a server can. The Storybook dev server streams one row every second on this path and never
 * ends the response (it stops when the browser lets go: story switched, element removed).
 *
 * A static build has no server to hold anything open, so stories that need it carry the
 * {@link NEEDS_DEV_SERVER} tag, which main.ts hides in `storybook build`.
 */
import type { Plugin } from 'vite';

/** Relative, so it resolves against the preview iframe wherever Storybook is served from. */
export const HELD_OPEN_PATH = '__stories/held-open.csv';

/** Tag of stories that only work under `storybook dev`. */
export const NEEDS_DEV_SERVER = 'needs-dev-server';

const ROW_INTERVAL_MS = 1000;

export function heldOpenSource(): Plugin {
  return {
    name: 'cx-stories-held-open-source',
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        if (request.url?.split('?')[0] !== `/${HELD_OPEN_PATH}`) return next();
        response.setHeader('Content-Type', 'text/csv; charset=utf-8');
        response.setHeader('Cache-Control', 'no-store');
        response.write('respondent,date,nps\n');
        let row = 0;
        const timer = setInterval(() => {
          row++;
          response.write(`person${row}@example.org,2025-01-${String((row % 28) + 1).padStart(2, '0')},${row % 11}\n`);
        }, ROW_INTERVAL_MS);
        request.on('close', () => clearInterval(timer));
      });
    },
  };
}
