import { expect } from '@open-wc/testing';
import { CxDataError } from '../../src/core/errors.ts';
import { loadFeedbackFromUrl, type LoadProgress } from '../../src/core/source.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

/** Rows of a small feedback export: row `i` (1-based) answered NPS `i % 11` on day `i` of March 2024. */
function feedbackCsv(rowCount: number): string {
  let text = 'respondent,date,nps,comment\n';
  for (let i = 1; i <= rowCount; i++) text += `person${i}@example.org,2024-03-${String(((i - 1) % 31) + 1).padStart(2, '0')},${i % 11},fine\n`;
  return text;
}
const npsOfRows = (rowCount: number) => Array.from({ length: rowCount }, (_, k) => (k + 1) % 11);

/** Cuts text into byte chunks of `size` bytes (the last one shorter). */
function byteChunks(text: string, size: number): Uint8Array[] {
  const bytes = utf8(text);
  const chunks: Uint8Array[] = [];
  for (let start = 0; start < bytes.length; start += size) chunks.push(bytes.slice(start, start + size));
  return chunks;
}

/**
 * A response whose body is a ReadableStream that hands out one chunk per read, only when asked
 * (highWaterMark 0), and records how often it was read and whether it was cancelled.
 */
function streamedResponse(chunks: readonly (string | Uint8Array)[], init: ResponseInit = {}) {
  const log = { pulls: 0, cancelled: false };
  let next = 0;
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        log.pulls++;
        const chunk = chunks[next++];
        if (chunk === undefined) controller.close();
        else controller.enqueue(typeof chunk === 'string' ? utf8(chunk) : chunk);
      },
      cancel() {
        log.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { response: new Response(body, init), log };
}

async function rejectionOf(promise: Promise<unknown>): Promise<CxDataError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(CxDataError);
    return error as CxDataError;
  }
  throw new Error('expected the load to fail, but it succeeded');
}

