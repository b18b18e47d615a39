/**
 * The limits of one load (`max-rows`, `max-bytes`, `load-timeout`) in loadFromUrl itself, with a
 * stand-in `fetch`, and the attribute converters that read them. test/security/malformed.test.ts
 * drives the same limits through every element against real (misbehaving) servers.
 */
import { expect } from '@open-wc/testing';
import { CxDataError } from '../../src/core/errors.ts';
import { DEFAULT_LIMITS, nonDefaultLimits, resolveLimits } from '../../src/core/limits.ts';
import { loadFromUrl, type FormatReaders } from '../../src/core/source.ts';
import { byteSizeAttribute, positiveAttribute } from '../../src/ui/attribute-converters.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

/** A body that hands out `chunk` on every read, `times` times (Infinity: forever), and logs reads and cancellation. */
function repeating(chunk: string, times: number, headers: Record<string, string> = {}) {
  const log = { reads: 0, cancelled: false };
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (log.reads++ >= times) controller.close();
        else controller.enqueue(utf8(chunk));
      },
      cancel: () => void (log.cancelled = true),
    },
    { highWaterMark: 0 },
  );
  return { response: new Response(body, { headers: { 'content-type': 'text/csv', ...headers } }), log };
}

/** A CSV reader that counts records itself (as the new ingest will): here ten a chunk, whatever the chunk holds. */
function countingReaders(): FormatReaders<number> & { pushed: () => number } {
  let pushed = 0;
  return {
    csv: () => ({
      push() {
        pushed++;
      },
      finish: () => pushed * 10,
      get rowsRead() {
        return pushed * 10;
      },
    }),
    json: (parsed) => (parsed as unknown[]).length,
    rowCount: (value) => value,
    pushed: () => pushed,
  };
}

async function failure(promise: Promise<unknown>): Promise<CxDataError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(CxDataError);
    return error as CxDataError;
  }
  throw new Error('expected the load to fail');
}

