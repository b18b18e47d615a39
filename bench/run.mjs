/**
 * `npm run bench`: prints the figures the foundation issue asks for. Data is generated here,
 * deterministically (seed 42), into bench/data/ (git-ignored).
 *   1. Core in Node: CSV → columnar table for N rows (streamed in 64 KiB chunks), NPS by month.
 *      The gallery's council scorecard (12 KPIs) over the same rows plus the operational sample.
 *   2. Chromium: the built bundle (npm run build first) loads and draws the same N-row file from a
 *      sub-folder in <nps-trend>, <journey-painpoints> and <council-scorecard>; time from navigation to
 *      first chart, a stage's details, the scorecard, and the main thread's long tasks meanwhile.
 * ROWS=200000 npm run bench for a quicker run; default 1,000,000.
 */
import { mkdir, stat } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { PAGE, loadOperationsGenerator, makeSite, openBrowser, serve, writeSampleCsv } from '../scripts/lib-harness.mjs';
import { cp, readFile, writeFile } from 'node:fs/promises';

const root = fileURLToPath(new URL('..', import.meta.url));
const rows = Number(process.env.ROWS ?? 1_000_000);
const dataDir = join(root, 'bench', 'data');
await mkdir(dataDir, { recursive: true });
const csvPath = join(dataDir, `feedback-${rows}.csv`);
const exists = await stat(csvPath).then(() => true, () => false);
if (!exists) {
  const started = performance.now();
  await writeSampleCsv(csvPath, { seed: 42, rows });
  console.log(`generated ${csvPath} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
const bytes = (await stat(csvPath)).size;
console.log(`data: ${rows.toLocaleString('en')} rows, ${(bytes / 1e6).toFixed(1)} MB`);

// 1. Core in Node.
const median = (work, runs = 7) => {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(runs / 2)];
};
const { outputFiles } = await build({ entryPoints: [join(root, 'src/core/index.ts')], bundle: true, platform: 'node', format: 'esm', write: false });
const core = await import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString('base64')}`);
const ingestOnce = async () => {
  const ingest = core.createCsvIngest({});
  for await (const chunk of createReadStream(csvPath, { highWaterMark: 64 * 1024 })) ingest.push(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
  return ingest.finish();
};
const heapBefore = (global.gc?.(), process.memoryUsage().heapUsed);
let t = performance.now();
const { table, quality } = await ingestOnce();
const ingestMs = performance.now() - t;
const typedBytes = table.day.byteLength + table.scores.nps.byteLength + table.scores.csat.byteLength + table.scores.ces.byteLength +
  (table.stage?.codes.byteLength ?? 0) + table.dimensions.reduce((sum, d) => sum + d.codes.byteLength, 0);
console.log(`core: CSV → table ${ingestMs.toFixed(0)} ms (${(bytes / 1e6 / (ingestMs / 1000)).toFixed(0)} MB/s); ` +
  `${quality.accepted.toLocaleString('en')} accepted, ${quality.duplicates.toLocaleString('en')} duplicates, ${quality.rejected.toLocaleString('en')} rejected`);
console.log(`core: typed columns ${(typedBytes / table.rowCount).toFixed(1)} bytes/accepted row (excluding comment text); heap growth ${((process.memoryUsage().heapUsed - heapBefore) / 1e6).toFixed(0)} MB`);
for (const [label, options] of [['NPS by month', { interval: 'month' }], ['NPS by month × department', { interval: 'month', dimension: 'department' }]]) {
  console.log(`core: ${label}: median ${median(() => core.npsSeries(core.aggregateNps(table, options), 5)).toFixed(1)} ms`);
}
const STAGES = ['Discover', 'Apply', 'Wait', 'Decision', 'Support'];
const journeyMs = median(() => core.journeyMeasures(core.aggregateStages(table), { metric: 'nps', minN: 5, stages: STAGES }));
console.log(`core: journey measures per stage (counts, intervals, ranking, tests): median ${journeyMs.toFixed(1)} ms`);
const journey = core.journeyMeasures(core.aggregateStages(table), { metric: 'nps', minN: 5, stages: STAGES });
const wait = journey.stages.find((s) => s.name === 'Wait');
let negative;
const detailMs = median(() => {
  negative = core.negativeFeedback(table, { metric: 'nps', values: wait.values });
  const scan = core.scanComments(negative.comments.map(core.redact));
  core.pickVerbatims(scan, core.extractThemes(scan), 5);
}, 3);
console.log(`core: stage details for "Wait" (${negative.comments.length.toLocaleString('en')} negative comments: select, redact, themes, verbatims): median ${detailMs.toFixed(0)} ms`);

const { generateApplicationsCsv, generateOutagesCsv } = await loadOperationsGenerator();
const operationalFiles = { 'data/applications.csv': generateApplicationsCsv({ seed: 42 }), 'data/outages.csv': generateOutagesCsv({ seed: 42 }) };
const operational = {};
for (const [name, text] of Object.entries(operationalFiles)) {
  const dateColumn = name.includes('applications') ? 'submitted' : 'date';
  const ingestMs = median(() => {
    const ingest = core.createOperationalCsvIngest(dateColumn);
    ingest.push(text);
    operational[name] = ingest.finish();
  }, 3);
  console.log(`core: operational ${name} (${operational[name].quality.totalRows.toLocaleString('en')} rows) → table: median ${ingestMs.toFixed(0)} ms`);
}
const councilJson = JSON.parse(await readFile(join(root, 'demo/public/council.json'), 'utf8'));
const council = core.readScorecardDefinition(councilJson, 'file:///bench/');
const kpis = council.kpis.filter((kpi) => kpi.valid);
const scorecardWindow = core.scorecardWindow(council.council.asOfDay, council.council.cadence, council.council.periods);
const scorecardSources = { feedback: () => table, operational: (kpi) => operational[kpi.source.url.replace('file:///bench/', '')] };
const scorecardMs = median(() => core.measureKpis(kpis, scorecardSources, scorecardWindow, council.council.asOfDay, 5));
console.log(`core: council scorecard, ${kpis.length} KPIs × ${council.council.periods} months (feedback, operational, inline): median ${scorecardMs.toFixed(1)} ms`);

// 2. Chromium, built bundle.
const site = await makeSite(
  PAGE(`<nps-trend src="feedback.csv" interval="month" target="40"></nps-trend>
<journey-painpoints src="feedback.csv" stages="${STAGES.join(',')}"></journey-painpoints>
<council-scorecard src="council.json"></council-scorecard>`),
);
await cp(csvPath, join(site.reports, 'feedback.csv'));
await mkdir(join(site.reports, 'data'));
for (const [name, text] of Object.entries(operationalFiles)) await writeFile(join(site.reports, name), text);
await writeFile(join(site.reports, 'council.json'), JSON.stringify({ ...councilJson, feedback: { url: 'feedback.csv' } }));
const server = await serve(site.site);
const { browser, page, problems } = await openBrowser();
try {
  t = performance.now();
  await page.goto(`${server.origin}/intranet/reports/`);
  await page.locator('nps-trend .point').first().waitFor({ timeout: 120_000 });
  const firstChartMs = performance.now() - t;
  const points = await page.locator('nps-trend .point').count();
  console.log(`chromium: ${rows.toLocaleString('en')} rows from src to first chart ${firstChartMs.toFixed(0)} ms (${points} periods drawn)`);
  await page.locator('journey-painpoints [part=stage]').first().waitFor({ timeout: 120_000 });
  console.log(`chromium: the same file in <journey-painpoints> (shared load) drawn ${(performance.now() - t).toFixed(0)} ms after navigation`);
  await page.locator('council-scorecard [part=row]').first().waitFor({ timeout: 120_000 });
  console.log(`chromium: <council-scorecard> (${kpis.length + 1} KPIs, same feedback file plus operational files) drawn ${(performance.now() - t).toFixed(0)} ms after navigation`);
  t = performance.now();
  await page.locator('journey-painpoints [part=stage]').nth(2).click();
  await page.locator('journey-painpoints [part=verbatims] blockquote').first().waitFor({ timeout: 60_000 });
  console.log(`chromium: click on a stage to redacted verbatims on screen ${(performance.now() - t).toFixed(0)} ms`);
  const longTasks = await page.evaluate(() => window.__longTasks);
  console.log(`chromium: main-thread long tasks: ${longTasks.length ? `${longTasks.join(', ')} ms (longest ${Math.max(...longTasks)} ms)` : 'none'}`);
  if (problems.length) console.log(`chromium problems: ${problems.join('; ')}`);
} finally {
  await browser.close();
  await server.close();
  await site.remove();
}
