/**
 * Test-only endpoints for web-test-runner, so worker tests can see what the worker fetched:
 *   /__test/feedback?token=T&rows=N&delayMs=D&chunkDelayMs=C  a generated CSV, counted per token
 *   /__test/count?token=T                                          how many times T was fetched
 *   /__test/sources                                                the library's TypeScript sources (not
 *                                                                  the catalogues), as { path: text }
 * `delayMs` holds the response back; `chunkDelayMs` streams it slowly (one row per chunk), so a test
 * can act while a load is still running.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** Every src/**\/*.ts except the message catalogues: where message keys are used. */
async function librarySources() {
  const root = new URL('../src/', import.meta.url);
  const files = {};
  for (const entry of await readdir(root, { recursive: true })) {
    const path = String(entry).replaceAll('\\', '/');
    if (!path.endsWith('.ts') || path.startsWith('ui/locales/')) continue;
    files[`src/${path}`] = await readFile(join(root.pathname, path), 'utf8');
  }
  return files;
}

const counts = new Map();

function feedbackCsv(rows) {
  const lines = ['respondent,date,nps,department'];
  for (let i = 0; i < rows; i++) {
    const month = String((i % 6) + 1).padStart(2, '0');
    lines.push(`person${i}@example.org,2024-${month}-${String((i % 27) + 1).padStart(2, '0')},${i % 11},${i % 2 ? 'Tax' : 'Permits'}`);
  }
  return lines;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function testServerMiddleware() {
  return async (context, next) => {
    if (!context.path.startsWith('/__test/')) return next();
    // The paths have no file extension on purpose: wtr marks every path with one as cacheable for a
    // year, and a second load served from the browser cache would never be counted here.
    context.set('Cache-Control', 'no-store');
    const token = context.query.token ?? '';
    if (context.path === '/__test/sources') {
      context.type = 'application/json';
      context.body = JSON.stringify(await librarySources());
      return;
    }
    if (context.path === '/__test/count') {
      context.body = String(counts.get(token) ?? 0);
      return;
    }
    if (context.path === '/__test/feedback') {
      counts.set(token, (counts.get(token) ?? 0) + 1);
      const lines = feedbackCsv(Number(context.query.rows ?? 30));
      await sleep(Number(context.query.delayMs ?? 0));
      context.type = 'text/csv';
      const chunkDelay = Number(context.query.chunkDelayMs ?? 0);
      if (!chunkDelay) {
        context.body = lines.join('\n') + '\n';
        return;
      }
      const { Readable } = await import('node:stream');
      context.body = Readable.from(
        (async function* () {
          for (const line of lines) {
            await sleep(chunkDelay);
            yield line + '\n';
          }
        })(),
      );
      return;
    }
    return next();
  };
}
