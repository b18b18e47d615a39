/**
 * End-to-end check of the built demo gallery (`dist-demo/`, from `vite build`), served from a
 * sub-folder as an intranet would host it. For every page: no console error, page error or failed
 * request (except the files the error-state variants ask for on purpose), every element settles
 * (none left loading), error states only where the page shows them on purpose, every variant shows
 * its tag, the shared navigation, no axe violation, and nothing scrolls sideways at 320 px. Then the interactions: the dashboard's
 * cross-filter, the attribute panel, the copy button and the generated-rows variant.
 *
 *   node scripts/e2e-gallery.mjs            # checks the existing dist-demo/
 *   node scripts/e2e-gallery.mjs --build    # runs the manifest and `vite build` first
 *   GALLERY_ROWS=1000000 node scripts/e2e-gallery.mjs   # the "1M rows" button at full size (default 100,000)
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from './lib-harness.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist-demo');
/** The gallery is served from here, not from the origin's root: relative URLs must hold. */
const MOUNT = '/intranet/cx-gallery/';
/** Requests the error-state variants make on purpose ("a file that is not there"). */
const EXPECTED_MISSING = /\/(data\/)?missing[^/]*$/;
const SETTLE_TIMEOUT = 60_000;
const GENERATED_ROWS = Number(process.env.GALLERY_ROWS ?? 100_000);
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

const started = performance.now();
const failures = [];
const check = (ok, message) => {
  console.log(`${ok ? '✓' : '✗'} ${message}`);
  if (!ok) failures.push(message);
  return ok;
};
const seconds = (from) => `${((performance.now() - from) / 1000).toFixed(1)} s`;

if (process.argv.includes('--build')) {
  const buildStarted = performance.now();
  execFileSync('npx', ['cem', 'analyze', '--quiet'], { cwd: root, stdio: 'inherit' });
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  console.log(`built the gallery in ${seconds(buildStarted)}`);
}

async function htmlFiles(folder) {
  const pages = [];
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith('.html')) pages.push(relative(folder, join(entry.parentPath ?? entry.path, entry.name)).split(sep).join('/'));
  }
  return pages.sort((a, b) => (a === 'index.html' ? -1 : b === 'index.html' ? 1 : a.localeCompare(b)));
}



try {
  await stat(join(dist, 'index.html'));
} catch {
  console.error('dist-demo/index.html is missing: run `npm run build:demo` first, or pass --build.');
  process.exit(1);
}

const pages = await htmlFiles(dist);
const server = await serve(dist, () => ({}), MOUNT);
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });

