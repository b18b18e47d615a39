/**
 * The Chromium half of `npm run bench`: the built bundle, served from a sub-folder, loads the N-row
 * file in <nps-trend>, <journey-painpoints> and <council-scorecard> on one page. Long tasks are
 * recorded by a PerformanceObserver installed before any page script runs (see lib-harness.mjs).
 */
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PAGE, loadOperationsGenerator, makeSite, openBrowser, serve } from '../scripts/lib-harness.mjs';
import { STAGES } from './product.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

export async function browserFigures(csvPath) {
  const councilJson = JSON.parse(await readFile(join(root, 'demo/public/council.json'), 'utf8'));
  const site = await makeSite(
    PAGE(`<nps-trend src="feedback.csv" interval="month" target="40"></nps-trend>
<journey-painpoints src="feedback.csv" stages="${STAGES.join(',')}"></journey-painpoints>
<council-scorecard src="council.json"></council-scorecard>`),
  );
  await cp(csvPath, join(site.reports, 'feedback.csv'));
  await mkdir(join(site.reports, 'data'));
  const { generateApplicationsCsv, generateOutagesCsv } = await loadOperationsGenerator();
  await writeFile(join(site.reports, 'data/applications.csv'), generateApplicationsCsv({ seed: 42 }));
  await writeFile(join(site.reports, 'data/outages.csv'), generateOutagesCsv({ seed: 42 }));
  await writeFile(join(site.reports, 'council.json'), JSON.stringify({ ...councilJson, feedback: { url: 'feedback.csv' } }));
  const server = await serve(site.site);
  const { browser, page, problems } = await openBrowser();
  try {
    const more = [];
    await page.goto(`${server.origin}/intranet/reports/`);
    // From the moment the element has its src (it is in the page's HTML) to the first drawn point.
    const drawnAt = async (tag, selector) =>
      (await page.waitForFunction(
        ([tag, selector]) => document.querySelector(tag)?.shadowRoot?.querySelector(selector) && performance.now(),
        [tag, selector],
        { polling: 'raf', timeout: 120_000 },
      )).jsonValue();
    const firstPointAt = await drawnAt('nps-trend', '.point');
    // src is in the page's HTML, so it is set as soon as the module defines the element: the time runs from the module's request.
    const moduleStart = await page.evaluate(() => performance.getEntriesByType('resource').find((e) => e.name.endsWith('/cx-elements.js'))?.startTime ?? 0);
    more.push(['Chromium: <journey-painpoints> on the same file (one shared load), after navigation', await drawnAt('journey-painpoints', '[part=stage]')]);
    more.push(['Chromium: <council-scorecard> (feedback plus operational files), after navigation', await drawnAt('council-scorecard', '[part=row]')]);
    const clicked = await page.evaluate(() => performance.now());
    await page.locator('journey-painpoints [part=stage]').nth(2).click();
    await page.locator('journey-painpoints [part=verbatims] blockquote').first().waitFor({ timeout: 60_000 });
    more.push(['Chromium: click on a stage to its redacted verbatims on screen', (await page.evaluate(() => performance.now())) - clicked]);
    const longTasks = await page.evaluate(() => window.__longTasks);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    if (problems.length) throw new Error(`The benchmark page had problems: ${problems.join('; ')}`);
    return {
      version: browser.version(),
      firstChartMs: firstPointAt - moduleStart,
      longTasks,
      longestTaskMs: longTasks.length ? Math.max(...longTasks) : 0,
      mainHeapMB: usedSize / 1e6,
      more,
    };
  } finally {
    await browser.close();
    await server.close();
    await site.remove();
  }
}
