/**
 * End-to-end check of the built library as an intranet author uses it: dist/ hosted in a sub-folder,
 * one <script type="module"> tag, a CSV URL. Catches what web-test-runner cannot see: the Vite output,
 * the worker chunk's URL, decorators in the bundle, axe on the real page.
 */
import { createRequire } from 'node:module';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PAGE, loadOperationsGenerator, makeSite, openBrowser, serve, writeSampleCsv } from './lib-harness.mjs';

/** Four KPIs, one of each kind of source, and one broken on purpose. */
const COUNCIL = {
  council: { name: 'Customer Experience Council', cadence: 'monthly', asOf: '2025-07-15' },
  feedback: { url: '../feedback.csv' },
  kpis: [
    { id: 'nps', label: 'Net Promoter Score', unit: 'score', direction: 'higher-is-better', target: 40, tolerance: 8, owner: 'Chief Customer Officer', lastReviewed: '2025-07-01', source: { metric: 'nps' } },
    { id: 'wait-p90', label: 'Wait time, 90th percentile', unit: 'min', direction: 'lower-is-better', target: 40, tolerance: '10%', owner: 'Director, Service Operations', lastReviewed: '2025-05-01', source: { url: 'applications.csv', date: 'submitted', value: 'wait_minutes', aggregation: 'p90' } },
    { id: 'accepted', label: 'Applications accepted', unit: '%', direction: 'higher-is-better', target: 81, tolerance: 3, owner: 'Head of Eligibility', lastReviewed: '2025-07-01', source: { url: 'applications.csv', date: 'submitted', numerator: 'accepted', denominator: 'submitted_count', aggregation: 'rate' } },
    { id: 'complaints', label: 'Complaints answered in time', unit: '%', direction: 'higher-is-better', target: 90, owner: 'Head of Complaints', lastReviewed: '2025-07-01', source: { series: [{ date: '2025-05-31', value: 88.6 }, { date: '2025-06-30', value: 91.2 }] } },
    { id: 'broken', label: 'Call handling time', unit: 'minutes', direction: 'lower-is-better', target: 5, owner: 'Contact Centre Manager', source: { series: [] } },
  ],
};

const failures = [];
const check = (ok, message) => {
  console.log(`${ok ? '✓' : '✗'} ${message}`);
  if (!ok) failures.push(message);
};

