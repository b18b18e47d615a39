/**
 * The warehouse path gives the numbers the browser gives (issue 10). In Node:
 *   1. golden SQL: aggregateSql for every dialect × interval × with/without a dimension equals the
 *      files in test/sql/golden/ (`--update-golden` rewrites them);
 *   2. equivalence: `cx-elements aggregate` (bin/, DuckDB) on generated sample data with duplicates and
 *      broken rows, and on a file of edge cases, gives exactly the counts and quality report of the
 *      browser engine (src/core) for every interval, without and with a dimension, and the same NPS
 *      series (score, interval, suppression, significance) once the counts are read back;
 *   3. hostile column names are quoted, run, and change nothing; exit codes; the packed package's CLI;
 *   4. <nps-trend> draws the same SVG and table from the rows and from the CLI's counts (built bundle).
 * PostgreSQL runs the same SQL when a server is reachable (PGHOST and psql; otherwise a visible SKIPPED
 * line); BigQuery and Snowflake are checked as text only (golden files).
 * Needs `npm run build` first (the CLI runs dist/sql.js). ROWS=… sets the sample size (default 30,000).
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, readdir, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { deepStrictEqual, strictEqual } from 'node:assert/strict';
import { build } from 'esbuild';
import { PAGE, makeSite, openBrowser, serve, writeSampleCsv } from './lib-harness.mjs';
import { loadIntoPostgres, postgresAvailable, queryPostgres } from './lib-postgres.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const run = promisify(execFile);
const started = performance.now();
const failures = [];
let checks = 0;

async function loadSource(path) {
  const { outputFiles } = await build({ entryPoints: [join(root, path)], bundle: true, platform: 'node', format: 'esm', write: false });
  return import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString('base64')}`);
}

function check(name, test) {
  checks++;
  try {
    test();
  } catch (error) {
    failures.push(`${name}: ${error.message.split('\n').slice(0, 12).join('\n')}`);
  }
}

const core = await loadSource('src/core/index.ts');
const { default: Ajv2020 } = await import('ajv/dist/2020.js');
const validateCounts = new Ajv2020({ allErrors: true }).compile(JSON.parse(await readFile(join(root, 'schema/counts.schema.json'), 'utf8')));
const sql = await loadSource('src/sql/index.ts');
const golden = await loadSource('test/sql/golden-cases.ts');

// 1. Golden SQL.
const update = process.argv.includes('--update-golden');
for (const { file, options } of golden.GOLDEN_CASES) {
  const path = join(root, 'test/sql/golden', file);
  const text = golden.goldenText(sql.aggregateSql(options));
  if (update) {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
  } else {
    const expected = await readFile(path, 'utf8').catch(() => '(missing)');
    check(`golden ${file}`, () => strictEqual(text, expected, `differs from test/sql/golden/${file}; run node scripts/e2e-sql.mjs --update-golden if the change is meant`));
  }
}
console.log(`golden SQL: ${golden.GOLDEN_CASES.length} files ${update ? 'written' : 'compared'}`);

// DuckDB's parser descends from PostgreSQL's: every PostgreSQL and DuckDB statement must at least parse.
{
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const connection = await (await DuckDBInstance.create(':memory:')).connect();
  let parsed = 0;
  for (const { file, options } of golden.GOLDEN_CASES.filter((c) => c.options.dialect === 'postgres' || c.options.dialect === 'duckdb')) {
    for (const [name, statement] of Object.entries(sql.aggregateSql(options))) {
      const result = await connection.runAndReadAll('SELECT json_serialize_sql(CAST($1 AS VARCHAR)) AS tree', [statement.sql]);
      const tree = JSON.parse(result.getRowObjectsJS()[0].tree);
      check(`${file} ${name} parses`, () => strictEqual(tree.error, false, tree.error_message));
      parsed++;
    }
  }
  connection.closeSync();
  console.log(`PostgreSQL and DuckDB SQL: ${parsed} statements parse (DuckDB's PostgreSQL-derived parser)`);
}

// 2. Equivalence: CLI (DuckDB) against the browser engine.
const work = await mkdtemp(join(tmpdir(), 'cx-sql-'));
const rows = Number(process.env.ROWS ?? 30_000);
const INTERVALS_FOR_CHARTS = ['week', 'month', 'quarter'];
const sampleCsv = join(work, 'sample.csv');
await writeSampleCsv(sampleCsv, { seed: 11, rows });

const edgeRows = [
  'respondent,date,nps,csat,ces,department',
  'Anna@x.org,2024-03-05,9,5,7,Tax',
  ' anna@X.org ,2024-03-05T10:00:00+01:00,3,,,Tax',
  'anna@x.org,2024-03-06,7.0,,, Tax ',
  'bob@x.org,2024/03/07 9:05,+8,,,',
  'bob@x.org,2024. 03. 08.,10,,,Permits',
  'carl,08.03.2024,-0,,,Permits',
  'dora,03/04/2024,5,,,Permits',
  'dora,31/02/2024,5,,,Permits',
  'dora,13/25/2024,5,,,Permits',
  'dora,03-04-24,5,,,Permits',
  ',2024-03-09,6,,,Benefits',
  ',2024-03-09,6,,,Benefits',
  'eve,2024-03-10T25:00,6,,,Benefits',
  'eve,2024-3-1,6,,,Benefits',
  'eve,2024-02-29,N/A,4,,Benefits',
  'eve,2023-02-29,6,,,Benefits',
  'fay,2024-03-11,n/a,-,,Tax',
  'fay,2024-03-12,1e1,,,Tax',
  'fay,2024-03-13,.0,,,Tax',
  'fay,2024-03-14,011,,,Tax',
  'fay,2024-03-15,10.,,,Tax',
  'gus,2024-03-16,7,6,,Tax',
  'gus,2024-03-17,7,4.5,,Tax',
  'gus,2024-03-18,x,9,,Tax',
  'gus,1899-12-31,7,,,Tax',
  'gus,2024-12-30,7,,3,Tax',
  'gus,2021-01-03,7,,2,Tax',
  'hal,2024-03-18T10:00:00.123Z,9,,,Licensing',
  'hal,2024-03-19 23:59:60,9,,,Licensing',
  'hal,2024-03-20T10:00+2400,9,,,Licensing',
  'hal,2024-03-21T10:00+0230,9,,8,Licensing',
  'ÄNNA@x.org,2024-03-22,4,,,Licensing',
  'änna@x.org,2024-03-22,10,,,Licensing',
  'ivy,2024-03-23,7',
  '"quoted, comma",2024-03-24,8,3,5,"Licensing"',
  'jo,2024-06-30,8,3,5,Licensing',
  'jo,2024-07-01,8,3,5,Licensing',
];
const edgeCsv = join(work, 'edge.csv');
await writeFile(edgeCsv, `${edgeRows.join('\r\n')}\r\n`);
const semicolonCsv = join(work, 'semicolon.csv');
await writeFile(semicolonCsv, 'respondent;date;nps;csat;ces;department\nkim;2024-01-02;7,0;4;5;Tax\nkim;2024-01-03;7,5;4;5;Tax\nlee;2024-01-03;9;4,0;5;Tax\nlee;2024-01-03;1;1;1;Tax\n');

async function cli(file, args) {
  const { stdout } = await run(process.execPath, [join(root, 'bin/cx-elements.mjs'), 'aggregate', file, '--quiet', ...args], { maxBuffer: 1 << 28 });
  return JSON.parse(stdout);
}

async function engineIngest(file) {
  const ingest = core.createCsvIngest({});
  ingest.push(new Uint8Array(await readFile(file)));
  return ingest.finish();
}

/** CSAT and CES histograms per period (and group) straight from the engine's table. */
function otherHistograms(table, interval, dimension) {
  const column = dimension === null ? null : table.dimensions.find((d) => d.name === dimension);
  const result = new Map();
  for (let row = 0; row < table.rowCount; row++) {
    const key = `${core.periodKey(core.periodStartDay(table.day[row], interval), interval)}|${column ? column.dictionary[column.codes[row]] : ''}`;
    if (!result.has(key)) result.set(key, { csat: [0, 0, 0, 0, 0], ces: [0, 0, 0, 0, 0, 0, 0] });
    const entry = result.get(key);
    if (table.scores.csat[row] > 0) entry.csat[table.scores.csat[row] - 1]++;
    if (table.scores.ces[row] > 0) entry.ces[table.scores.ces[row] - 1]++;
  }
  return result;
}