/** Opens a page and records everything that went wrong on it. */
async function open(path, { width = 1280 } = {}) {
  const page = await context.newPage();
  await page.setViewportSize({ width, height: 900 });
  const problems = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    // Chromium logs a failed fetch as a console error; the error-state variants fetch missing files on purpose.
    if (/Failed to load resource/.test(message.text()) && EXPECTED_MISSING.test(new URL(message.location().url || 'http://x/').pathname)) return;
    problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400 && !EXPECTED_MISSING.test(new URL(response.url()).pathname)) problems.push(`HTTP ${response.status()} ${response.url()}`);
  });
  page.on('requestfailed', (request) => {
    // ERR_ABORTED is the engine cancelling a download it no longer needs (a missing column is known
    // from the header; a superseded src): by design, and whether it shows depends on timing.
    if (request.url().startsWith('blob:') || request.failure()?.errorText === 'net::ERR_ABORTED') return;
    problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`);
  });
  await page.goto(`${server.origin}${MOUNT}${path}`);
  return { page, problems };
}

/**
 * Waits for every cx element on the page to finish loading, then describes each: its state
 * (chart, empty, error, still loading), whether it sits in an "Empty and error states" section, and
 * whether the gallery printed its tag next to it.
 */
async function settle(page) {
  return page.evaluate(async (timeout) => {
    const elements = [...document.querySelectorAll('*')].filter((node) => node.localName.includes('-') && customElements.get(node.localName) && 'dataComplete' in node);
    const deadline = new Promise((resolve) => setTimeout(() => resolve('timeout'), timeout));
    const outcome = await Promise.race([Promise.all(elements.map((node) => node.dataComplete)).then(() => 'settled'), deadline]);
    // The gallery's own promise: tags are printed once the manifest is in.
    await new Promise((resolve) => setTimeout(resolve, 100));
    return {
      outcome,
      elements: elements.map((node) => {
        const shadow = node.shadowRoot;
        const base = shadow?.querySelector('[part~="base"]');
        const state = !base
          ? 'not rendered'
          : base.getAttribute('aria-busy') === 'true' || shadow.querySelector('.status.loading')
            ? 'loading'
            : shadow.querySelector('.status.error, [role="alert"]')
              ? 'error'
              : shadow.querySelector('.status.empty')
                ? 'empty'
                : 'rendered';
        const variant = node.closest('.variant, .card[data-snippet]');
        return {
          name: `${node.localName}${variant?.id ? `#${variant.id}` : node.id ? `#${node.id}` : ''}`,
          state,
          onPurpose: Boolean(node.closest('#states')) || node.hasAttribute('data-expect-error'),
          hasTag: !variant || !variant.querySelector('.stage') || Boolean(variant.querySelector('.code-block[data-snippet], .panel')),
          generated: Boolean(variant?.querySelector('[data-generate]')),
        };
      }),
    };
  }, SETTLE_TIMEOUT);
}

/** Elements that legitimately show "no data" before the page gives them any: the generated-rows variants and the empty states. */
const mayBeEmpty = (element) => element.onPurpose || element.generated;

for (const path of pages) {
  const pageStarted = performance.now();
  const { page, problems } = await open(path);
  const { outcome, elements } = await settle(page);
  const counts = elements.reduce((tally, element) => ({ ...tally, [element.state]: (tally[element.state] ?? 0) + 1 }), {});
  check(outcome === 'settled', `${path}: ${elements.length} elements settled (${Object.entries(counts).map(([state, n]) => `${n} ${state}`).join(', ') || 'none'}) in ${seconds(pageStarted)}`);
  for (const element of elements) {
    if (element.state === 'loading' || element.state === 'not rendered') check(false, `${path}: ${element.name} is ${element.state}`);
    if (element.state === 'error' && !element.onPurpose) check(false, `${path}: ${element.name} shows an error outside the error-state section`);
    if (element.state === 'empty' && !mayBeEmpty(element)) check(false, `${path}: ${element.name} shows no data`);
    if (!element.hasTag) check(false, `${path}: ${element.name} has no copyable tag`);
  }
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () =>
    (await window.axe.run(document, { resultTypes: ['violations'] })).violations.map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' >> ')).slice(0, 3).join(', ')}`),
  );
  check(violations.length === 0, `${path}: axe finds no violations${violations.length ? `:\n    ${violations.join('\n    ')}` : ''}`);
  const navigation = await page.locator('.site-nav a').count();
  check(navigation >= 5, `${path}: shared navigation with ${navigation} links`);
  check(problems.length === 0, `${path}: no console errors, page errors or failed requests${problems.length ? `:\n    ${problems.join('\n    ')}` : ''}`);
  await page.close();
}

