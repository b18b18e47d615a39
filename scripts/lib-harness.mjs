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
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.csv': 'text/csv', '.map': 'application/json', '.json': 'application/json' };

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

/** A static server for `directory`; `headers(path)` adds response headers (CORS, CSP) per file. */
export async function serve(directory, headers = () => ({})) {
  const server = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(directory, path.endsWith('/') ? `${path}index.html` : path);
    try {
      const info = await stat(file);
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
