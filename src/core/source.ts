/**
 * Reading a feedback file from a URL: fetch, tell CSV from JSON from "not data at all", and stream
 * CSV chunks into the ingest so the file never exists as one string. Runs in the worker (and in
 * Node), never on the page.
 */
import { CxDataError } from './errors.ts';
import { resolveLimits, type LoadLimits } from './limits.ts';
import { createCsvIngest } from './csv-ingest.ts';
import { ingestRecords, type IngestResult } from './ingest.ts';
import type { FieldMapping } from './schema.ts';

export interface LoadProgress {
  readonly bytes: number;
  /** From Content-Length; null when the server does not say (or compresses). */
  readonly totalBytes: number | null;
}

export { DEFAULT_LIMITS, type LoadLimits } from './limits.ts';

export interface LoadOptions {
  readonly signal?: AbortSignal;
  /** Missing entries take their {@link DEFAULT_LIMITS}. */
  readonly limits?: Partial<LoadLimits>;
  readonly onProgress?: (progress: LoadProgress) => void;
  /** Minimum time between progress callbacks, so a fast stream does not flood the page. */
  readonly progressIntervalMs?: number;
}

type Format = 'csv' | 'json' | 'html' | 'binary';

/**
 * How much of the body the format sniff waits for. A first network chunk can be a single byte, or only
 * the whitespace before `<!DOCTYPE html>`, which would otherwise pass for CSV.
 */
const SNIFF_BYTES = 512;

/** Decides the format from the Content-Type, the URL and the first bytes, in that order of trust. */
function sniffFormat(contentType: string, url: string, head: Uint8Array): Format {
  let i = 0;
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) i = 3;
  while (i < head.length && (head[i] === 0x20 || head[i] === 0x09 || head[i] === 0x0a || head[i] === 0x0d)) i++;
  const first = head[i];
  if (contentType.includes('html') || first === 0x3c /* < */) return 'html';
  if (head.subarray(0, SNIFF_BYTES).includes(0)) return 'binary';
  if (contentType.includes('json') || /\.json(?:[?#]|$)/i.test(url) || first === 0x5b /* [ */ || first === 0x7b /* { */) return 'json';
  return 'csv';
}

function concatBytes(chunks: readonly Uint8Array[], byteLength: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const joined = new Uint8Array(byteLength);
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return joined;
}

/** `fetch` whose failures are errors a user can act on: not found, refused, unreachable. */
export async function fetchOrExplain(url: string, signal: AbortSignal | undefined): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { signal, credentials: 'same-origin' });
  } catch (error) {
    if (signal?.aborted) throw new CxDataError('aborted', 'Loading was cancelled.');
    throw new CxDataError('network', `Could not reach ${url}: ${error instanceof Error ? error.message : String(error)}`, { url });
  }
  if (response.status === 404 || response.status === 410) throw new CxDataError('not-found', `${url} was not found (HTTP ${response.status}).`, { url, status: response.status });
  if (!response.ok) throw new CxDataError('http', `${url} answered HTTP ${response.status}.`, { url, status: response.status });
  return response;
}

/** How one kind of data is read once its format is known: CSV streamed chunk by chunk, JSON parsed whole. */
export interface FormatReaders<T> {
  /** `rowsRead`: data rows read so far, checked against `maxRows` after every chunk. */
  csv(): { push(chunk: Uint8Array): void; finish(): T; readonly rowsRead: number };
  json(parsed: unknown): T;
  /** Data rows in a finished result, checked against `maxRows` once the file is read. */
  rowCount?(value: T): number;
}

/** Feedback rows (CSV, or a JSON array of records) into a table, with its quality report. */
export function loadFeedbackFromUrl(url: string, mapping: FieldMapping, options: LoadOptions = {}): Promise<IngestResult> {
  return loadFromUrl(url, options, {
    csv: () => createCsvIngest(mapping),
    json(parsed) {
      // An array with no record at all (numbers, strings, nested arrays) is the wrong shape, not rows to count.
      const isRecord = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value);
      if (!Array.isArray(parsed) || (parsed.length > 0 && !parsed.some(isRecord))) {
        throw new CxDataError('bad-json', `${url} must hold a JSON array of records.`, { url });
      }
      return ingestRecords(parsed, mapping);
    },
    rowCount: (result) => result.quality.totalRows,
  });
}

