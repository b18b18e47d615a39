/**
 * Test-only endpoints for web-test-runner, so worker tests can see what the worker fetched:
 *   /__test/feedback?token=T&rows=N&delayMs=D&chunkDelayMs=C  a generated CSV, counted per token
 *   /__test/count?token=T                                          how many times T was fetched
 *   /__test/sources                                                the library's TypeScript sources (not
 *                                                                  the catalogues), as { path: text }
 * `delayMs` holds the response back; `chunkDelayMs` streams it slowly (one row per chunk), so a test
 * can act while a load is still running.
 *
 * Misbehaving servers, for test/security/malformed.test.ts (see {@link misbehave}):
 *   /__test/malformed?kind=K&token=T   K: silent, never-ends, endless, huge-length, html, binary, binary-no-nul
 *   /__test/hung-up?token=T            "yes" once the client closed T's connection before its end, else "no"
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

/** Tokens whose connection the client closed before the response ended (a cancelled download). */
const hungUp = new Set();

/** The same pseudo-random bytes every run (xorshift32): `high` keeps them in 0x80–0xFF, so no NUL. */
function garbage(length, high) {
  const bytes = new Uint8Array(length);
  let x = 2463534242;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[i] = high ? 0x80 | (x & 0x7f) : x & 0xff;
  }
  return bytes;
}

/**
 * Answers like a broken or hostile server, on the raw Node response (koa would recompute headers):
 * `silent` never answers; `never-ends` sends a header row and then nothing, forever; `endless` sends
 * rows forever, a few MB a second (then `/__test/hung-up` tells whether the client hung up); `huge-length`
 * declares 2 GiB and sends a row every 20 ms; `html` is a login page labelled text/csv; `binary` and
 * `binary-no-nul` are 64 KiB of noise labelled text/csv. The open ones are held until the client hangs up.
 */
async function misbehave(context, kind, token) {
  context.respond = false;
  context.status = 200; // for the dev server's log only: koa no longer writes this response
  const { res } = context;
  const closed = new Promise((resolve) => res.on('close', resolve));
  res.on('close', () => {
    if (!res.writableFinished) hungUp.add(token);
  });
  const csv = { 'Content-Type': 'text/csv; charset=utf-8', 'Cache-Control': 'no-store' };
  const header = 'respondent,date,nps,department\n';
  switch (kind) {
    case 'silent':
      return closed;
    case 'never-ends':
      res.writeHead(200, csv);
      res.write(header + 'a@example.org,2024-01-05,9,Tax\n');
      return closed;
    case 'endless':
      res.writeHead(200, csv);
      res.write(header);
      for (let i = 0; !res.destroyed && !res.writableEnded; i++) {
        if (!res.write(`p${i}@example.org,2024-01-${String((i % 28) + 1).padStart(2, '0')},${i % 11},Tax\n`.repeat(100))) await sleep(10);
        if (i % 10 === 9) await sleep(10);
      }
      return closed;
    case 'huge-length':
      res.writeHead(200, { ...csv, 'Content-Length': String(2 ** 31) });
      res.write(header);
      // A row every 20 ms, until the client hangs up.
      while (!res.destroyed && !res.writableEnded) {
        res.write('a@example.org,2024-01-05,9,Tax\n');
        await sleep(20);
      }
      return closed;
    case 'html':
      res.writeHead(200, csv);
      res.end('\n  <!DOCTYPE html>\n<html><head><title>Sign in</title></head><body><form action="/login"><input name="user"></form></body></html>\n');
      return;
    case 'binary':
    case 'binary-no-nul':
      res.writeHead(200, csv);
      res.end(garbage(65536, kind === 'binary-no-nul'));
      return;
    default:
      res.writeHead(400, { 'Content-Type': 'text/plain' });
      res.end(`unknown kind ${kind}`);
  }
}

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
    if (context.path === '/__test/malformed') return misbehave(context, context.query.kind, token);
    if (context.path === '/__test/hung-up') {
      context.body = hungUp.has(token) ? 'yes' : 'no';
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
