/**
 * End-to-end check of the built library as an intranet author uses it: dist/ hosted in a sub-folder,
 * one <script type="module"> tag, a CSV URL. Catches what web-test-runner cannot see: the Vite output,
 * the worker chunk's URL, decorators in the bundle, axe on the real page.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { PAGE, makeSite, openBrowser, serve, writeSampleCsv } from './lib-harness.mjs';

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
  <journey-painpoints id="journey" src="feedback.csv" stages="Discover,Apply,Wait,Decision,Support"></journey-painpoints>`),
);
await writeSampleCsv(join(site.reports, 'feedback.csv'), { seed: 42, rows: 20_000 });
const server = await serve(site.site);
const { browser, page, problems } = await openBrowser();
try {
  await page.goto(`${server.origin}/intranet/reports/`);
  await page.locator('#monthly .point').first().waitFor({ timeout: 20_000 });
  await page.locator('#arabic .point').first().waitFor({ timeout: 20_000 });
  await page.locator('#missing [role=alert]').waitFor({ timeout: 20_000 });
  const monthly = await page.locator('#monthly .point').count();
  check(monthly >= 24, `monthly chart drew ${monthly} points from the CSV`);
  const summary = await page.locator('#monthly [part=summary]').textContent();
  check(/^Latest NPS -?\d+/.test(summary ?? ''), `summary reads "${summary?.slice(0, 60)}…"`);
  const badge = await page.locator('#monthly [part=quality-badge]').textContent();
  check(/rows skipped · [\d,]+ duplicates/.test(badge ?? ''), `quality badge reads "${badge?.trim()}"`);
  const arabicDir = await page.locator('#arabic [part=base]').getAttribute('dir');
  check(arabicDir === 'rtl', 'the Arabic chart is right to left');
  const missing = await page.locator('#missing [role=alert]').textContent();
  check(/not found/.test(missing ?? ''), `a missing file says "${missing?.trim()}"`);

  await page.locator('#journey [part=stage]').first().waitFor({ timeout: 20_000 });
  const stageNames = await page.locator('#journey [part=stage] .name').allTextContents();
  check(stageNames.join(',') === 'Discover,Apply,Wait,Decision,Support', `journey stages in order: ${stageNames.join(', ')}`);
  await page.locator('#journey [part=stage]').nth(2).click();
  await page.locator('#journey [part=verbatims] blockquote').first().waitFor({ timeout: 20_000 });
  const verbatims = (await page.locator('#journey [part=verbatims]').textContent()) ?? '';
  check(!/@|\+\d{2} ?\d/.test(verbatims), 'verbatims reach the page redacted (no e-mail address or phone number)');

  const unexpected = problems.filter((p) => !p.includes('nowhere.csv'));
  check(unexpected.length === 0, `no page errors or failed requests${unexpected.length ? `: ${unexpected.join('; ')}` : ''}`);

  await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
  const violations = await page.evaluate(async () => (await window.axe.run(document)).violations.map((v) => `${v.id}: ${v.help}`));
  check(violations.length === 0, `axe: ${violations.length ? violations.join('; ') : 'no violations'}`);
  const longTasks = await page.evaluate(() => window.__longTasks);
  console.log(`  main-thread long tasks (ms): ${longTasks.length ? longTasks.join(', ') : 'none'}`);
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