const tooManyRows = (url: string, limit: number) =>
  new CxDataError('too-many-rows', `${url} has more than ${limit} rows (max-rows).`, { url, limit });
const tooLarge = (url: string, limit: number) =>
  new CxDataError('too-large', `${url} is larger than ${limit} bytes (max-bytes).`, { url, limit });

/** A response body read chunk by chunk under the byte and inactivity limits. */
interface GuardedBody {
  readonly contentType: string;
  /** From Content-Length; null when the server does not say (or compresses). */
  readonly totalBytes: number | null;
  readonly bytes: number;
  /** The next chunk, or null at the end; `too-large`, `timeout`, `aborted` or `network` errors. */
  read(): Promise<Uint8Array | null>;
  /** Stops the download if it is still running and lets go of the caller's signal. Idempotent. */
  close(): void;
}

/**
 * Fetches `url` under `limits`: the inactivity timer runs only while waiting for the server (not
 * while a chunk is parsed), a declared Content-Length above `maxBytes` is refused before the body
 * is read, and every stop cancels the request so the download ends too.
 */
async function openBody(url: string, signal: AbortSignal | undefined, limits: LoadLimits): Promise<GuardedBody> {
  const controller = new AbortController();
  const abort = () => controller.abort();
  if (signal?.aborted) abort();
  signal?.addEventListener('abort', abort, { once: true });
  let response: Response | null = null;
  let reader: ReadableStreamDefaultReader<Uint8Array> | null = null;
  let open = true;
  let timedOut = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const wait = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = true;
      // Aborting errors a fetched body; cancelling also ends a pending read of any other stream.
      abort();
      reader?.cancel().catch(() => {});
    }, limits.timeoutMs);
  };
  const seconds = limits.timeoutMs / 1000;
  const explain = (error: unknown): unknown => {
    if (error instanceof CxDataError && error.code !== 'aborted' && error.code !== 'network') return error;
    if (timedOut) return new CxDataError('timeout', `${url} sent nothing for ${seconds} s (load-timeout); loading was stopped.`, { url, seconds });
    if (signal?.aborted) return new CxDataError('aborted', 'Loading was cancelled.');
    if (error instanceof CxDataError) return error;
    return new CxDataError('network', `The connection to ${url} broke while reading: ${error instanceof Error ? error.message : String(error)}`, { url });
  };
  const close = () => {
    if (!open) return;
    open = false;
    clearTimeout(timer);
    signal?.removeEventListener('abort', abort);
    // The request, then its body: the download stops whether the answer had arrived or not. Not
    // awaited: a failing cancel must not hide the error, and a slow one must not delay it.
    abort();
    (reader ?? (response?.bodyUsed ? null : response?.body))?.cancel().catch(() => {});
  };
  try {
    wait();
    response = await fetchOrExplain(url, controller.signal);
    clearTimeout(timer);
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (declared > limits.maxBytes) throw tooLarge(url, limits.maxBytes);
    if (!response.body) throw new CxDataError('empty-file', `${url} is empty.`, { url });
    reader = response.body.getReader();
    const body = reader;
    let bytes = 0;
    return {
      contentType: (response.headers.get('content-type') ?? '').toLowerCase(),
      totalBytes: response.headers.get('content-encoding') || !Number.isFinite(declared) || declared <= 0 ? null : declared,
      get bytes() {
        return bytes;
      },
      async read() {
        wait();
        try {
          const { done, value } = await body.read();
          if (timedOut) throw new CxDataError('aborted', 'Timed out.');
          if (done) return null;
          bytes += value.byteLength;
          if (bytes > limits.maxBytes) throw tooLarge(url, limits.maxBytes);
          return value;
        } catch (error) {
          throw explain(error);
        } finally {
          clearTimeout(timer);
        }
      },
      close,
    };
  } catch (error) {
    close();
    throw explain(error);
  }
}

