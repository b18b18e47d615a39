/**
 * Reading a feedback file from a URL: fetch, tell CSV from JSON from "not data at all", and stream
 * CSV chunks into the ingest so the file never exists as one string. Runs in the worker (and in
 * Node), never on the page.
 */
import { CxDataError } from './errors.ts';
import { createCsvIngest } from './csv-ingest.ts';
import { ingestRecords, type IngestResult } from './ingest.ts';
import type { FieldMapping } from './schema.ts';

export interface LoadProgress {
  readonly bytes: number;
  /** From Content-Length; null when the server does not say (or compresses). */
  readonly totalBytes: number | null;
}

export interface LoadOptions {
  readonly signal?: AbortSignal;
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
  csv(): { push(chunk: Uint8Array): void; finish(): T };
  json(parsed: unknown): T;
}

/** Feedback rows (CSV, or a JSON array of records) into a table, with its quality report. */
export function loadFeedbackFromUrl(url: string, mapping: FieldMapping, options: LoadOptions = {}): Promise<IngestResult> {
  return loadFromUrl(url, options, {
    csv: () => createCsvIngest(mapping),
    json(parsed) {
      if (!Array.isArray(parsed)) throw new CxDataError('bad-json', `${url} must hold a JSON array of records.`, { url });
      return ingestRecords(parsed, mapping);
    },
  });
}

/**
 * Fetches `url`, tells CSV from JSON from "not data at all", and hands the body to the matching
 * reader: CSV chunk by chunk as it arrives, JSON whole. Errors are {@link CxDataError}s a user can act on.
 */
export async function loadFromUrl<T>(url: string, options: LoadOptions, readers: FormatReaders<T>): Promise<T> {
  const { signal, onProgress, progressIntervalMs = 50 } = options;
  const response = await fetchOrExplain(url, signal);
  const declared = Number(response.headers.get('content-length'));
  const totalBytes = response.headers.get('content-encoding') || !Number.isFinite(declared) || declared <= 0 ? null : declared;
  const contentType = (response.headers.get('content-type') ?? '').toLowerCase();
  const body = response.body;
  if (!body) throw new CxDataError('empty-file', `${url} is empty.`, { url });
  const reader = body.getReader();

  let bytes = 0;
  let lastReport = 0;
  const report = (force: boolean) => {
    const now = Date.now();
    if (!onProgress || (!force && now - lastReport < progressIntervalMs)) return;
    lastReport = now;
    onProgress({ bytes, totalBytes });
  };
  const read = async (): Promise<Uint8Array | null> => {
    try {
      const { done, value } = await reader.read();
      if (done) return null;
      bytes += value.byteLength;
      report(false);
      return value;
    } catch (error) {
      if (signal?.aborted) throw new CxDataError('aborted', 'Loading was cancelled.');
      throw new CxDataError('network', `The connection to ${url} broke while reading: ${error instanceof Error ? error.message : String(error)}`, { url });
    }
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
      return readers.json(parsed);
    }
    const ingest = readers.csv();
    const throwIfAborted = () => {
      if (signal?.aborted) throw new CxDataError('aborted', 'Loading was cancelled.');
    };
    for (const chunk of head) {
      throwIfAborted();
      ingest.push(chunk);
    }
    if (!bodyDone) {
      for (let chunk = await read(); chunk; chunk = await read()) {
        throwIfAborted();
        ingest.push(chunk);
      }
    }
    report(true);
    return ingest.finish();
  } catch (error) {
    // Whatever failed (a missing column in the header, bad JSON, a cancelled load), the rest of a large
    // file must not keep downloading in the worker. Not awaited: a failing cancel must not hide the
    // error, and a slow one must not delay it.
    reader.cancel().catch(() => {});
    throw error;
  }
}

/** A small JSON document (a definition, not data): fetched and parsed whole. */
export async function fetchJson(url: string, signal?: AbortSignal): Promise<unknown> {
  const response = await fetchOrExplain(url, signal);
  const text = await response.text();
  if (/^\s*</.test(text)) throw new CxDataError('not-csv', `${url} is not JSON (it looks like a web page).`, { url });
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CxDataError('bad-json', `${url} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`, { url });
  }
}
