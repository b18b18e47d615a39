/**
 * Imports every JavaScript entry of the built package in Node, as a server-rendering framework
 * (Next.js, Nuxt, Angular SSR) does when a page module imports `cx-elements`. The elements render on
 * the client; on the server, importing them must simply not throw.
 *
 *   npm run build && node scripts/ssr-import.mjs            # the package's entries, through its own "exports"
 *   node scripts/ssr-import.mjs path/to/bundle.js …         # given files instead
 *
 * The entries are imported by the package's name (Node resolves a package's own name from inside it),
 * so Node picks the file its conditions select: if `exports` gains a "node" condition, that is
 * what is checked. Prints one line per entry, the source frame that threw (source maps on), and
 * `ssr-import: N passed, N failed` last; exits 1 if any entry throws.
 */
import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

process.setSourceMapsEnabled(true);
const root = fileURLToPath(new URL('..', import.meta.url));

function packageEntries() {
  const { name, exports } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  return Object.keys(exports)
    .filter((key) => key === '.' || key.endsWith('.js'))
    .map((key) => name + key.slice(1));
}

/** The first frame of the stack that is ours or a dependency's, relative to the repository. */
function origin(error) {
  const frames = String(error?.stack ?? '').split('\n').slice(1);
  const frame = frames.find((line) => !line.includes('node:internal')) ?? frames[0] ?? '';
  return frame.trim().replace(/^at /, '').replace(/file:\/\//, '').replaceAll(root, '');
}

const files = process.argv.slice(2);
const entries = files.length ? files.map((file) => pathToFileURL(file).href) : packageEntries();
if (!files.length && !existsSync(fileURLToPath(import.meta.resolve(entries[0])))) {
  console.error(`ssr-import: ${relative(process.cwd(), fileURLToPath(import.meta.resolve(entries[0])))} is missing; run npm run build first.`);
  process.exit(1);
}

let passed = 0;
let failed = 0;
for (const entry of entries) {
  const label = entry.startsWith('file:') ? relative(process.cwd(), fileURLToPath(entry)) : entry;
  try {
    await import(entry);
    passed++;
    console.log(`ok    ${label}`);
  } catch (error) {
    failed++;
    console.log(`FAIL  ${label}: ${error?.name ?? 'Error'}: ${error?.message ?? error}\n        at ${origin(error)}`);
  }
}
if (failed) {
  console.log(
    '\nThe elements must render on the client only, but importing them in Node must not throw. A browser-only\n' +
      "global used while a module loads (HTMLElement, document, customElements) needs a guard, or Lit's Node build.",
  );
}
console.log(`ssr-import: ${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