const buckets = (partial) =>
  [...partial.buckets.values()]
    .filter((bucket) => bucket.histogram.some((n) => n > 0))
    .map((bucket) => ({ period: core.periodKey(bucket.periodStart, partial.interval), group: bucket.group, histogram: [...bucket.histogram] }))
    .sort((a, b) => (a.period + a.group < b.period + b.group ? -1 : 1));

const reasonsOf = (reasons) => reasons.map(({ reason, field, count }) => `${reason}${field ? `/${field}` : ''}=${count}`).sort();

async function compare(name, file, interval, dimension) {
  const args = ['--interval', interval, ...(dimension ? ['--by', dimension] : [])];
  const t = performance.now();
  const document = await cli(file, args);
  const cliMs = performance.now() - t;
  const { table, quality } = await engineIngest(file);
  const label = `${name} ${interval}${dimension ? ` by ${dimension}` : ''}`;
  check(`${label}: the CLI's document is valid against schema/counts.schema.json`, () => strictEqual(validateCounts(document), true, JSON.stringify(validateCounts.errors)));
  check(`${label}: quality`, () => {
    const q = document.quality;
    deepStrictEqual(
      { totalRows: q.totalRows, accepted: q.accepted, duplicates: q.duplicates, rejected: q.rejected, withoutRespondent: q.withoutRespondent, reasons: reasonsOf(q.reasons) },
      { totalRows: quality.totalRows, accepted: quality.accepted, duplicates: quality.duplicates, rejected: quality.rejected, withoutRespondent: quality.withoutRespondent, reasons: reasonsOf(quality.reasons) },
    );
  });
  const engine = core.aggregateNps(table, { interval, dimension });
  const fromCounts = core.partialFromCounts(document, interval, dimension);
  check(`${label}: NPS histograms`, () => deepStrictEqual(buckets(fromCounts), buckets(engine)));
  check(`${label}: CSAT and CES histograms`, () => {
    const expected = otherHistograms(table, interval, dimension);
    const actual = new Map(document.periods.map((p) => [`${p.period}|${p.group ?? ''}`, { csat: p.csat, ces: p.ces }]));
    deepStrictEqual(actual, expected);
  });
  // The numbers drawn: the series the element renders (score, interval, suppression at min-n 5, significance).
  check(`${label}: NPS series`, () => {
    const drop = (series) => JSON.parse(JSON.stringify(series, (key, value) => (value instanceof Float64Array ? [...value] : value)));
    const nonEmpty = (partial) => ({ ...partial, buckets: new Map([...partial.buckets].filter(([, b]) => b.histogram.some((n) => n > 0))) });
    deepStrictEqual(drop(core.npsSeries(nonEmpty(fromCounts), 5)), drop(core.npsSeries(engine, 5)));
  });
  return cliMs;
}

