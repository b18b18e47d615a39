import { fileURLToPath } from 'node:url';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
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

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  middleware: [testServerMiddleware()],
  // esbuild's transform API never reads tsconfig by itself; without it legacy decorators fail.
  plugins: [
    commonJsBundles({ 'ajv/dist/2020': '/__bundles/ajv-2020.js' }),
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
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
  filterBrowserLogs: ({ args }) => !String(args[0]).startsWith('Lit is in dev mode'),
  testFramework: { config: { timeout: 20000 } },
  coverageConfig: { include: ['src/**/*.ts'], report: true, reportDir: 'coverage' },
};
