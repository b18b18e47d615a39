/**
 * The published package, checked as its users get it (run after `npm run build`):
 *  1. `npm pack` lists what a user needs (entries, worker, maps, types, manifest, schema) and nothing
 *     else (no sources, tests, demo, sample-data types, build metadata).
 *  2. test/smoke/index.html loads only the unpacked tarball from a static server and renders all
 *     three elements.
 *  3. The same package hosted on another origin (a CDN) still works: the worker is reached through a
 *     blob: module shim.
 *  4. With a page CSP that forbids that (`worker-src 'self'`), the element says the worker could not be
 *     loaded and how to fix it, instead of spinning.
 */
import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openBrowser, serve, writeCouncilSample } from './lib-harness.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const failures = [];
const check = (ok, message) => {
  console.log(`${ok ? '✓' : '✗'} ${message}`);
  if (!ok) failures.push(message);
};

// 1. What `npm pack` ships.
const work = await mkdtemp(join(tmpdir(), 'cx-package-'));
const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }))[0];
const files = packed.files.map((file) => file.path);
const has = (pattern) => files.some((file) => pattern.test(file));
const required = {
  'the all-in-one entry': /^dist\/cx-elements\.js$/,
  'one module per element': /^dist\/council-scorecard\.js$/,
  'the DOM-free core': /^dist\/core\.js$/,
  'the worker as its own file': /^dist\/assets\/engine\.worker-[\w-]+\.js$/,
  'source maps': /^dist\/assets\/engine\.worker-[\w-]+\.js\.map$/,
  'type declarations': /^dist\/types\/index\.d\.ts$/,
  'the custom elements manifest': /^custom-elements\.json$/,
  "the scorecard's JSON Schema": /^schema\/council-scorecard\.schema\.json$/,
  'the licence': /^LICENSE$/,
};
for (const [what, pattern] of Object.entries(required)) check(has(pattern), `the package has ${what}`);
const forbidden = /^(src|test|demo|stories|bench|scripts|\.storybook|\.ci)\/|^dist\/(\.vite|types\/sample)\/|^dist-demo\/|\.test\.|^node_modules\//;
const extra = files.filter((file) => forbidden.test(file));
check(extra.length === 0, `nothing else: ${extra.length ? extra.slice(0, 5).join(', ') : 'no sources, tests, demo, sample types or build metadata'}`);
console.log(`  ${files.length} files, ${(packed.size / 1000).toFixed(0)} kB packed, ${(packed.unpackedSize / 1000).toFixed(0)} kB unpacked`);

// 2. The smoke page on the unpacked tarball.
const site = join(work, 'site');
await mkdir(join(site, 'node_modules'), { recursive: true });
execFileSync('tar', ['-xzf', join(work, packed.filename), '-C', join(site, 'node_modules')]);
await cp(join(site, 'node_modules', 'package'), join(site, 'node_modules', 'cx-elements'), { recursive: true });
await rm(join(site, 'node_modules', 'package'), { recursive: true });
await cp(join(root, 'test', 'smoke', 'index.html'), join(site, 'index.html'));
await writeCouncilSample(site);

// The packed .d.ts files, as a TypeScript user compiles against them. The consumer sits inside this
// checkout so that the elements' own dependencies (lit) resolve from its node_modules.
const consumer = join(root, 'node_modules', '.cache', 'cx-consumer');
await rm(consumer, { recursive: true, force: true });
await mkdir(join(consumer, 'node_modules'), { recursive: true });
await cp(join(site, 'node_modules', 'cx-elements'), join(consumer, 'node_modules', 'cx-elements'), { recursive: true });
await cp(join(root, 'test', 'types', 'consumer.ts'), join(consumer, 'consumer.ts'));
await writeFile(
  join(consumer, 'tsconfig.json'),
  JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'bundler', strict: true, noEmit: true, lib: ['ES2022', 'DOM', 'DOM.Iterable'], types: [], skipLibCheck: false }, files: ['consumer.ts'] }),
);
let typeErrors = '';
try {
  execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', consumer], { encoding: 'utf8', stdio: 'pipe' });
} catch (error) {
  typeErrors = `${error.stdout ?? ''}${error.stderr ?? ''}`.trim();
}
check(typeErrors === '', `a strict TypeScript consumer compiles against the packed .d.ts (typed querySelector, cx-* events)${typeErrors ? `:\n${typeErrors.split('\n').slice(0, 8).join('\n')}` : ''}`);

