import { readdirSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { csvRecord } from './src/sample/csv.ts';
import { SAMPLE_COLUMNS, generateFeedbackCsv, generateFeedbackRows } from './src/sample/generate.ts';
import { generateApplicationsCsv, generateOutagesCsv } from './src/sample/operations.ts';

/** Rows as `;`-separated CSV with CRLF line ends, the first columns renamed. */
function semicolonCsv(renamed: readonly string[], rows: Iterable<string[]>): string {
  const lines = [csvRecord(SAMPLE_COLUMNS.map((name, i) => renamed[i] ?? name), ';')];
  for (const row of rows) lines.push(csvRecord(row, ';'));
  return lines.join('\r\n') + '\r\n';
}

/**
 * Serves (dev) and emits (build) the generated sample files the gallery reads, so nothing sample-
 * shaped is committed and every gallery shows the same seeded data.
 */
function sampleData(): Plugin {
  const files: Record<string, () => string> = {
    'data/feedback.csv': () => [...generateFeedbackCsv({ seed: 42, rows: 40_000 })].join(''),
    // A spreadsheet export from a European locale: semicolons, CRLF, and the organisation's own column names.
    'data/feedback-semicolon.csv': () => semicolonCsv(['customer_email', 'submitted_at', 'likelihood_to_recommend'], generateFeedbackRows({ seed: 7, rows: 3_000 })),
    // Operational data for the council scorecard (demo/council.json): one row per application, one per outage incident.
    'data/applications.csv': () => generateApplicationsCsv({ seed: 42 }),
    'data/outages.csv': () => generateOutagesCsv({ seed: 42 }),
  };
  const cache = new Map<string, string>();
  const contents = (name: string) => {
    if (!cache.has(name)) cache.set(name, files[name]!());
    return cache.get(name)!;
  };
  return {
    name: 'cx-sample-data',
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const name = request.url?.split('?')[0]?.replace(/^\//, '') ?? '';
        if (!name.startsWith('data/')) return next();
        // The data folder belongs to this plugin: an unknown file is a real 404, not the SPA fallback page.
        if (!(name in files)) {
          response.statusCode = 404;
          return response.end('Not found');
        }
        response.setHeader('Content-Type', 'text/csv; charset=utf-8');
        response.end(contents(name));
      });
    },
    generateBundle() {
      for (const fileName of Object.keys(files)) this.emitFile({ type: 'asset', fileName, source: contents(fileName) });
    },
  };
}

const root = import.meta.dirname;

/** The gallery's HTML pages (demo/ and its sub-folders, not demo/public) as build inputs. */
function galleryPages(folder: string): Record<string, string> {
  const pages: Record<string, string> = {};
  for (const entry of readdirSync(folder, { recursive: true, encoding: 'utf8' })) {
    if (!entry.endsWith('.html') || entry.startsWith('public')) continue;
    pages[relative(folder, resolve(folder, entry)).replace(/\.html$/, '').replaceAll('\\', '/')] = resolve(folder, entry);
  }
  return pages;
}

/** The elements' entries: one module per element and the all-in-one bundle. */
const ELEMENT_ENTRIES = {
  'cx-elements': 'src/index.ts',
  'nps-trend': 'src/nps-trend/index.ts',
  'journey-painpoints': 'src/journey-painpoints/index.ts',
  'council-scorecard': 'src/council-scorecard/index.ts',
};

/**
 * Library builds. `lib` builds the elements for browsers; `lib-core` then adds `core.js` in a second
 * pass (built together, core's entry would pin every export of every core module into the chunks the
 * elements share, and the page would download the worker's code for nothing); `lib-node` builds the
 * elements again with Lit's Node export conditions into dist/node, so that importing the package in a
 * server-rendering framework does not throw (the elements still render only in the browser). `sql.js`
 * (`cx-elements/sql`, the aggregation SQL that the CLI in bin/ also uses) rides along with core.
 */
interface LibraryBuild {
  readonly entries: Record<string, string>;
  readonly outDir: string;
  readonly emptyOutDir: boolean;
  /** dist/.vite/manifest.json: the elements' chunk graph, which scripts/size-budget.mjs measures. */
  readonly manifest: boolean;
  readonly conditions?: string[];
}

function libraryBuild({ entries, outDir, emptyOutDir, manifest, conditions }: LibraryBuild) {
  return {
    // Relative base: the worker chunk is then found next to the bundle from any folder it is hosted in.
    base: './',
    worker: { format: 'es' as const },
    ...(conditions ? { resolve: { conditions } } : {}),
    build: {
      target: 'es2022',
      outDir,
      emptyOutDir,
      sourcemap: !conditions,
      manifest,
      // Vite leaves ES library output unminified by default; ours is loaded as-is by intranet pages.
      minify: true,
      rolldownOptions: { output: { minify: true } },
      lib: {
        entry: Object.fromEntries(Object.entries(entries).map(([name, path]) => [name, resolve(root, path)])),
        formats: ['es' as const],
      },
    },
  };
}

export default defineConfig(({ mode }) =>
  mode === 'lib'
    ? libraryBuild({ entries: ELEMENT_ENTRIES, outDir: 'dist', emptyOutDir: true, manifest: true })
    : mode === 'lib-core'
      ? libraryBuild({ entries: { core: 'src/core/index.ts', sql: 'src/sql/index.ts' }, outDir: 'dist', emptyOutDir: false, manifest: false })
    : mode === 'lib-node'
      ? libraryBuild({ entries: ELEMENT_ENTRIES, outDir: 'dist/node', emptyOutDir: false, manifest: false, conditions: ['node', 'module', 'development|production'] })
    : {
        root: 'demo',
        base: './',
        worker: { format: 'es' },
        plugins: [sampleData()],
        build: {
          target: 'es2022',
          outDir: resolve(root, 'dist-demo'),
          emptyOutDir: true,
          // Every page of the gallery, so a new page is one .html file away.
          rolldownOptions: { input: galleryPages(resolve(root, 'demo')) },
        },
      },
);
