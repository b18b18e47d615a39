/**
 * The built library under the strictest CSP a careful intranet uses (issue 8, part 2), run after
 * `npm run build`:
 *   Content-Security-Policy: default-src 'self'; script-src 'self'; worker-src 'self'; style-src 'self';
 *                            require-trusted-types-for 'script'
 * on every response. One page renders all three elements and walks their interactive states — a
 * trend point focused and hovered (tooltip), the data tables, a journey stage opened and hovered, the
 * scorecard's details expanded and quality reports opened — while an init script records every
 * `securitypolicyviolation` event and the console is watched for CSP and Trusted Types errors.
 * Passes with zero violations and all three elements rendered.
 */
import { mkdtemp, rm, writeFile, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openBrowser, serve, writeCouncilSample } from './lib-harness.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
export const STRICT_CSP = "default-src 'self'; script-src 'self'; worker-src 'self'; style-src 'self'; require-trusted-types-for 'script'";

const started = performance.now();
const failures = [];
const check = (ok, message) => {
  console.log(`${ok ? '✓' : '✗'} ${message}`);
  if (!ok) failures.push(message);
};

const site = await mkdtemp(join(tmpdir(), 'cx-csp-'));
await cp(join(root, 'dist'), join(site, 'dist'), { recursive: true });
await writeCouncilSample(site);
// No inline script or style on the page itself: anything reported comes from the library.
await writeFile(
  join(site, 'index.html'),
  `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Strict CSP</title>
<script type="module" src="./dist/cx-elements.js"></script></head>
<body><main>
  <nps-trend id="trend" src="feedback.csv" interval="quarter" target="30"></nps-trend>
  <journey-painpoints id="journey" src="feedback.csv" stages="Discover,Apply,Wait,Decision,Support"></journey-painpoints>
  <council-scorecard id="council" src="council.json" as-of="2025-07-15"></council-scorecard>
</main></body></html>`,
);

// The same page under a Trusted Types allow-list without the elements' policy name: the worker cannot
// start, and the element must say that this is the cause (not worker-src).
const FORBIDDING_CSP = `${STRICT_CSP}; trusted-types lit-html`;
await writeFile(
  join(site, 'tt-forbidden.html'),
  `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Trusted Types without cx-elements</title>
<script type="module" src="./dist/cx-elements.js"></script></head>
<body><main><nps-trend id="trend" src="feedback.csv"></nps-trend></main></body></html>`,
);
const server = await serve(site, (path) => ({ 'Content-Security-Policy': path === '/tt-forbidden.html' ? FORBIDDING_CSP : STRICT_CSP }));
const { browser, page, problems } = await openBrowser();
const cspConsole = [];
page.on('console', (message) => {
  const text = message.text();
  if (/Content Security Policy|Content-Security-Policy|Trusted ?Type|TrustedScript|TrustedHTML/i.test(text)) cspConsole.push(`[${message.type()}] ${text}`);
});
await page.context().addInitScript(() => {
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.__cspViolations.push({
      violatedDirective: event.violatedDirective,
      blockedURI: event.blockedURI,
      sample: event.sample,
      sourceFile: event.sourceFile,
      lineNumber: event.lineNumber,
      columnNumber: event.columnNumber,
    });
  });
});

/** Violation events and console reports are queued tasks: let them arrive before reading them. */
const settle = () => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 100))));

