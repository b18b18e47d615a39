/**
 * `npm run bench`: the performance figures of issue 7, with the usual alternatives measured in the same
 * run, printed as one table and written to bench/results.json. See bench/README.md for how to read them.
 *
 * Data is generated here, deterministically (seed 42), into bench/data/ (git-ignored): N rows (default
 * 1,000,000) and 5 × N rows. `ROWS=200000 npm run bench` for a quick run. Needs `npm run build` first
 * (the npm script does it) for the browser half, which loads the built bundle in the system Chromium.
 */
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { constants as bufferConstants } from 'node:buffer';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeSampleCsv } from '../scripts/lib-harness.mjs';
import { browserFigures } from './browser.mjs';
import { cliFigures } from './cli.mjs';
import { ingestComparison, loadCore, memoryComparison, npsComparison, npsKernels, streamedIngest } from './core.mjs';
import { journeyAndScorecard } from './product.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const rows = Number(process.env.ROWS ?? 1_000_000);
const bigRows = rows * 5;
const dataDir = join(root, 'bench', 'data');
await mkdir(dataDir, { recursive: true });
const started = performance.now();
const thousands = (n) => n.toLocaleString('en');

async function dataFile(count) {
  const path = join(dataDir, `feedback-${count}.csv`);
  if (!(await stat(path).then(() => true, () => false))) {
    const t = performance.now();
    await writeSampleCsv(path, { seed: 42, rows: count });
    console.log(`generated ${path} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  return { path, bytes: (await stat(path)).size };
}

const small = await dataFile(rows);
const big = await dataFile(bigRows);
const core = await loadCore();
const figures = [];
/** One line of the table: `ours` and, when there is one, the baseline measured in this run. */
const figure = (work, ours, unit, target, extra = {}) => {
  const entry = { work, ours: Math.round(ours * 100) / 100, unit, target, ...extra };
  entry.met = target.max === undefined || ours <= target.max;
  if (target.minRatio !== undefined) entry.met &&= entry.ratio >= target.minRatio;
  figures.push(entry);
  console.log(`  ${work}: ${entry.ours} ${unit}${entry.ratio ? ` (${entry.ratio}× the ${entry.baselineName})` : ''}`);
};
const ratio = (theirs, ours) => Math.round((theirs / ours) * 10) / 10;

console.log(`\ncore (Node ${process.version}), ${thousands(rows)} rows (${(small.bytes / 1e6).toFixed(0)} MB) and ${thousands(bigRows)} rows (${(big.bytes / 1e6).toFixed(0)} MB)`);
const ingest = await ingestComparison(core, small.path);
figure(`CSV → columnar table, ${thousands(rows)} rows`, ingest.ours, 'ms', { max: 300, minRatio: 4 }, {
  baselineName: 'd3-dsv time', baseline: Math.round(ingest.d3dsv), ratio: ratio(ingest.d3dsv, ingest.ours),
  papaparse: Math.round(ingest.papaparse), papaparseRatio: ratio(ingest.papaparse, ingest.ours),
  throughputMBps: Math.round(ingest.bytes / 1e6 / (ingest.ours / 1000)),
});
console.log(`    PapaParse + conversion: ${Math.round(ingest.papaparse)} ms (${ratio(ingest.papaparse, ingest.ours)}×); ` +
  `${thousands(ingest.quality.accepted)} accepted, ${thousands(ingest.quality.duplicates)} duplicates, ${thousands(ingest.quality.rejected)} rejected, as counted by all three`);
const memory = await memoryComparison(core, small.path, ingest.table);
figure('Memory held by the table (excluding comment text)', memory.tableBytesPerRow, 'bytes/row', { max: 15 }, {
  baselineName: 'size of d3-dsv row arrays', baseline: Math.round(memory.rowArraysBytesPerRow), ratio: ratio(memory.rowArraysBytesPerRow, memory.tableBytesPerRow),
});
const nps = npsComparison(core, ingest.table);
figure(`NPS by month, ${thousands(rows)} rows`, nps.ours, 'ms', { max: 5, minRatio: 25 }, {
  baselineName: 'd3.rollup time', baseline: Math.round(nps.rollup * 10) / 10, ratio: ratio(nps.rollup, nps.ours),
  rollupPrecomputed: Math.round(nps.rollupPrecomputed * 10) / 10, rollupPrecomputedRatio: ratio(nps.rollupPrecomputed, nps.ours),
});
console.log(`    d3.rollup keyed through the engine's own day → month table instead of d3.utcMonth: ${nps.rollupPrecomputed.toFixed(1)} ms (${ratio(nps.rollupPrecomputed, nps.ours)}×)`);
ingest.table = null;

const streamed = await streamedIngest(core, big.path);
figure(`CSV streamed from disk → table, ${thousands(bigRows)} rows`, streamed.ms, 'ms', { max: 1200 }, {
  fileMB: Math.round(big.bytes / 1e6), maxStringMB: Math.round(bufferConstants.MAX_STRING_LENGTH / 1e6),
  heapGrowthMB: Math.round(streamed.heapGrowthMB), throughputMBps: Math.round(big.bytes / 1e6 / (streamed.ms / 1000)),
});
const kernels = npsKernels(core, streamed.table);
figure(`NPS by month, ${thousands(bigRows)} rows`, kernels.month, 'ms', { max: 25 });
figure(`NPS by month × department, ${thousands(bigRows)} rows`, kernels.monthByDepartment, 'ms', { max: 40 });
figure(`NPS by month for one channel (a filter), ${thousands(bigRows)} rows`, kernels.monthFiltered, 'ms', {});
figure(`Switching interval (week, month, quarter) from the engine's cached daily counts, ${thousands(bigRows)} rows`, kernels.cachedSwitch, 'ms', {});
for (const [work, ms] of await cliFigures(core, big.path, streamed.table, streamed.quality, bigRows)) figure(work, ms, 'ms', {});
streamed.table = null;

const product = await journeyAndScorecard(core, small.path);
for (const [work, ms] of product) figure(work, ms, 'ms', {});

// Three page loads: first-chart times are their median, and the longest task the worst of all three
// (long tasks come and go with the machine's other work, so one lucky load proves nothing).
const BROWSER_RUNS = 3;
console.log(`\nChromium, the built bundle, ${thousands(rows)} rows, ${BROWSER_RUNS} page loads`);
const loads = [];
for (let run = 0; run < BROWSER_RUNS; run++) loads.push(await browserFigures(small.path, rows));
const middle = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const browser = { ...loads[0], firstChartMs: middle(loads.map((l) => l.firstChartMs)), mainHeapMB: middle(loads.map((l) => l.mainHeapMB)) };
figure(`Time from src set to first chart, ${thousands(rows)} rows (median of ${BROWSER_RUNS})`, browser.firstChartMs, 'ms', { max: 1500 });
figure(`Longest main-thread task while the file loads and three elements draw (worst of ${BROWSER_RUNS})`, Math.max(...loads.map((l) => l.longestTaskMs)), 'ms', { max: 50 }, {
  longTasksPerLoad: loads.map((l) => l.longTasks),
});
figure('Main-thread JS heap after everything is drawn', browser.mainHeapMB, 'MB', {});
for (const [index, [work]] of loads[0].more.entries()) figure(`${work} (median)`, middle(loads.map((l) => l.more[index][1])), 'ms', {});

const machine = {
  cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGB: Math.round(totalmem() / 2 ** 30), node: process.version,
  chromium: browser.version, date: new Date().toISOString().slice(0, 10),
};
const totalSeconds = Math.round((performance.now() - started) / 1000);
await writeFile(join(root, 'bench', 'results.json'), `${JSON.stringify({ machine, rows, bigRows, totalSeconds, figures }, null, 2)}\n`);

const pad = (text, width) => String(text).padEnd(width);
console.log(`\n${pad('Work', 72)} ${pad('cx-elements', 14)} ${pad('baseline', 26)} ${pad('ratio', 8)} target`);
for (const f of figures) {
  const target = [f.target.max !== undefined ? `≤ ${f.target.max} ${f.unit}` : '', f.target.minRatio ? `≥ ${f.target.minRatio}×` : ''].filter(Boolean).join(', ');
  const baseline = f.baseline === undefined ? '' : `${f.baseline} (${f.baselineName.replace(/ time$/, '')})`;
  console.log(`${pad(f.work, 72)} ${pad(`${f.ours} ${f.unit}`, 14)} ${pad(baseline, 26)} ${pad(f.ratio ? `${f.ratio}×` : '', 8)} ${target ? `${target} ${f.met ? 'met' : 'NOT MET'}` : ''}`);
}
console.log(`\n${machine.cpu}, ${machine.cores} cores, ${machine.memoryGB} GiB; Node ${machine.node}; Chromium ${machine.chromium}. ` +
  `${totalSeconds} s in all; figures in bench/results.json.`);