describe('load limits', () => {
  let realFetch: typeof globalThis.fetch;
  before(() => (realFetch = globalThis.fetch));
  afterEach(() => (globalThis.fetch = realFetch));
  const serve = (response: Response | Promise<Response>) => (globalThis.fetch = (() => response) as unknown as typeof fetch);

  it('defaults to 10,000,000 rows, 1 GiB and 60 s, and keys only what differs from them', () => {
    expect(DEFAULT_LIMITS).to.deep.equal({ maxRows: 10_000_000, maxBytes: 1_073_741_824, timeoutMs: 60_000 });
    expect(nonDefaultLimits({ maxRows: 10_000_000, maxBytes: 5, timeoutMs: undefined })).to.deep.equal({ maxBytes: 5 });
    // A missing, zero, negative or non-numeric limit is the default, never "no limit" (or a 0 ms time-out).
    expect(resolveLimits({ maxRows: undefined, maxBytes: 0, timeoutMs: Number.NaN })).to.deep.equal(DEFAULT_LIMITS);
    expect(resolveLimits({ maxRows: 7, maxBytes: -1 })).to.deep.equal({ ...DEFAULT_LIMITS, maxRows: 7 });
    expect(resolveLimits({ timeoutMs: 1e12 }).timeoutMs, 'within what setTimeout can wait').to.equal(2 ** 31 - 1);
  });

  it('stops a stream at max-rows as soon as the reader counts past it, and cancels the rest', async () => {
    // One line break a chunk: counting lines would stop only after the 96th chunk.
    const { response, log } = repeating('a,b,c,d\n', Infinity);
    serve(response);
    const readers = countingReaders();
    const error = await failure(loadFromUrl('/rows.csv', { limits: { maxRows: 95 } }, readers));
    expect(error.code).to.equal('too-many-rows');
    expect(error.params).to.include({ limit: 95 });
    expect(readers.pushed(), 'chunks read when it stopped').to.equal(10);
    expect(log.cancelled).to.equal(true);
  });

  it('checks the final row count exactly, when records held open while loading (a quote) are counted at the end', async () => {
    // A reader that knows its rows only at the end, as the CSV ingest does for a record inside quotes.
    const lagging: FormatReaders<number> = { csv: () => ({ push() {}, finish: () => 3, rowsRead: 0 }), json: () => 0, rowCount: (value) => value };
    serve(repeating('h\n1\n2\n3\n', 1).response);
    expect(await loadFromUrl('/a.csv', { limits: { maxRows: 3 } }, lagging)).to.equal(3);
    serve(repeating('h\n1,"a\nb"', 1).response);
    expect((await failure(loadFromUrl('/a.csv', { limits: { maxRows: 2 } }, lagging))).code).to.equal('too-many-rows');
  });

  it('refuses a JSON array longer than max-rows', async () => {
    serve(new Response('[1,2,3]', { headers: { 'content-type': 'application/json' } }));
    // The array's length counts, not what the reader would make of it.
    const error = await failure(loadFromUrl('/a.json', { limits: { maxRows: 2 } }, countingReaders()));
    expect(error.code).to.equal('too-many-rows');
  });

  it('refuses a declared Content-Length above max-bytes without reading the body', async () => {
    const { response, log } = repeating('x', Infinity, { 'content-length': String(2 ** 31) });
    serve(response);
    const error = await failure(loadFromUrl('/big.csv', {}, countingReaders()));
    expect(error.code).to.equal('too-large');
    expect(error.params).to.include({ limit: 1024 ** 3 });
    expect(log.reads).to.equal(0);
    expect(log.cancelled).to.equal(true);
  });

  it('stops a body without a length once it passes max-bytes', async () => {
    const { response, log } = repeating('a,b\n'.repeat(256), Infinity); // 1 kB a chunk
    serve(response);
    const error = await failure(loadFromUrl('/endless.csv', { limits: { maxBytes: 10_000, maxRows: 1e9 } }, countingReaders()));
    expect(error.code).to.equal('too-large');
    expect(log.reads).to.equal(10);
    expect(log.cancelled).to.equal(true);
  });

  it('times out when the server does not answer, and aborts the request', async () => {
    let aborted = false;
    globalThis.fetch = ((_: unknown, init?: RequestInit) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => ((aborted = true), reject(new DOMException('aborted', 'AbortError')))))) as typeof fetch;
    const start = performance.now();
    const error = await failure(loadFromUrl('/silent.csv', { limits: { timeoutMs: 200 } }, countingReaders()));
    expect(error.code).to.equal('timeout');
    expect(error.params).to.include({ seconds: 0.2 });
    expect(performance.now() - start).to.be.within(190, 1000);
    expect(aborted).to.equal(true);
  });

  it('times out when the body stalls, but not while chunks keep coming slower than a whole timeout in total', async () => {
    const slow = (stallAfter: number) => {
      let reads = 0;
      const log = { cancelled: false };
      const body = new ReadableStream<Uint8Array>(
        {
          async pull(controller) {
            if (reads++ >= stallAfter) return new Promise(() => {}); // never another byte
            await new Promise((resolve) => setTimeout(resolve, 60));
            if (reads > 8) controller.close();
            else controller.enqueue(utf8(reads === 1 ? 'h\n' : '1\n'));
          },
          cancel: () => void (log.cancelled = true),
        },
        { highWaterMark: 0 },
      );
      return { response: new Response(body, { headers: { 'content-type': 'text/csv' } }), log };
    };
    // Nine chunks 60 ms apart: 540 ms in all, never 150 ms of silence.
    serve(slow(Infinity).response);
    expect(await loadFromUrl('/slow.csv', { limits: { timeoutMs: 150 } }, countingReaders())).to.equal(80);
    const stalled = slow(3);
    serve(stalled.response);
    expect((await failure(loadFromUrl('/stall.csv', { limits: { timeoutMs: 150 } }, countingReaders()))).code).to.equal('timeout');
    expect(stalled.log.cancelled).to.equal(true);
  });

  it('reads limit attributes: positive numbers, sizes with units, anything else the default', () => {
    const rows = positiveAttribute(100, { integer: true });
    expect(['5', '5.9', ' 7 ', '0', '-3', '', 'lots', null].map((v) => rows.fromAttribute(v))).to.deep.equal([5, 5, 7, 100, 100, 100, 100, 100]);
    const seconds = positiveAttribute(60);
    expect(['0.5', '30', '0', 'NaN'].map((v) => seconds.fromAttribute(v))).to.deep.equal([0.5, 30, 60, 60]);
    const bytes = byteSizeAttribute(1024);
    expect(['2048', '500MB', '2 GiB', '10kB', '1.5KiB', '0', '-1MB', '5 TB', 'big', null].map((v) => bytes.fromAttribute(v))).to.deep.equal([
      2048, 500_000_000, 2 * 1024 ** 3, 10_000, 1536, 1024, 1024, 1024, 1024, 1024,
    ]);
  });
});
