/**
 * Size budget of the built library: what a page downloads before the first element renders, i.e. an
 * entry and every chunk it imports statically, each gzipped as a web server would send it. What is
 * loaded on demand (an element's drawing code, fetched with its data; a locale's catalogue) and the
 * worker are listed apart, each with the chunks it adds.
 * Fails (exit 1) when the all-in-one entry passes its budget.
 *
 *   node scripts/size-budget.mjs            (after `npm run build`)
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const DIST = join(import.meta.dirname, '..', 'dist');
/**
 * Gzip bytes per entry. The all-in-one entry's 45 kB holds because each element's drawing code (d3,
 * chart parts), the definition reader and non-English catalogues are loaded on demand, with the data.
 */
const BUDGETS = { 'cx-elements.js': 45_000 };

const manifest = JSON.parse(readFileSync(join(DIST, '.vite', 'manifest.json'), 'utf8'));
const byFile = new Map(Object.values(manifest).map((chunk) => [chunk.file, chunk]));
const chunkOf = (key) => manifest[key];
const gzipOf = (file) => gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length;

/** The entry's file and every file reached through static imports. */
function staticClosure(entryKey) {
  const seen = new Set();
  const visit = (key) => {
    const chunk = chunkOf(key);
    if (!chunk || seen.has(chunk.file)) return;
    seen.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit(entryKey);
  return [...seen];
}

/** Modules imported with `import()` from a closure, each with the files it adds to it (its own static closure, less what is loaded). */
function lazyChunks(files) {
  const loaded = new Set(files);
  const lazy = new Map();
  for (const file of files) {
    for (const key of byFile.get(file)?.dynamicImports ?? []) {
      const added = staticClosure(key).filter((f) => !loaded.has(f));
      if (added.length) lazy.set(chunkOf(key).file, added);
    }
  }
  return lazy;
}

const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
const rows = [];
let failed = false;
for (const [key, chunk] of Object.entries(manifest)) {
  if (!chunk.isEntry) continue;
  const files = staticClosure(key);
  const gzip = files.reduce((sum, file) => sum + gzipOf(file), 0);
  const raw = files.reduce((sum, file) => sum + readFileSync(join(DIST, file)).length, 0);
  const budget = BUDGETS[chunk.file];
  const over = budget !== undefined && gzip > budget;
  failed ||= over;
  const verdict = budget === undefined ? '' : over ? 'OVER' : `ok, ${kB(budget - gzip)} to spare`;
  rows.push({ entry: chunk.file, files: files.length, raw: kB(raw), gzip: kB(gzip), limit: budget ? kB(budget) : '', verdict });
  if (chunk.file === 'cx-elements.js') {
    for (const [lazy, added] of lazyChunks(files)) {
      const sum = (measure) => added.reduce((total, file) => total + measure(file), 0);
      rows.push({ entry: `  on demand: ${lazy}`, files: added.length, raw: kB(sum((f) => readFileSync(join(DIST, f)).length)), gzip: kB(sum(gzipOf)), limit: '', verdict: '' });
    }
  }
}
for (const file of Object.values(manifest).flatMap((chunk) => chunk.assets ?? []).filter((f) => f.endsWith('.js'))) {
  rows.push({ entry: `worker: ${file}`, files: 1, raw: kB(readFileSync(join(DIST, file)).length), gzip: kB(gzipOf(file)), limit: '', verdict: '' });
}
for (const entry of Object.keys(BUDGETS)) {
  if (!rows.some((row) => row.entry === entry)) {
    rows.push({ entry, files: 0, raw: '', gzip: '', limit: kB(BUDGETS[entry]), verdict: 'MISSING' });
    failed = true;
  }
}
console.table(rows);
if (failed) {
  console.error(`size budget failed: ${rows.filter((r) => r.verdict === 'OVER' || r.verdict === 'MISSING').map((r) => (r.verdict === 'MISSING' ? `${r.entry} is not an entry of the build` : `${r.entry} ${r.gzip} > ${r.limit}`)).join(', ')}`);
  process.exit(1);
}