// What an app's bundler keeps of a side-effect import: `sideEffects` in package.json must not let it
// drop the chunks that register the elements (esbuild reads it as Vite, webpack and Angular do).
const { build } = await import('esbuild');
for (const [entry, tags] of [
  ['cx-elements', ['nps-trend', 'journey-painpoints', 'council-scorecard']],
  ['cx-elements/nps-trend.js', ['nps-trend']],
]) {
  const { outputFiles } = await build({ stdin: { contents: `import '${entry}';`, resolveDir: consumer }, bundle: true, format: 'esm', write: false, logLevel: 'silent' });
  const code = outputFiles[0].text;
  const defined = tags.filter((tag) => new RegExp(`customElements\\.define\\(\\s*["'\`]${tag}["'\`]`).test(code));
  check(defined.length === tags.length, `a bundler keeps \`import '${entry}'\`: it defines ${defined.length ? defined.join(', ') : 'nothing'}`);
}
await rm(consumer, { recursive: true, force: true });

const page1 = await serve(site);
// Another origin serving the same files, as a CDN would: module scripts need CORS.
const cdn = await serve(join(site, 'node_modules'), () => ({ 'Access-Control-Allow-Origin': '*' }));
const remotePage = (body) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>CDN</title>
<script type="module" src="${cdn.origin}/cx-elements/dist/cx-elements.js"></script></head><body><main>${body}</main></body></html>`;
await writeFile(join(site, 'from-cdn.html'), remotePage('<nps-trend id="trend" src="feedback.csv" interval="quarter"></nps-trend>'));
await writeFile(join(site, 'strict-csp.html'), remotePage('<nps-trend id="trend" src="feedback.csv" interval="quarter"></nps-trend>'));
const strict = await serve(site, (path) => (path.endsWith('strict-csp.html') ? { 'Content-Security-Policy': "worker-src 'self'" } : {}));

const { browser, page, problems } = await openBrowser();
try {
  await page.goto(`${page1.origin}/index.html`);
  await page.locator('#trend .point').first().waitFor({ timeout: 30_000 });
  await page.locator('#journey [part=stage]').first().waitFor({ timeout: 30_000 });
  await page.locator('#council [part=row]').first().waitFor({ timeout: 30_000 });
  check((await page.locator('#trend .point').count()) >= 8, `smoke page: nps-trend drew ${await page.locator('#trend .point').count()} quarters`);
  check((await page.locator('#journey [part=stage]').count()) === 5, 'smoke page: journey-painpoints drew 5 stages');
  const pills = (await page.locator('#council [part=status-pill]').allTextContents()).map((p) => p.trim());
  check(pills.length === 2 && pills.every((p) => /On track|At risk|Off track/.test(p)), `smoke page: council-scorecard assessed both KPIs (${pills.join(' | ')})`);
  check(problems.length === 0, `smoke page: no page errors or failed requests${problems.length ? `: ${problems.join('; ')}` : ''}`);

  problems.length = 0;
  await page.goto(`${page1.origin}/from-cdn.html`);
  await page.locator('#trend .point, #trend [part=status].error').first().waitFor({ timeout: 30_000 });
  const drawn = await page.locator('#trend .point').count();
  check(drawn >= 8, `elements served from another origin (${cdn.origin}) render ${drawn} quarters: the worker started through its blob: shim`);
  check(problems.length === 0, `cross-origin page: no page errors or failed requests${problems.length ? `: ${problems.join('; ')}` : ''}`);

  await page.goto(`${strict.origin}/strict-csp.html`);
  const alert = page.locator('#trend [part=status].error');
  await alert.waitFor({ timeout: 30_000 });
  const message = (await alert.textContent()) ?? '';
  check(/could not be loaded/.test(message) && /worker-src/.test(message), `with worker-src 'self' the element explains: "${message.trim().slice(0, 110)}…"`);
} finally {
  await browser.close();
  await Promise.all([page1.close(), cdn.close(), strict.close()]);
  await rm(work, { recursive: true, force: true });
}
if (failures.length) {
  console.error(`e2e-package: ${failures.length} check(s) failed`);
  process.exit(1);
}
console.log('e2e-package: all checks passed');