/**
 * Fetches `url`, tells CSV from JSON from "not data at all", and hands the body to the matching
 * reader: CSV chunk by chunk as it arrives, JSON whole. Errors are {@link CxDataError}s a user can act
 * on, including the {@link LoadLimits} (`too-many-rows`, `too-large`, `timeout`).
 */
export async function loadFromUrl<T>(url: string, options: LoadOptions, readers: FormatReaders<T>): Promise<T> {
  const { signal, onProgress, progressIntervalMs = 50 } = options;
  const limits = resolveLimits(options.limits);
  const body = await openBody(url, signal, limits);
  const { contentType, totalBytes } = body;

  let lastReport = 0;
  const report = (force: boolean) => {
    const now = Date.now();
    if (!onProgress || (!force && now - lastReport < progressIntervalMs)) return;
    lastReport = now;
    onProgress({ bytes: body.bytes, totalBytes });
  };
  const read = async (): Promise<Uint8Array | null> => {
    const chunk = await body.read();
    if (chunk) report(false);
    return chunk;
  };

  try {
    const head: Uint8Array[] = [];
    let headBytes = 0;
    let bodyDone = false;
    while (headBytes < SNIFF_BYTES) {
      const chunk = await read();
      if (!chunk) {
        bodyDone = true;
        break;
      }
      head.push(chunk);
      headBytes += chunk.byteLength;
    }
    if (headBytes === 0) throw new CxDataError('empty-file', `${url} is empty.`, { url });
    const format = sniffFormat(contentType, url, concatBytes(head, headBytes));
    if (format === 'html' || format === 'binary') {
      throw new CxDataError('not-csv', `${url} is not a CSV or JSON file (it looks like ${format === 'html' ? 'a web page' : 'binary data'}).`, { url });
    }
    if (format === 'json') {
      // JSON has no record boundaries we could trust mid-stream, so it is collected and parsed whole.
      const parts = head;
      if (!bodyDone) for (let chunk = await read(); chunk; chunk = await read()) parts.push(chunk);
      report(true);
      let parsed: unknown;
      try {
        parsed = JSON.parse(new TextDecoder().decode(await new Blob(parts as BlobPart[]).arrayBuffer()));
      } catch (error) {
        throw new CxDataError('bad-json', `${url} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`, { url });
      }
      if (Array.isArray(parsed) && parsed.length > limits.maxRows) throw tooManyRows(url, limits.maxRows);
      return readers.json(parsed);
    }
    const ingest = readers.csv();
    const push = (chunk: Uint8Array) => {
      if (signal?.aborted) throw new CxDataError('aborted', 'Loading was cancelled.');
      ingest.push(chunk);
      if (ingest.rowsRead > limits.maxRows) throw tooManyRows(url, limits.maxRows);
    };
    for (const chunk of head) push(chunk);
    if (!bodyDone) for (let chunk = await read(); chunk; chunk = await read()) push(chunk);
    report(true);
    const result = ingest.finish();
    if ((readers.rowCount?.(result) ?? 0) > limits.maxRows) throw tooManyRows(url, limits.maxRows);
    return result;
  } finally {
    // Whatever failed (a missing column in the header, bad JSON, a limit, a cancelled load), the rest
    // of a large file must not keep downloading in the worker.
    body.close();
  }
}

/** A small JSON document (a definition, not data): fetched and parsed whole, under `maxBytes` and `timeoutMs`. */
export async function fetchJson(url: string, signal?: AbortSignal, limits: Partial<LoadLimits> = {}): Promise<unknown> {
  const body = await openBody(url, signal, resolveLimits(limits));
  const parts: Uint8Array[] = [];
  try {
    for (let chunk = await body.read(); chunk; chunk = await body.read()) parts.push(chunk);
  } finally {
    body.close();
  }
  const text = new TextDecoder().decode(await new Blob(parts as BlobPart[]).arrayBuffer());
  if (/^\s*</.test(text)) throw new CxDataError('not-csv', `${url} is not JSON (it looks like a web page).`, { url });
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CxDataError('bad-json', `${url} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`, { url });
  }
}