describe('loadFeedbackFromUrl', () => {
  let realFetch: typeof globalThis.fetch;
  const blobUrls: string[] = [];

  /** Makes every fetch answer with `response`, and returns the URLs it was asked for. */
  function serve(response: Response): string[] {
    const requested: string[] = [];
    globalThis.fetch = (async (input: RequestInfo | URL) => {
      requested.push(String(input));
      return response;
    }) as typeof globalThis.fetch;
    return requested;
  }

  function blobUrl(parts: BlobPart[], type: string): string {
    const url = URL.createObjectURL(new Blob(parts, { type }));
    blobUrls.push(url);
    return url;
  }

  before(() => {
    realFetch = globalThis.fetch;
  });

  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  after(() => {
    globalThis.fetch = realFetch;
    for (const url of blobUrls) URL.revokeObjectURL(url);
  });

  describe('CSV', () => {
    it('reads a CSV file from a blob URL into a table', async () => {
      const { table, quality } = await loadFeedbackFromUrl(blobUrl([feedbackCsv(40)], 'text/csv'), {});
      expect(table.rowCount).to.equal(40);
      expect(Array.from(table.scores.nps)).to.deep.equal(npsOfRows(40));
      expect(quality.accepted).to.equal(40);
      expect(quality.rejected).to.equal(0);
    });

    it('feeds the chunks held back for sniffing to the reader in order, however small they are', async () => {
      const csv = feedbackCsv(40); // about 1.9 kB: the sniff holds back the first 512 bytes' worth of chunks
      for (const chunks of [byteChunks(csv, 1), byteChunks(csv, 7), [csv.slice(0, 1), csv.slice(1)], [csv]]) {
        serve(streamedResponse(chunks, { headers: { 'content-type': 'text/csv' } }).response);
        const { table, quality } = await loadFeedbackFromUrl('https://intranet.example/feedback.csv', {});
        expect(Array.from(table.scores.nps), `${chunks.length} chunks`).to.deep.equal(npsOfRows(40));
        expect(quality.accepted, `${chunks.length} chunks`).to.equal(40);
      }
    });

    it('reads a CSV file shorter than the sniff window', async () => {
      const csv = 'date,nps\n2024-03-01,9\n2024-03-02,6\n';
      serve(streamedResponse(byteChunks(csv, 3)).response);
      const { table } = await loadFeedbackFromUrl('https://intranet.example/feedback', {});
      expect(Array.from(table.scores.nps)).to.deep.equal([9, 6]);
    });

    it('loads every row after a stray quote, rejecting only the row with it', async () => {
      const lines = feedbackCsv(1000).split('\n');
      lines[6] = 'person6@example.org,"Great service,2024-01-05'; // row 6, physical line 7
      const { table, quality } = await loadFeedbackFromUrl(blobUrl([lines.join('\n')], 'text/csv'), {});
      expect(table.rowCount).to.equal(999);
      expect(quality.accepted).to.equal(999);
      expect(quality.reasons).to.deep.equal([{ reason: 'unclosed-quote', count: 1, lines: [7] }]);
      expect(Array.from(table.scores.nps)).to.deep.equal(npsOfRows(1000).filter((_, k) => k !== 5));
    });

    it('fails with missing-column when the header has no date column, and cancels the rest of the download', async () => {
      const rows = Array.from({ length: 10_000 }, (_, k) => `person${k}@example.org,${k % 11},fine\n`);
      const { response, log } = streamedResponse(['respondent,nps,comment\n', ...rows], { headers: { 'content-type': 'text/csv' } });
      serve(response);
      const error = await rejectionOf(loadFeedbackFromUrl('https://intranet.example/feedback.csv', {}));
      expect(error.code).to.equal('missing-column');
      expect(error.params).to.deep.equal({ field: 'date' });
      expect(log.cancelled).to.equal(true);
      expect(log.pulls).to.be.below(100); // the 512-byte sniff window is about 20 rows
    });

    it('reports progress with growing byte counts and the declared total', async () => {
      const csv = feedbackCsv(40);
      const chunks = byteChunks(csv, 300);
      const total = utf8(csv).byteLength;
      serve(streamedResponse(chunks, { headers: { 'content-type': 'text/csv', 'content-length': String(total) } }).response);
      const progress: LoadProgress[] = [];
      await loadFeedbackFromUrl('https://intranet.example/feedback.csv', {}, { onProgress: (p) => progress.push(p), progressIntervalMs: 0 });
      // One report per chunk as it arrives, then a final one when the reading is done.
      const expected: number[] = [];
      for (let k = 1, sum = 0; k <= chunks.length; k++) expected.push((sum += chunks[k - 1]!.byteLength));
      expect(progress.map((p) => p.bytes)).to.deep.equal([...expected, total]);
      expect(progress.every((p) => p.totalBytes === total)).to.equal(true);
      for (let k = 1; k < chunks.length; k++) expect(progress[k]!.bytes).to.be.above(progress[k - 1]!.bytes);
    });
  });

  describe('not data', () => {
    it('recognises an HTML page whose first chunk is a single whitespace byte, and stops downloading it', async () => {
      const page =
        '<!DOCTYPE html>\n<html lang="en"><head><title>Sign in</title></head><body>' +
        '<p>Your session has expired. Please sign in again to continue.</p>'.repeat(40) +
        '</body></html>\n';
      const { response, log } = streamedResponse([' ', ...byteChunks(page, 64)], { headers: { 'content-type': 'application/octet-stream' } });
      serve(response);
      const error = await rejectionOf(loadFeedbackFromUrl('https://intranet.example/feedback.csv', {}));
      expect(error.code).to.equal('not-csv');
      expect(log.cancelled).to.equal(true);
    });

    it('fails with not-found for a 404', async () => {
      const requested = serve(new Response('Not here', { status: 404 }));
      const error = await rejectionOf(loadFeedbackFromUrl('https://intranet.example/missing.csv', {}));
      expect(error.code).to.equal('not-found');
      expect(error.params).to.deep.equal({ url: 'https://intranet.example/missing.csv', status: 404 });
      expect(requested).to.deep.equal(['https://intranet.example/missing.csv']);
    });

    it('fails with http for a 500', async () => {
      serve(new Response('Internal error', { status: 500 }));
      const error = await rejectionOf(loadFeedbackFromUrl('https://intranet.example/feedback.csv', {}));
      expect(error.code).to.equal('http');
      expect(error.params).to.deep.equal({ url: 'https://intranet.example/feedback.csv', status: 500 });
    });

    it('fails with empty-file for an empty body, from a blob URL and from a stream', async () => {
      expect((await rejectionOf(loadFeedbackFromUrl(blobUrl([], 'text/csv'), {}))).code).to.equal('empty-file');
      serve(streamedResponse([new Uint8Array(0)]).response);
      expect((await rejectionOf(loadFeedbackFromUrl('https://intranet.example/feedback.csv', {}))).code).to.equal('empty-file');
    });
  });

  describe('JSON', () => {
    it('ingests a JSON array of records', async () => {
      const records = [
        { date: '2024-03-01', nps: 9, region: 'North' },
        { date: '2024-03-02', nps: 3, region: 'South' },
        { date: '2024-03-02', nps: 10 },
      ];
      const { table, quality } = await loadFeedbackFromUrl(blobUrl([JSON.stringify(records)], 'application/json'), {});
      expect(table.rowCount).to.equal(3);
      expect(Array.from(table.scores.nps)).to.deep.equal([9, 3, 10]);
      expect(table.dimensions.map((d) => d.name)).to.deep.equal(['region']);
      expect(quality.accepted).to.equal(3);
    });

    it('reads a JSON array streamed in small chunks, recognised by its first byte', async () => {
      const json = '  ' + JSON.stringify(Array.from({ length: 30 }, (_, k) => ({ date: '2024-03-01', nps: k % 11 })));
      serve(streamedResponse(byteChunks(json, 5)).response);
      const { table } = await loadFeedbackFromUrl('https://intranet.example/export', {});
      expect(Array.from(table.scores.nps)).to.deep.equal(Array.from({ length: 30 }, (_, k) => k % 11));
    });

    it('fails with bad-json for a JSON object, and for JSON that does not parse', async () => {
      const object = JSON.stringify({ date: '2024-03-01', nps: 9 });
      expect((await rejectionOf(loadFeedbackFromUrl(blobUrl([object], 'application/json'), {}))).code).to.equal('bad-json');
      expect((await rejectionOf(loadFeedbackFromUrl(blobUrl(['[{"date": "2024-03-01",'], 'application/json'), {}))).code).to.equal('bad-json');
    });
  });
});
