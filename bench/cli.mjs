/**
 * The DuckDB CLI (`cx-elements aggregate`, issue 10) on the 5 × N-row benchmark file, as CSV and as
 * Parquet made from it, timed, with its counts checked against the engine's own table of the same file:
 * the NPS histograms per month and department, and the quality report. Skipped, with a note, when the
 * optional @duckdb/node-api is not installed.
 */
import { execFile } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { deepStrictEqual } from 'node:assert/strict';

const run = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));

const histograms = (core, partial) =>
  [...partial.buckets.values()]
    .filter((bucket) => bucket.histogram.some((n) => n > 0))
    .map((bucket) => `${core.periodKey(bucket.periodStart, partial.interval)}|${bucket.group ?? ''}|${[...bucket.histogram].join(' ')}`)
    .sort();

async function aggregate(file) {
  const started = performance.now();
  const { stdout } = await run(process.execPath, [join(root, 'bin/cx-elements.mjs'), 'aggregate', file, '--interval', 'month', '--by', 'department', '--quiet'], {
    maxBuffer: 1 << 28,
  });
  return { ms: performance.now() - started, document: JSON.parse(stdout) };
}

/** A Parquet copy of the CSV (text columns, as an export would hold them), made once next to it. */
async function parquetOf(csvPath) {
  const path = csvPath.replace(/\.csv$/, '.parquet');
  if (await stat(path).then(() => true, () => false)) return path;
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const connection = await (await DuckDBInstance.create(':memory:')).connect();
  // The path is the benchmark's own generated file, not input from anyone.
  await connection.run(`COPY (SELECT * FROM read_csv('${csvPath}', header = true, all_varchar = true, ignore_errors = true)) TO '${path}' (FORMAT parquet)`);
  connection.closeSync();
  return path;
}

/** Figures for run.mjs: [work, ms] pairs; throws when the CLI's counts differ from the engine's. */
export async function cliFigures(core, csvPath, table, quality, rows) {
  try {
    await import('@duckdb/node-api');
  } catch {
    console.log('  the DuckDB CLI: skipped (@duckdb/node-api, an optional dependency, is not installed)');
    return [];
  }
  const engine = histograms(core, core.aggregateNps(table, { interval: 'month', dimension: 'department' }));
  const figures = [];
  const csv = await aggregate(csvPath);
  deepStrictEqual(histograms(core, core.partialFromCounts(csv.document, 'month', 'department')), engine, 'CLI (CSV) and engine NPS histograms differ');
  const { totalRows, accepted, duplicates, rejected } = csv.document.quality;
  deepStrictEqual({ totalRows, accepted, duplicates, rejected }, { totalRows: quality.totalRows, accepted: quality.accepted, duplicates: quality.duplicates, rejected: quality.rejected });
  figures.push([`DuckDB CLI, CSV → counts by month × department, ${rows.toLocaleString('en')} rows (equal to the engine's)`, csv.ms]);

  const parquet = await aggregate(await parquetOf(csvPath));
  deepStrictEqual(histograms(core, core.partialFromCounts(parquet.document, 'month', 'department')), engine, 'CLI (Parquet) and engine NPS histograms differ');
  // DuckDB's CSV reader leaves rows with the wrong number of fields out of the Parquet copy altogether.
  const wrongWidth = quality.reasons.find((r) => r.reason === 'column-count')?.count ?? 0;
  deepStrictEqual(parquet.document.quality.accepted, quality.accepted);
  deepStrictEqual(parquet.document.quality.totalRows, quality.totalRows - wrongWidth);
  figures.push([`DuckDB CLI, Parquet → counts by month × department, ${rows.toLocaleString('en')} rows (equal to the engine's)`, parquet.ms]);
  return figures;
}