for (const interval of core.INTERVALS) {
  for (const dimension of [null, 'department']) {
    const ms = await compare('sample', sampleCsv, interval, dimension);
    console.log(`equivalence sample (${rows.toLocaleString('en')} rows) ${interval}${dimension ? ' by department' : ''}: CLI ${ms.toFixed(0)} ms`);
    await compare('edge cases', edgeCsv, interval, dimension);
  }
}
await compare('semicolon file (decimal comma)', semicolonCsv, 'month', null);
console.log('equivalence: edge cases and a semicolon file compared for every interval');

// The two separate statements (for warehouses that run them apart) give what the combined one gives.
{
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const connection = await (await DuckDBInstance.create(':memory:')).connect();
  await connection.run(`CREATE TABLE feedback AS SELECT * FROM read_csv($1, header = true, all_varchar = true, ignore_errors = true)`, [edgeCsv]);
  const rowsOf = async ({ sql: text, params }) => (await connection.runAndReadAll(text, params.map((p) => p.value))).getRowObjectsJS();
  for (const interval of core.INTERVALS) {
    const statements = sql.aggregateSql({ dialect: 'duckdb', table: 'feedback', fields: { date: 'date', respondent: 'respondent', nps: 'nps', csat: 'csat', ces: 'ces' }, rowOrder: 'rowid', interval, dimension: 'department', from: '2024-03-01' });
    const parts = sql.splitCombinedRows(await rowsOf(statements.combined));
    const options = { interval, dimension: 'department' };
    const apart = sql.countsDocument(await rowsOf(statements.counts), sql.qualityFromRows(await rowsOf(statements.quality)), options);
    const together = sql.countsDocument(parts.counts, sql.qualityFromRows(parts.quality), options);
    check(`counts and quality apart = combined (${interval}, from a bound date)`, () => deepStrictEqual(apart, together));
    check(`the bound date range keeps whole periods from March 2024 (${interval})`, () => {
      const first = core.parsePeriod(apart.periods[0].period, interval);
      strictEqual(first, core.periodStartDay(core.parsePeriod('2024-03-01', 'day'), interval));
    });
  }
  connection.closeSync();
}