const site = await makeSite(
  PAGE(`<h1>NPS</h1>
  <nps-trend id="monthly" src="feedback.csv" interval="month" target="40" min-n="5"></nps-trend>
  <div lang="ar" dir="rtl"><nps-trend id="arabic" src="feedback.csv" interval="quarter"></nps-trend></div>
  <nps-trend id="missing" src="nowhere.csv"></nps-trend>
  <h2>Journey</h2>
  <journey-painpoints id="journey" src="feedback.csv" stages="Discover,Apply,Wait,Decision,Support"></journey-painpoints>
  <h2>Council</h2>
  <council-scorecard id="council" src="council/scorecard.json"></council-scorecard>`),
);
await writeSampleCsv(join(site.reports, 'feedback.csv'), { seed: 42, rows: 20_000 });
// The definition sits in a sub-folder and names its files relative to itself, as a council's would.
const { generateApplicationsCsv } = await loadOperationsGenerator();
await mkdir(join(site.reports, 'council'));
await writeFile(join(site.reports, 'council', 'applications.csv'), generateApplicationsCsv({ seed: 42 }));
await writeFile(join(site.reports, 'council', 'scorecard.json'), JSON.stringify(COUNCIL));
await writeFile(join(site.reports, 'print.html'), PAGE('<council-scorecard src="council/scorecard.json"></council-scorecard>'));
const server = await serve(site.site);
const { browser, page, problems } = await openBrowser();
try {
  await page.goto(`${server.origin}/intranet/reports/`);
  await page.locator('#monthly .point').first().waitFor({ timeout: 20_000 });
  await page.locator('#arabic .point').first().waitFor({ timeout: 20_000 });
  await page.locator('#missing [part=status].error').waitFor({ timeout: 20_000 });
  const monthly = await page.locator('#monthly .point').count();
  check(monthly >= 24, `monthly chart drew ${monthly} points from the CSV`);
  const summary = await page.locator('#monthly [part=summary]').textContent();
  check(/^Latest NPS -?\d+/.test(summary ?? ''), `summary reads "${summary?.slice(0, 60)}…"`);
  const badge = await page.locator('#monthly [part=quality-badge]').textContent();
  check(/rows skipped · [\d,]+ duplicates/.test(badge ?? ''), `quality badge reads "${badge?.trim()}"`);
  const arabicDir = await page.locator('#arabic [part=base]').getAttribute('dir');
  check(arabicDir === 'rtl', 'the Arabic chart is right to left');
  const missing = await page.locator('#missing [part=status].error').textContent();
  check(/not found/.test(missing ?? ''), `a missing file says "${missing?.trim()}"`);

  await page.locator('#journey [part=stage]').first().waitFor({ timeout: 20_000 });
  const stageNames = await page.locator('#journey [part=stage] .name').allTextContents();
  check(stageNames.join(',') === 'Discover,Apply,Wait,Decision,Support', `journey stages in order: ${stageNames.join(', ')}`);
  await page.locator('#journey [part=stage]').nth(2).click();
  await page.locator('#journey [part=verbatims] blockquote').first().waitFor({ timeout: 20_000 });
  const verbatims = (await page.locator('#journey [part=verbatims]').textContent()) ?? '';
  check(!/@|\+\d{2} ?\d/.test(verbatims), 'verbatims reach the page redacted (no e-mail address or phone number)');

  await page.locator('#council [part=row]').first().waitFor({ timeout: 20_000 });
  const councilRows = await page.locator('#council [part=row]').count();
  check(councilRows === COUNCIL.kpis.length, `the scorecard shows ${councilRows} KPI rows`);
  const pills = await page.locator('#council [part=status-pill]').allTextContents();
  check(pills.filter((p) => /On track|At risk|Off track/.test(p)).length === 4, `four KPIs have a status: ${pills.map((p) => p.trim()).join(' | ')}`);
  check(/Definition error/.test(pills[4] ?? ''), 'the broken KPI has its own error row');

  const unexpected = problems.filter((p) => !p.includes('nowhere.csv'));
  check(unexpected.length === 0, `no page errors or failed requests${unexpected.length ? `: ${unexpected.join('; ')}` : ''}`);

  await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
  const violations = await page.evaluate(async () => (await window.axe.run(document)).violations.map((v) => `${v.id}: ${v.help}`));
  check(violations.length === 0, `axe: ${violations.length ? violations.join('; ') : 'no violations'}`);
  const longTasks = await page.evaluate(() => window.__longTasks);
  console.log(`  main-thread long tasks (ms): ${longTasks.length ? longTasks.join(', ') : 'none'}`);

  // The meeting pack: the scorecard alone, printed by Chromium's own PDF writer.
  await page.goto(`${server.origin}/intranet/reports/print.html`);
  await page.locator('council-scorecard [part=row]').first().waitFor({ timeout: 20_000 });
  const pdfPath = join(tmpdir(), 'cx-council-scorecard.pdf');
  const pdf = (await page.pdf({ path: pdfPath, preferCSSPageSize: true, printBackground: true })).toString('latin1');
  const pages = pdf.match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
  const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf);
  const landscapeA4 = box !== null && Math.abs(Number(box[1]) - 841.89) < 1 && Math.abs(Number(box[2]) - 595.28) < 1;
  check(landscapeA4, `the scorecard prints on A4 landscape (${box ? `${box[1]} × ${box[2]} pt` : 'no page box'})`);
  check(pages === 1, `the five-KPI council prints on ${pages} page(s), all rows expanded (${pdfPath})`);
} finally {
  await browser.close();
  await server.close();
  await site.remove();
}
if (failures.length) {
  console.error(`e2e: ${failures.length} check(s) failed`);
  process.exit(1);
}
console.log('e2e: all checks passed');