// Readable at 320 px: no page scrolls sideways (code blocks and tables scroll inside themselves).
for (const path of pages) {
  const { page } = await open(path, { width: 320 });
  await settle(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  check(overflow <= 0, `${path} at 320 px: no sideways scrolling${overflow > 0 ? ` (${overflow} px too wide)` : ''}`);
  await page.close();
}

// The dashboard: a month filters the journey and moves the scorecard's review; a stage filters the trend; a KPI's customers filter both.
if (pages.includes('dashboard.html')) {
  const { page, problems } = await open('dashboard.html');
  await settle(page);
  await page.locator('#trend .point').nth(18).click();
  const month = await page.waitForFunction(() => document.querySelector('#journey').filter?.from, null, { timeout: 10_000 }).then((handle) => handle.jsonValue()).catch(() => null);
  const asOf = await page.locator('#scorecard').getAttribute('as-of');
  check(Boolean(month), `dashboard: a trend point filters the journey (from ${month})`);
  check(Boolean(asOf) && asOf > month, `dashboard: the scorecard reviews that month (as-of ${asOf})`);
  await settle(page);
  await page.locator('#journey [part~="stage"]').nth(2).click();
  const stage = await page.waitForFunction(() => document.querySelector('#trend').filter?.stage, null, { timeout: 10_000 }).then((handle) => handle.jsonValue()).catch(() => null);
  check(Array.isArray(stage) && stage.length > 0, `dashboard: a journey stage filters the trend (${JSON.stringify(stage)})`);
  await settle(page);
  await page.locator('#scorecard [part~="row"][data-id="csat-tax"] [part~="kpi"]').first().click();
  const segment = await page.waitForFunction(() => document.querySelector('#trend').filter?.segment, null, { timeout: 10_000 }).then((handle) => handle.jsonValue()).catch(() => null);
  const journeySegment = await page.evaluate(() => document.querySelector('#journey').filter?.segment ?? null);
  check(segment?.department?.includes('Tax') && journeySegment?.department?.includes('Tax'), `dashboard: opening a feedback KPI filters trend and journey to its customers (${JSON.stringify(segment)})`);
  const chips = await page.locator('#filter-chips .chip').count();
  check(chips === 3, `dashboard: the filter bar shows ${chips} filters`);
  await settle(page);
  await page.locator('#filter-clear').click();
  const cleared = await page.evaluate(() => [document.querySelector('#trend').filter, document.querySelector('#journey').filter, document.querySelector('#scorecard').getAttribute('as-of')]);
  check(cleared.every((value) => value === undefined || value === null), 'dashboard: Clear removes every filter and the review date');
  const { outcome, elements } = await settle(page);
  check(outcome === 'settled' && elements.every((element) => element.state === 'rendered'), 'dashboard: every element settles again after the filters');
  check(problems.length === 0, `dashboard interactions: no console errors${problems.length ? `:\n    ${problems.join('\n    ')}` : ''}`);
  await page.close();
}

// The attribute panel: a control edits the live element, the tag follows, and Copy copies it.
if (pages.includes('nps-trend.html')) {
  const { page, problems } = await open('nps-trend.html');
  await settle(page);
  const playground = page.locator('[data-playground]');
  await playground.getByLabel('interval', { exact: true }).selectOption('quarter');
  await playground.getByLabel('theme', { exact: true }).selectOption('high-contrast');
  await playground.getByLabel('show-ci', { exact: true }).uncheck();
  await playground.getByLabel('target', { exact: true }).fill('30');
  await playground.getByLabel('target', { exact: true }).press('Enter');
  const live = playground.locator('nps-trend');
  const attributes = await live.evaluate((node) => ({ interval: node.getAttribute('interval'), theme: node.getAttribute('theme'), showCi: node.getAttribute('show-ci'), target: node.getAttribute('target') }));
  check(attributes.interval === 'quarter' && attributes.theme === 'high-contrast' && attributes.showCi === 'false' && attributes.target === '30', `panel: controls set attributes ${JSON.stringify(attributes)}`);
  const code = (await playground.locator('.code-block code').textContent()) ?? '';
  check(code.includes('interval="quarter"') && code.includes('theme="high-contrast"') && code.includes('show-ci="false"') && code.includes('target="30"'), `panel: the tag shows the edits: ${code.replace(/\s+/g, ' ')}`);
  await playground.locator('.code-block .copy').click();
  const copied = await page.evaluate(() => navigator.clipboard.readText()).catch((error) => `(clipboard unreadable: ${error.message})`);
  check(copied === code, 'panel: Copy puts exactly that tag on the clipboard');
  const { elements } = await settle(page);
  check(elements.find((element) => element.name.startsWith('nps-trend') && element.state === 'rendered'), 'panel: the edited element renders');
  await playground.getByRole('button', { name: /Reset/ }).click();
  const reset = (await playground.locator('.code-block code').textContent()) ?? '';
  check(reset === '<nps-trend src="data/feedback.csv" interval="month" target="40"></nps-trend>', `panel: Reset restores the tag (${reset})`);

  // The generated-rows variant: nothing before the button, then a blob: URL in src and the times.
  const million = page.locator('#million');
  check((await million.locator('nps-trend').getAttribute('src')) === null, 'generated rows: nothing is generated on page load');
  await million.locator('select[name=rows]').selectOption(String(GENERATED_ROWS));
  const generationStarted = performance.now();
  await million.getByRole('button', { name: /Generate/ }).click();
  await million.locator('output').filter({ hasText: /parsed and counted in/ }).waitFor({ timeout: 180_000 });
  const src = await million.locator('nps-trend').getAttribute('src');
  const report = await million.locator('output').textContent();
  check(src?.startsWith('blob:'), `generated rows: ${GENERATED_ROWS.toLocaleString('en')} rows loaded from a blob: URL in ${seconds(generationStarted)} — “${report}”`);
  const { elements: after } = await settle(page);
  check(after.find((element) => element.name === 'nps-trend#million')?.state === 'rendered', 'generated rows: the element draws them');
  check(problems.length === 0, `nps-trend interactions: no console errors${problems.length ? `:\n    ${problems.join('\n    ')}` : ''}`);
  await page.close();
}

await browser.close();
await server.close();
console.log(`\n${pages.length} pages checked in ${seconds(started)}`);
if (failures.length) {
  console.log(`e2e-gallery: ${failures.length} failed:\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
console.log('e2e-gallery: all checks passed');