// 3. A hostile column name is quoted, runs, and counts like any other.
{
  const hostile = 'nps"); DROP TABLE cx_rows; --';
  const file = join(work, 'hostile.csv');
  await writeFile(file, `date,"${hostile.replaceAll('"', '""')}"\n2024-01-02,9\n2024-01-03,3\n`);
  const document = await cli(file, ['--fields', `nps:${hostile}`, '--interval', 'year']);
  check('hostile column name', () => deepStrictEqual(document.periods.map((p) => [p.period, p.histogram[9], p.histogram[3]]), [['2024', 1, 1]]));
}

// A typed Parquet file: a zoned timestamp gives its UTC day (23:30 UTC on 31 March is March), a DOUBLE 5.5 is not whole, NULL is missing.
{
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const connection = await (await DuckDBInstance.create(':memory:')).connect();
  const file = join(work, 'typed.parquet');
  await connection.run(
    `COPY (SELECT TIMESTAMPTZ '2024-03-31 23:30:00+00' + INTERVAL (i) HOUR AS date, CAST(i AS DOUBLE) + CASE WHEN i = 5 THEN 0.5 ELSE 0 END AS nps FROM range(6) t(i)
      UNION ALL SELECT NULL, 7) TO '${file}' (FORMAT parquet)`,
  );
  connection.closeSync();
  const document = await cli(file, ['--interval', 'month']);
  check('typed Parquet: UTC days, whole numbers, NULL dates', () => {
    deepStrictEqual(document.periods.map((p) => [p.period, p.histogram.join('')]), [['2024-03', '10000000000'], ['2024-04', '01111000000']]);
    deepStrictEqual(reasonsOf(document.quality.reasons), ['missing-date=1', 'score-not-integer/nps=1']);
  });
}

