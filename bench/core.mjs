/**
 * The Node half of `npm run bench`: the engine's kernels on the generated files, with the baselines
 * run in the same process on the same bytes. Every function returns figures; run.mjs prints them.
 */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { d3DsvToTable, papaparseToTable, rollupNpsByMonth, rollupNpsByUtcMonth, rowObjects } from './baselines.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** src/core bundled for Node, as the worker gets it. */
export async function loadCore() {
  const { outputFiles } = await build({ entryPoints: [join(root, 'src/core/index.ts')], bundle: true, platform: 'node', format: 'esm', write: false });
  return import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString('base64')}`);
}

const gc = () => globalThis.gc?.();

/** Median wall time of `runs` calls, after one warm-up call. */
export function median(work, runs = 7) {
  work();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(runs / 2)];
}

const CHUNK = 1 << 20;

/** The file's bytes pushed to the engine's ingest in 1 MiB chunks, as a fetch body would arrive. */
function ingestBytes(core, bytes) {
  const ingest = core.createCsvIngest({});
  for (let at = 0; at < bytes.length; at += CHUNK) ingest.push(bytes.subarray(at, Math.min(at + CHUNK, bytes.length)));
  return ingest.finish();
}

function tableBytes(table) {
  return table.day.byteLength + table.scores.nps.byteLength + table.scores.csat.byteLength + table.scores.ces.byteLength +
    (table.stage?.codes.byteLength ?? 0) + table.dimensions.reduce((sum, d) => sum + d.codes.byteLength, 0);
}

/** CSV → table from bytes in memory: the engine, d3-dsv and PapaParse (each median of 3, after a warm-up). */
export async function ingestComparison(core, path) {
  const file = await readFile(path);
  const bytes = new Uint8Array(file.buffer, file.byteOffset, file.byteLength);
  let result;
  const ours = median(() => (result = ingestBytes(core, bytes)), 3);
  gc();
  let d3Result;
  const d3dsv = median(() => (d3Result = d3DsvToTable(bytes)), 3);
  gc();
  const papaparse = median(() => papaparseToTable(bytes), 3);
  gc();
  // The baselines apply the same rules, so they must count the same rows: a check on the comparison itself.
  const { quality } = result;
  if (d3Result.accepted !== quality.accepted || d3Result.duplicates !== quality.duplicates || d3Result.rejected !== quality.rejected) {
    throw new Error(`The d3-dsv baseline counts ${d3Result.accepted}/${d3Result.duplicates}/${d3Result.rejected}, the engine ` +
      `${quality.accepted}/${quality.duplicates}/${quality.rejected}: the comparison is not like for like.`);
  }
  return { ours, d3dsv, papaparse, bytes: bytes.length, quality, table: result.table };
}

/** Memory: the engine's columns per row against the rows d3-dsv returns, measured on the heap. */
export async function memoryComparison(core, path, table) {
  const file = await readFile(path);
  gc();
  const before = process.memoryUsage().heapUsed;
  const { csvParseRows } = await import('d3-dsv');
  let rows = csvParseRows(new TextDecoder().decode(file));
  gc();
  const rowsHeap = process.memoryUsage().heapUsed - before;
  const rowCount = rows.length - 1;
  rows = null;
  gc();
  return { tableBytesPerRow: tableBytes(table) / table.rowCount, rowArraysBytesPerRow: rowsHeap / rowCount };
}

/** The big file streamed from disk in 1 MiB reads: never one string, never the whole file in memory. */
export async function streamedIngest(core, path) {
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const rssBefore = process.memoryUsage().rss;
  const started = performance.now();
  const ingest = core.createCsvIngest({});
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK })) ingest.push(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
  const { table, quality } = ingest.finish();
  const ms = performance.now() - started;
  gc();
  return {
    ms,
    table,
    quality,
    bytesPerRow: tableBytes(table) / table.rowCount,
    heapGrowthMB: (process.memoryUsage().heapUsed - heapBefore) / 1e6,
    rssGrowthMB: (process.memoryUsage().rss - rssBefore) / 1e6,
  };
}

/** NPS by month: the engine's kernel against d3.rollup over row objects; plus the cached switch of interval. */
export function npsComparison(core, table) {
  const byMonth = () => core.npsSeries(core.aggregateNps(table, { interval: 'month' }), 5);
  const ours = median(byMonth, 21);
  const { indexOfDay } = core.densePeriodIndex(table.firstDay, table.lastDay, 'month');
  const rows = rowObjects(table);
  const rollupMs = median(() => rollupNpsByUtcMonth(rows), 5);
  const rollupPrecomputedMs = median(() => rollupNpsByMonth(rows, indexOfDay, table.firstDay), 5);
  // The baselines must find the same answers per month.
  const mine = core.aggregateNps(table, { interval: 'month' });
  const total = (histograms) => [...histograms].reduce((sum, h) => sum + h.reduce((a, b) => a + b, 0), 0);
  const expected = total([...mine.buckets.values()].map((b) => b.histogram));
  for (const theirs of [rollupNpsByUtcMonth(rows), rollupNpsByMonth(rows, indexOfDay, table.firstDay)]) {
    if (total(theirs.values()) !== expected || theirs.size !== mine.buckets.size) throw new Error('rollup and engine disagree');
  }
  return { ours, rollup: rollupMs, rollupPrecomputed: rollupPrecomputedMs };
}

export function npsKernels(core, table) {
  const cache = new core.DailyCountsCache();
  cache.partial(table, { interval: 'month' });
  const intervals = ['week', 'month', 'quarter'];
  let next = 0;
  return {
    // What a trend pays to switch interval once the engine has the file's daily counts (see daily-counts.ts).
    cachedSwitch: median(() => core.npsSeries(cache.partial(table, { interval: intervals[next++ % 3] }), 5), 21),
    month: median(() => core.npsSeries(core.aggregateNps(table, { interval: 'month' }), 5), 11),
    monthByDepartment: median(() => core.npsSeries(core.aggregateNps(table, { interval: 'month', dimension: 'department' }), 5), 11),
    monthFiltered: median(
      () => core.npsSeries(core.aggregateNps(table, { interval: 'month', conditions: [{ dimension: 'channel', values: ['Web portal'] }] }), 5),
      11,
    ),
  };
}