try {
  await page.goto(`${server.origin}/index.html`);
  const trend = page.locator('#trend');
  const journey = page.locator('#journey');
  const council = page.locator('#council');
  const firstOf = (host, selector) => host.locator(`${selector}, [part=status].error`).first().waitFor({ timeout: 30_000 });
  await Promise.all([firstOf(trend, '.point'), firstOf(journey, '[part=stage]'), firstOf(council, '[part=row]')]);

  const errors = await page.locator('[part=status].error').allTextContents();
  check(errors.length === 0, `no element shows an error${errors.length ? `: ${errors.map((e) => e.trim()).join(' | ')}` : ''}`);

  // nps-trend: focus a point (keyboard path), hover another (pointer path); the tooltip must sit where the point is.
  const points = trend.locator('.point');
  const pointCount = await points.count();
  check(pointCount >= 8, `nps-trend drew ${pointCount} quarters`);
  if (pointCount) {
    await points.first().focus();
    await trend.locator('[part=tooltip]').waitFor({ timeout: 5_000 });
    await points.nth(Math.min(3, pointCount - 1)).hover();
    const placed = await trend.locator('[part=tooltip]').evaluate((tip) => ({ left: getComputedStyle(tip).left, top: getComputedStyle(tip).top, at: getComputedStyle(tip).getPropertyValue('--_cx-tip-at').trim() }));
    check(placed.left !== 'auto' && placed.left !== '0px' && placed.at !== '', `nps-trend tooltip shows, placed at left ${placed.left}, top ${placed.top} (--_cx-tip-at ${placed.at || 'unset'})`);
    await trend.locator('[part=table-toggle]').click();
    await trend.locator('[part=table]').waitFor({ timeout: 5_000 });
    check(true, 'nps-trend table shown');
  }

  // journey-painpoints: hover a stage (tooltip), open one (drill-down), show the table.
  const stages = journey.locator('[part=stage]:not(.suppressed)');
  const stageCount = await journey.locator('[part=stage]').count();
  check(stageCount === 5, `journey-painpoints drew ${stageCount} stages`);
  if (await stages.count()) {
    await stages.nth(1).hover();
    const tip = journey.locator('[part=tooltip]');
    await tip.waitFor({ timeout: 5_000 });
    const placed = await tip.evaluate((node) => ({ left: getComputedStyle(node).left, at: getComputedStyle(node).getPropertyValue('--_cx-tip-at').trim() }));
    check(placed.left !== 'auto' && placed.at !== '', `journey-painpoints tooltip shows, placed at left ${placed.left} (--_cx-tip-at ${placed.at || 'unset'})`);
    const columns = await journey.locator('[part=stages]').evaluate((node) => getComputedStyle(node).gridTemplateColumns.split(' ').length);
    check(columns === stageCount, `journey-painpoints lays its ${stageCount} stages out in ${columns} grid columns`);
    await stages.first().click();
    await journey.locator('[part=drilldown]').waitFor({ timeout: 10_000 });
    await journey.locator('[part=themes], [part=verbatims]').first().waitFor({ timeout: 10_000 });
    check(true, 'journey-painpoints stage opened with its themes and comments');
    await journey.locator('[part=table-toggle]').click();
    await journey.locator('[part=table]').waitFor({ timeout: 5_000 });
    check(true, 'journey-painpoints table shown');
  }

  // council-scorecard: every KPI's details expanded, with its quality report; the frame's badge opened.
  const pills = (await council.locator('[part=status-pill]').allTextContents()).map((p) => p.trim());
  check(pills.length === 2 && pills.every((p) => /On track|At risk|Off track/.test(p)), `council-scorecard assessed both KPIs (${pills.join(' | ')})`);
  // One at a time: each click re-renders the list a locator list would index into.
  for (let closed = council.locator('[part=kpi][aria-expanded=false]'); await closed.count(); ) await closed.first().click();
  const open = await council.locator('.details:not([hidden])').count();
  check(open === pills.length, `council-scorecard details expanded for ${open} KPIs`);
  const reports = await council.locator('.details:not([hidden]) [part=quality-report]').count();
  check(reports >= 1, `council-scorecard shows ${reports} quality report(s) in its details`);
  for (let closed = page.locator('[part=quality-badge][aria-expanded=false]'); await closed.count(); ) await closed.first().click();
  const badgeReports = await page.locator('#quality-report').count();
  check(badgeReports >= 1, `${badgeReports} quality report(s) opened from the badges`);

  // The elements' styles are constructed sheets (adoptedStyleSheets), which style-src does not govern.
  const sheets = await page.evaluate(() =>
    ['trend', 'journey', 'council'].map((id) => {
      const shadow = document.getElementById(id).shadowRoot;
      return { id, adopted: shadow.adoptedStyleSheets.length, styleElements: shadow.querySelectorAll('style').length };
    }),
  );
  check(sheets.every((s) => s.adopted > 0 && s.styleElements === 0), `styles are adopted sheets, no <style> elements (${sheets.map((s) => `${s.id}: ${s.adopted} adopted, ${s.styleElements} <style>`).join('; ')})`);

  await settle();
  const violations = await page.evaluate(() => window.__cspViolations);
  for (const v of violations) {
    console.log(`  violation: ${v.violatedDirective} blocked ${v.blockedURI || '(none)'} at ${v.sourceFile || '?'}:${v.lineNumber}:${v.columnNumber}${v.sample ? ` sample "${v.sample}"` : ''}`);
  }
  check(violations.length === 0, `${violations.length} securitypolicyviolation event(s) under ${STRICT_CSP}`);
  for (const line of cspConsole) console.log(`  console: ${line}`);
  check(cspConsole.length === 0, `${cspConsole.length} CSP / Trusted Types console error(s)`);
  check(problems.length === 0, `no page errors or failed requests${problems.length ? `: ${problems.join('; ')}` : ''}`);

  const blocked = await browser.newPage();
  await blocked.goto(`${server.origin}/tt-forbidden.html`);
  const status = blocked.locator('#trend [part=status].error');
  await status.waitFor({ timeout: 15_000 });
  const text = (await status.textContent()).trim();
  check(/Trusted Types/.test(text) && /cx-elements/.test(text) && !/worker-src/.test(text), `under "trusted-types lit-html" alone the trend explains the Trusted Types cause: "${text}"`);
  await blocked.close();
} catch (error) {
  check(false, `walk-through stopped: ${error.message.split('\n')[0]}`);
  const violations = await page.evaluate(() => window.__cspViolations).catch(() => []);
  for (const v of violations) console.log(`  violation: ${v.violatedDirective} blocked ${v.blockedURI || '(none)'} at ${v.sourceFile || '?'}:${v.lineNumber}:${v.columnNumber}${v.sample ? ` sample "${v.sample}"` : ''}`);
  for (const line of cspConsole) console.log(`  console: ${line}`);
} finally {
  await browser.close();
  await server.close();
  await rm(site, { recursive: true, force: true });
}
console.log(`  ${((performance.now() - started) / 1000).toFixed(1)} s`);
if (failures.length) {
  console.error(`e2e-csp: ${failures.length} check(s) failed`);
  process.exit(1);
}
console.log('e2e-csp: all checks passed');
