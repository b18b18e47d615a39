import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
// `a11ySnapshot` (Chromium's accessibility tree, for test/a11y/screen-reader.test.ts) is not among wtr's default commands.
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { build } from 'esbuild';
import { closingLineReporter } from './scripts/wtr-closing-line.mjs';
import { testServerMiddleware } from './scripts/test-server.mjs';

/**
 * Packages published only as CommonJS (ajv, the schema test's validator) cannot be imported by the
 * browser as they are; each is bundled once into an ES module by esbuild and served under `url`.
 */
function commonJsBundles(bundles) {
  const built = new Map();
  return {
    name: 'commonjs-bundles',
    resolveImport: ({ source }) => bundles[source],
    async serve(context) {
      const entry = Object.keys(bundles).find((name) => bundles[name] === context.path);
      if (!entry) return undefined;
      if (!built.has(entry)) {
        const { outputFiles } = await build({ stdin: { contents: `export { default } from '${entry}';`, resolveDir: process.cwd() }, bundle: true, format: 'esm', write: false });
        built.set(entry, outputFiles[0].text);
      }
      return { body: built.get(entry), type: 'js' };
    },
  };
}

/**
 * What the framework examples (demo/frameworks) import but the browser cannot load as published:
 * React and ReactDOM ship only CommonJS, and Vue's full build expects a bundler to replace
 * `process.env.NODE_ENV` and its feature flags. esbuild bundles them once, in development mode, so
 * the frameworks' own warnings reach the test log. React, ReactDOM and the JSX runtime go into one
 * bundle (two copies of React break hooks); each specifier is a small module that re-exports its
 * part under the names Node sees. A bundler (Vite, in the gallery) does all this by itself.
 */
function frameworkBundles() {
  const define = {
    'process.env.NODE_ENV': '"development"',
    __VUE_OPTIONS_API__: 'true',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
  };
  const bundle = async (contents) =>
    (await build({ stdin: { contents, resolveDir: process.cwd() }, bundle: true, format: 'esm', write: false, define })).outputFiles[0].text;
  const react = { react: 'React', 'react-dom': 'ReactDOM', 'react-dom/client': 'ReactDOMClient', 'react/jsx-runtime': 'JsxRuntime' };
  const sources = new Map([
    ['/__bundles/react-all.js', () => bundle(Object.entries(react).map(([specifier, name]) => `export * as ${name} from '${specifier}';`).join('\n'))],
    ['/__bundles/vue-full.js', () => bundle(`export * from 'vue/dist/vue.esm-bundler.js';`)],
  ]);
  const urls = { 'vue/dist/vue.esm-bundler.js': '/__bundles/vue-full.js' };
  for (const [specifier, name] of Object.entries(react)) {
    const url = `/__bundles/${specifier.replaceAll('/', '--')}.js`;
    urls[specifier] = url;
    sources.set(url, async () => {
      // Read in a child process: loading React in this one patches the console wtr's terminal wraps.
      const script = `console.log(JSON.stringify(Object.keys(require(${JSON.stringify(specifier)}))))`;
      const names = JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })).filter((key) => key !== 'default');
      return `import { ${name} as m } from '/__bundles/react-all.js';\nexport default m.default;\nexport const { ${names.join(', ')} } = m;\n`;
    });
  }
  const built = new Map();
  return {
    name: 'framework-bundles',
    resolveImport: ({ source }) => urls[source],
    async serve(context) {
      const source = sources.get(context.path);
      if (!source) return undefined;
      if (!built.has(context.path)) built.set(context.path, source());
      return { body: await built.get(context.path), type: 'js' };
    },
  };
}

/**
 * Emulation the stock commands cannot ask of puppeteer: `emulateMedia` there only passes
 * `prefers-color-scheme`/`prefers-reduced-motion` (puppeteer refuses `forced-colors`), and
 * `setViewport` has no device pixel ratio, which browser zoom changes. The `cdp-emulate` command
 * sends them over a CDP session of its own per page (test/a11y/emulate.ts is its browser side):
 * `{ mediaFeatures: [{ name: 'forced-colors', value: 'active' }] }` replaces every feature it set
 * before, `{ deviceMetrics: { width, height, deviceScaleFactor } }` sizes the page.
 */
function cdpEmulation() {
  const sessions = new WeakMap();
  return {
    name: 'cdp-emulation',
    async executeCommand({ command, payload, session }) {
      if (command !== 'cdp-emulate') return undefined;
      if (session.browser.type !== 'puppeteer') throw new Error(`cdp-emulate needs Chromium through puppeteer, not ${session.browser.type}.`);
      const page = session.browser.getPage(session.id);
      if (!sessions.has(page)) sessions.set(page, page.createCDPSession());
      const cdp = await sessions.get(page);
      if (payload?.mediaFeatures) await cdp.send('Emulation.setEmulatedMedia', { features: payload.mediaFeatures });
      if (payload?.deviceMetrics) await cdp.send('Emulation.setDeviceMetricsOverride', { mobile: false, ...payload.deviceMetrics });
      return true;
    },
  };
}

/**
 * The JS heap as CDP reports it, for test/security/leaks.test.ts: the `cdp-heap` command forces
 * garbage collection (`{ gc: n }` rounds, default 2) and returns `Runtime.getHeapUsage`
 * (`{ usedSize, totalSize }` in bytes) of the page's main thread.
 */
function cdpHeap() {
  const sessions = new WeakMap();
  return {
    name: 'cdp-heap',
    async executeCommand({ command, payload, session }) {
      if (command !== 'cdp-heap') return undefined;
      if (session.browser.type !== 'puppeteer') throw new Error(`cdp-heap needs Chromium through puppeteer, not ${session.browser.type}.`);
      const page = session.browser.getPage(session.id);
      if (!sessions.has(page)) sessions.set(page, page.createCDPSession());
      const cdp = await sessions.get(page);
      for (let round = 0; round < (payload?.gc ?? 2); round++) await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize, totalSize } = await cdp.send('Runtime.getHeapUsage');
      return { usedSize, totalSize };
    },
  };
}

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  middleware: [testServerMiddleware()],
  // esbuild's transform API never reads tsconfig by itself; without it legacy decorators fail.
  plugins: [
    commonJsBundles({ 'ajv/dist/2020': '/__bundles/ajv-2020.js' }),
    frameworkBundles(),
    cdpEmulation(),
    cdpHeap(),
    a11ySnapshotPlugin(),
    // tsx: the React example; its JSX settings come from tsconfig ("jsx": "react-jsx").
    esbuildPlugin({ ts: true, tsx: true, target: 'es2022', tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
  ],
  concurrency: 1,
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
          '--disable-component-update', '--no-first-run'],
      },
    }),
  ],
  reporters: [defaultReporter(), closingLineReporter()],
  filterBrowserLogs: ({ args }) => !/^(Lit is in dev mode|Angular is running in development mode)/.test(String(args[0])),
  testFramework: { config: { timeout: 20000 } },
  coverageConfig: { include: ['src/**/*.ts'], report: true, reportDir: 'coverage' },
};