// 4. Exit codes and messages.
for (const [args, code, message] of [
  [['aggregate', join(work, 'nope.csv')], 1, /File not found/],
  [['aggregate', sampleCsv, '--by', 'region'], 1, /Column "region" \(--by\) is not in the data/],
  [['aggregate', sampleCsv, '--fields', 'nps:likelihood'], 1, /Column "likelihood" \(mapped to nps\)/],
  [['aggregate', sampleCsv, '--interval', 'fortnight'], 2, /--interval must be/],
  [['aggregate', join(work, 'data.xlsx')], 2, /Cannot tell the format/],
  [['summarise', sampleCsv], 2, /Unknown command/],
]) {
  const outcome = await run(process.execPath, [join(root, 'bin/cx-elements.mjs'), ...args]).then(() => ({ code: 0, stderr: '' }), (error) => error);
  check(`exit code of ${args.slice(0, 1).concat(args.slice(2)).join(' ')}`, () => {
    strictEqual(outcome.code, code);
    if (!message.test(outcome.stderr)) throw new Error(`stderr was: ${outcome.stderr}`);
  });
}

// 5. The CLI as a user gets it: from the packed package, with and without the optional DuckDB dependency.
{
  const site = join(work, 'site');
  await mkdir(join(site, 'node_modules'), { recursive: true });
  const [packed] = JSON.parse((await run('npm', ['pack', '--json', '--pack-destination', work], { cwd: root, maxBuffer: 1 << 26 })).stdout);
  await run('tar', ['-xzf', join(work, packed.filename), '-C', join(site, 'node_modules')]);
  await rename(join(site, 'node_modules', 'package'), join(site, 'node_modules', 'cx-elements'));
  const bin = join(site, 'node_modules', 'cx-elements', 'bin', 'cx-elements.mjs');
  const withoutDuckDb = await run(process.execPath, [bin, 'aggregate', edgeCsv], { cwd: site }).then(() => ({ code: 0, stderr: '' }), (error) => error);
  check('packed CLI without @duckdb/node-api says how to install it', () => {
    strictEqual(withoutDuckDb.code, 3);
    if (!/npm install @duckdb\/node-api/.test(withoutDuckDb.stderr)) throw new Error(`stderr was: ${withoutDuckDb.stderr}`);
  });
  await mkdir(join(site, 'node_modules', '@duckdb'), { recursive: true });
  for (const name of ['node-api', 'node-bindings', ...(await readdir(join(root, 'node_modules', '@duckdb'))).filter((n) => n.startsWith('node-bindings-'))]) {
    await symlink(join(root, 'node_modules', '@duckdb', name), join(site, 'node_modules', '@duckdb', name), 'dir').catch(() => {});
  }
  const { stdout } = await run(process.execPath, [bin, 'aggregate', edgeCsv, '--interval', 'quarter', '--quiet'], { cwd: site });
  const fromCheckout = await cli(edgeCsv, ['--interval', 'quarter']);
  check('packed CLI counts like the checkout', () => deepStrictEqual(JSON.parse(stdout), fromCheckout));
  check('packed package ships the counts schema', () => deepStrictEqual(packed.files.filter((f) => /^schema\/counts|^bin\/|^dist\/sql\.js$/.test(f.path)).length, 3));
}

