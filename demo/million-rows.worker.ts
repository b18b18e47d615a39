/**
 * Generates the "1M rows" sample off the main thread: seeded feedback rows as CSV, gathered into a
 * Blob, handed back as a blob: URL the elements load like any file. Only started when someone asks.
 * The URL lives as long as this worker: the page terminates it when it no longer needs the file.
 */
import { generateFeedbackCsv } from '../src/sample/generate.ts';

export interface MillionRowsRequest {
  readonly rows: number;
  readonly seed: number;
}

export type MillionRowsMessage =
  | { readonly kind: 'progress'; readonly rows: number }
  | { readonly kind: 'done'; readonly url: string; readonly rows: number; readonly bytes: number; readonly milliseconds: number }
  | { readonly kind: 'failed'; readonly message: string };

const CHUNK_ROWS = 20_000;

const post = (message: MillionRowsMessage) => postMessage(message);

addEventListener('message', (event: MessageEvent<MillionRowsRequest>) => {
  const { rows, seed } = event.data;
  const started = performance.now();
  try {
    const chunks: string[] = [];
    let done = 0;
    for (const chunk of generateFeedbackCsv({ seed, rows, chunkRows: CHUNK_ROWS })) {
      chunks.push(chunk);
      done = Math.min(rows, done + CHUNK_ROWS);
      post({ kind: 'progress', rows: done });
    }
    const blob = new Blob(chunks, { type: 'text/csv' });
    post({ kind: 'done', url: URL.createObjectURL(blob), rows, bytes: blob.size, milliseconds: performance.now() - started });
  } catch (error) {
    post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
});
