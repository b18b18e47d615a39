/**
 * Shared by the e2e check and the browser benchmark: builds a throwaway "intranet" folder with the
 * built dist/ in a nested sub-folder plus a generated CSV, serves it on 127.0.0.1, and opens it in
 * the system Chromium with a long-task recorder installed before any page script runs.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { cp, mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('..', import.meta.url));
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.csv': 'text/csv; charset=utf-8',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** A TypeScript module of src/, bundled for Node on the fly (the library bundle does not ship the samples). */
async function loadSource(path) {
  const { outputFiles } = await build({ entryPoints: [join(root, path)], bundle: true, platform: 'node', format: 'esm', write: false });
  return import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString('base64')}`);
}

/** The feedback sample generator. */
export const loadSampleGenerator = () => loadSource('src/sample/generate.ts');

/** The operational sample generator (applications, outages). */
export const loadOperationsGenerator = () => loadSource('src/sample/operations.ts');

export async function writeSampleCsv(path, options) {
  const { generateFeedbackCsv } = await loadSampleGenerator();
  const out = createWriteStream(path);
  for (const chunk of generateFeedbackCsv(options)) if (!out.write(chunk)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
  return (await stat(path)).size;
}

/** dist/ copied to <site>/intranet/reports/, with `page` as its index.html. */
export async function makeSite(page) {
  const site = await mkdtemp(join(tmpdir(), 'cx-site-'));
  const reports = join(site, 'intranet', 'reports');
  await mkdir(reports, { recursive: true });
  await cp(join(root, 'dist'), reports, { recursive: true });
  await writeFile(join(reports, 'index.html'), page);
  return { site, reports, remove: () => rm(site, { recursive: true, force: true }) };
}

/**
 * A static server for `directory`, mounted at `mount` (anything outside it is a 404, as on an
 * intranet where the files sit in a sub-folder); `headers(path)` adds response headers (CORS, CSP).
 */
export async function serve(directory, headers = () => ({}), mount = '/') {
  const server = createServer(async (request, response) => {
    const requested = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    if (!requested.startsWith(mount)) return response.writeHead(404).end('Not found');
    const path = normalize(`/${requested.slice(mount.length)}`).replace(/^(\.\.[/\\])+/, '');
    const file = join(directory, path.endsWith('/') ? `${path}index.html` : path);
    try {
      const info = await stat(file);
      if (!info.isFile()) throw new Error('not a file');
      response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Content-Length': info.size, ...headers(path) });
      createReadStream(file).pipe(response);
    } catch {
      response.writeHead(404).end('Not found');
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}

/**
 * The sample files a page with all three elements reads, written into `folder`: feedback.csv (8,000
 * rows), applications.csv, and council.json with one feedback KPI and one operational KPI.
 */
export async function writeCouncilSample(folder) {
  await writeSampleCsv(join(folder, 'feedback.csv'), { seed: 42, rows: 8_000 });
  const { generateApplicationsCsv } = await loadOperationsGenerator();
  await writeFile(join(folder, 'applications.csv'), generateApplicationsCsv({ seed: 42 }));
  await writeFile(
    join(folder, 'council.json'),
    JSON.stringify({
      council: { name: 'Customer Experience Council', cadence: 'monthly' },
      feedback: { url: 'feedback.csv' },
      kpis: [
        { id: 'nps', label: 'Net Promoter Score', unit: 'score', direction: 'higher-is-better', target: 30, tolerance: 5, owner: 'Chief Customer Officer', source: { metric: 'nps' } },
        { id: 'wait', label: 'Median wait', unit: 'min', direction: 'lower-is-better', target: 40, owner: 'Service Operations', source: { url: 'applications.csv', date: 'submitted', value: 'wait_minutes', aggregation: 'median' } },
      ],
    }),
  );
}

export async function openBrowser() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const context = await browser.newContext();
  await context.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longTasks.push(Math.round(entry.duration));
    }).observe({ type: 'longtask', buffered: true });
  });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('response', (response) => response.status() >= 400 && problems.push(`${response.status()} ${response.url()}`));
  return { browser, page, problems };
}

export const PAGE = (body) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Council report</title>
<script type="module" src="./cx-elements.js"></script></head>
<body><main>${body}</main></body></html>`;