// 5b. The charts drawn: <nps-trend> from the rows (src) and from the CLI's counts draw the same SVG and table (built bundle).
{
  const site = await makeSite(PAGE(INTERVALS_FOR_CHARTS.map((interval) => `<nps-trend id="rows-${interval}" src="feedback.csv" interval="${interval}"></nps-trend><nps-trend id="counts-${interval}" interval="${interval}"></nps-trend>`).join('')));
  await cp(sampleCsv, join(site.reports, 'feedback.csv'));
  const server = await serve(site.site);
  const { browser, page, problems } = await openBrowser();
  try {
    await page.goto(`${server.origin}/intranet/reports/`);
    for (const interval of INTERVALS_FOR_CHARTS) {
      const { periods } = await cli(sampleCsv, ['--interval', interval]);
      await page.evaluate(([id, counts]) => (document.getElementById(id).counts = counts), [`counts-${interval}`, periods]);
      const drawn = [];
      for (const id of [`rows-${interval}`, `counts-${interval}`]) {
        await page.evaluate((id) => document.getElementById(id).dataComplete, id);
        await page.locator(`#${id} [part="table-toggle"]`).click();
        await page.locator(`#${id} [part="table"]`).waitFor();
        drawn.push(await page.evaluate((id) => {
          const root = document.getElementById(id).shadowRoot;
          return { table: root.querySelector('[part="table"]').innerText, chart: root.querySelector('svg')?.outerHTML.replace(/id="[^"]*"/g, '') };
        }, id));
      }
      check(`<nps-trend interval="${interval}"> from rows and from counts draws the same chart and table`, () => deepStrictEqual(drawn[1], drawn[0]));
    }
    check('chart pages: no page error or failed request', () => deepStrictEqual(problems, []));
  } finally {
    await browser.close();
    await server.close();
    await site.remove();
  }
}

// 6. PostgreSQL, when a server is reachable (PGHOST and psql): the same counts as DuckDB's, run there.
const postgres = await postgresAvailable();
if (postgres.ok) {
  for (const [name, file] of [['edge cases', edgeCsv], ['sample', sampleCsv]]) {
    const delimiter = sql.csvDelimiter(new Uint8Array(await readFile(file)).subarray(0, 65_536));
    const columns = await loadIntoPostgres(file, work, sql, delimiter);
    for (const interval of core.INTERVALS) {
      for (const dimension of [null, 'department']) {
        const resolved = sql.resolveFieldColumns(columns, null, dimension);
        const statements = sql.aggregateSql({ dialect: 'postgres', table: 'cx_feedback', fields: resolved.fields, rowOrder: 'cx_load_id', interval, dimension: resolved.dimension });
        const parts = sql.splitCombinedRows(await queryPostgres(statements.combined, core));
        const expected = await cli(file, ['--interval', interval, ...(dimension ? ['--by', dimension] : [])]);
        const columnCount = expected.quality.reasons.filter((r) => r.reason === 'column-count');
        const actual = sql.countsDocument(parts.counts, sql.qualityFromRows(parts.quality, columnCount), { interval, dimension: resolved.dimension });
        check(`PostgreSQL ${name} ${interval}${dimension ? ' by department' : ''}: counts`, () => deepStrictEqual(actual.periods, expected.periods));
        check(`PostgreSQL ${name} ${interval}${dimension ? ' by department' : ''}: quality`, () =>
          deepStrictEqual({ ...actual.quality, reasons: reasonsOf(actual.quality.reasons) }, { ...expected.quality, reasons: reasonsOf(expected.quality.reasons) }),
        );
      }
    }
    // The two statements apart, with a bound date range.
    const bounded = sql.aggregateSql({ dialect: 'postgres', table: 'cx_feedback', fields: sql.resolveFieldColumns(columns, null, null).fields, rowOrder: 'cx_load_id', interval: 'week', from: '2024-03-01', to: '2024-12-31' });
    const apart = await queryPostgres(bounded.counts, core);
    const together = sql.splitCombinedRows(await queryPostgres(bounded.combined, core)).counts;
    check(`PostgreSQL ${name}: counts statement with bound dates = combined`, () => deepStrictEqual(apart.map((r) => r.cx_period_key), together.map((r) => r.cx_period_key)));
    await queryPostgres(bounded.quality, core);
  }
  console.log('PostgreSQL: the generated SQL ran on the server and matched DuckDB for every interval, with and without a dimension');
} else {
  console.log(`PostgreSQL: SKIPPED executing the generated SQL (${postgres.why}; set PGHOST etc. to run it); its text is checked against the golden files. BigQuery and Snowflake: text only.`);
}
await rm(work, { recursive: true, force: true });
for (const failure of failures) console.error(`FAIL ${failure}`);
console.log(`e2e-sql: ${checks - failures.length} passed, ${failures.length} failed in ${((performance.now() - started) / 1000).toFixed(1)} s`);
process.exitCode = failures.length ? 1 : 0;
