#!/usr/bin/env node
/**
 * cx-elements aggregate <data.csv|data.parquet> [options] > counts.json
 *
 * Counts feedback rows into the counts format the elements read (schema/counts.schema.json) with the
 * SQL of `cx-elements/sql`, run by DuckDB embedded in this process (`@duckdb/node-api`; no server).
 * Same periods, same duplicate rule, same rejected rows as the elements reading the file themselves.
 *
 * Exit codes: 0 done; 1 the data cannot be counted (file missing or unreadable, a column missing or of
 * an unusable type, no rows); 2 wrong usage; 3 @duckdb/node-api is not installed.
 */
import { existsSync, statSync } from 'node:fs';
import { open, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const USAGE = `Usage: cx-elements aggregate <file.csv|file.parquet> [options] > counts.json

Options:
  --interval <day|week|month|quarter|year>  period of each entry (default: month; weeks are ISO, Monday first)
  --by <column>                             split every period by this column (e.g. department)
  --fields <mapping>                        your column names, as the elements' fields attribute:
                                            date:submitted_at,nps:likelihood_to_recommend,respondent:email
  --from <YYYY-MM-DD>, --to <YYYY-MM-DD>    only the periods containing and between these days
  --out <file>                              write the counts there instead of to standard output
  --print-sql                               print the SQL DuckDB runs and exit
  --quiet                                   no progress or summary on standard error
  -h, --help                                this text`;

const EXIT = { ok: 0, data: 1, usage: 2, dependency: 3 };

class CliError extends Error {
  constructor(message, code) {
    super(message);
    this.code = code;
  }
}

function parseCommandLine(argv) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        interval: { type: 'string', default: 'month' },
        by: { type: 'string' },
        fields: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        out: { type: 'string' },
        'print-sql': { type: 'boolean', default: false },
        quiet: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new CliError(`${error.message}\n\n${USAGE}`, EXIT.usage);
  }
  const { values, positionals } = parsed;
  if (values.help) return { help: true };
  const [command, file, ...extra] = positionals;
  if (command !== 'aggregate') throw new CliError(`${command ? `Unknown command "${command}".` : 'No command given.'}\n\n${USAGE}`, EXIT.usage);
  if (!file || extra.length > 0) throw new CliError(`aggregate needs exactly one input file.\n\n${USAGE}`, EXIT.usage);
  if (!['day', 'week', 'month', 'quarter', 'year'].includes(values.interval)) {
    throw new CliError(`--interval must be day, week, month, quarter or year, not "${values.interval}".`, EXIT.usage);
  }
  for (const name of ['from', 'to']) {
    if (values[name] !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values[name])) throw new CliError(`--${name} must be a date as YYYY-MM-DD, not "${values[name]}".`, EXIT.usage);
  }
  const extension = extname(file).toLowerCase();
  const format = extension === '.parquet' ? 'parquet' : ['.csv', '.tsv', '.txt'].includes(extension) ? 'csv' : null;
  if (!format) throw new CliError(`Cannot tell the format of "${file}": name it .csv (also .tsv, .txt) or .parquet.`, EXIT.usage);
  return { ...values, file: resolve(file), format, printSql: values['print-sql'] };
}

async function loadDuckDb() {
  try {
    return await import('@duckdb/node-api');
  } catch {
    throw new CliError(
      'The aggregate command runs DuckDB, which is not installed here (an optional dependency of cx-elements).\n' +
        'Install it next to cx-elements, then run the command again:\n\n  npm install @duckdb/node-api\n',
      EXIT.dependency,
    );
  }
}

async function loadSql() {
  try {
    return await import(new URL('../dist/sql.js', import.meta.url).href);
  } catch {
    throw new CliError('dist/sql.js is missing: in a checkout of cx-elements, run `npm run build` first.', EXIT.dependency);
  }
}

/** Column types the date and score columns may have; anything else (BOOLEAN, BLOB, LIST, STRUCT…) is refused. */
const DATE_TYPES = /^(VARCHAR|DATE|TIMESTAMP.*)$/;
const SCORE_TYPES = /^(VARCHAR|TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|DOUBLE|DECIMAL.*)$/;

function progress(quiet) {
  const started = performance.now();
  let last = 0;
  return {
    report(label, percentage) {
      if (quiet) return;
      const now = performance.now();
      if (now - last < 1000 || now - started < 1000) return;
      last = now;
      // DuckDB reports no percentage for some plans (windows); the elapsed time still shows it is working.
      process.stderr.write(`\r${label}${percentage > 0 ? ` ${percentage.toFixed(0)} %` : '…'} (${((now - started) / 1000).toFixed(0)} s)   `);
    },
    done() {
      if (!quiet && last > 0) process.stderr.write('\r\x1b[K');
      last = 0;
    },
    seconds: () => (performance.now() - started) / 1000,
  };
}

/** Runs a statement off the main thread, reporting DuckDB's own progress on stderr meanwhile. */
async function run(connection, sql, params, label, meter) {
  const timer = setInterval(() => meter.report(label, connection.progress.percentage), 250);
  try {
    const reader = await connection.runAndReadAll(sql, params);
    return reader.getRowObjectsJS();
  } finally {
    clearInterval(timer);
  }
}

/** The first 64 KiB of a file. */
async function head(file) {
  const handle = await open(file);
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(65_536), 0, 65_536, 0);
    return new Uint8Array(buffer.buffer, buffer.byteOffset, bytesRead);
  } finally {
    await handle.close();
  }
}

async function loadRows(connection, sqlModule, options, meter) {
  const { file, format } = options;
  if (!existsSync(file) || !statSync(file).isFile()) throw new CliError(`File not found: ${file}`, EXIT.data);
  let decimalComma = false;
  try {
    if (format === 'csv') {
      // The delimiter the browser would sniff, given to DuckDB rather than sniffed again; in ';' and tab files "7,0" is seven.
      const delimiter = sqlModule.csvDelimiter(await head(file));
      decimalComma = delimiter !== ',';
      // Every cell as text, every row kept in file order (rowid), and rows with the wrong number of fields set aside to be counted.
      await run(connection, `CREATE TEMP TABLE cx_rows AS SELECT * FROM read_csv($1, delim = $2, header = true, all_varchar = true, ignore_errors = true, store_rejects = true)`, [file, delimiter], 'Reading', meter);
    } else {
      await run(connection, 'CREATE TEMP TABLE cx_rows AS SELECT * FROM read_parquet($1)', [file], 'Reading', meter);
    }
  } catch (error) {
    throw new CliError(`Cannot read ${file} as ${format === 'csv' ? 'CSV' : 'Parquet'}: ${error.message.split('\n')[0]}`, EXIT.data);
  }
  const columns = await run(connection, 'SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = $1 AND database_name = $2 ORDER BY column_index', ['cx_rows', 'temp'], 'Reading', meter);
  let readerRejects = [];
  if (format === 'csv') {
    const rejects = await run(connection, 'SELECT error_type, COUNT(DISTINCT line) AS n FROM reject_errors GROUP BY error_type', [], 'Reading', meter);
    const count = (match) => rejects.filter((r) => match(r.error_type)).reduce((sum, r) => sum + Number(r.n), 0);
    readerRejects = [
      { reason: 'column-count', count: count((type) => type !== 'UNQUOTED VALUE') },
      { reason: 'unclosed-quote', count: count((type) => type === 'UNQUOTED VALUE') },
    ];
  }
  return { columns: columns.map((c) => ({ name: c.column_name, type: c.data_type })), decimalComma, readerRejects };
}

function checkTypes(columns, fields) {
  const typeOf = (name) => columns.find((c) => c.name === name)?.type ?? '';
  const problems = [];
  if (!DATE_TYPES.test(typeOf(fields.date))) problems.push(`"${fields.date}" (date) is ${typeOf(fields.date)}; a date column must be text, DATE or TIMESTAMP`);
  for (const field of ['nps', 'csat', 'ces']) {
    if (fields[field] !== undefined && !SCORE_TYPES.test(typeOf(fields[field]))) {
      problems.push(`"${fields[field]}" (${field}) is ${typeOf(fields[field])}; a score column must be text or a number`);
    }
  }
  if (problems.length) throw new CliError(`Unusable column types: ${problems.join('; ')}.`, EXIT.data);
}

async function aggregate(options) {
  const duckdb = await loadDuckDb();
  const sqlModule = await loadSql();
  const meter = progress(options.quiet);
  // Rows stay in file order (rowid: "the first answer counts"); what does not fit in memory spills to the system's temporary folder, not the working directory.
  const instance = await duckdb.DuckDBInstance.create(':memory:', { preserve_insertion_order: 'true', temp_directory: join(tmpdir(), 'cx-elements-duckdb') });
  const connection = await instance.connect();
  try {
    await connection.run('SET enable_progress_bar = true; SET enable_progress_bar_print = false');
    // A zoned timestamp's day in UTC, as the browser reads an instant (ICU may be absent: then DuckDB has no zoned types to convert).
    await connection.run("SET TimeZone = 'UTC'").catch(() => {});
    const { columns, decimalComma, readerRejects } = await loadRows(connection, sqlModule, options, meter);
    let resolved;
    try {
      resolved = sqlModule.resolveFieldColumns(columns.map((c) => c.name), options.fields ?? null, options.by ?? null);
    } catch (error) {
      throw new CliError(error.message, EXIT.data);
    }
    checkTypes(columns, resolved.fields);
    const { combined } = sqlModule.aggregateSql({
      dialect: 'duckdb',
      table: 'cx_rows',
      fields: resolved.fields,
      rowOrder: 'rowid',
      interval: options.interval,
      dimension: resolved.dimension,
      decimalComma,
      // A DATE or TIMESTAMP column (Parquet) gives its calendar day; text is read as written, as in the browser.
      typedDate: /^(DATE|TIMESTAMP.*)$/.test(columns.find((c) => c.name === resolved.fields.date)?.type ?? ''),
      ...(options.from ? { from: options.from } : {}),
      ...(options.to ? { to: options.to } : {}),
    });
    if (options.printSql) {
      process.stdout.write(`-- parameters: ${JSON.stringify(combined.params)}\n${combined.sql};\n`);
      return;
    }
    // Counts and quality in one statement, so the rows are checked once.
    const rows = await run(connection, combined.sql, combined.params.map((p) => p.value), 'Counting', meter);
    meter.done();
    const { counts: countRows, quality: qualityRows } = sqlModule.splitCombinedRows(rows);
    const report = sqlModule.qualityFromRows(qualityRows, readerRejects);
    if (report.totalRows === 0) throw new CliError(`${options.file} has no data rows.`, EXIT.data);
    const document = sqlModule.countsDocument(countRows, report, {
      interval: options.interval,
      dimension: resolved.dimension,
      scores: ['nps', 'csat', 'ces'].filter((field) => resolved.fields[field] !== undefined),
    });
    // One line per period: readable, diffable, and small. (`"periods": 0` cannot occur inside a JSON string: its quotes would be escaped.)
    const periods = document.periods.map((entry) => `  ${JSON.stringify(entry)}`).join(',\n');
    const json = `${JSON.stringify({ ...document, periods: 0 }, null, 1).replace('"periods": 0', `"periods": [\n${periods}\n ]`)}\n`;
    if (options.out) await writeFile(options.out, json);
    else await new Promise((done) => process.stdout.write(json, done));
    if (!options.quiet) {
      const n = (value) => value.toLocaleString('en');
      process.stderr.write(
        `${n(report.totalRows)} rows: ${n(report.accepted)} accepted, ${n(report.duplicates)} duplicates, ${n(report.rejected)} rejected; ` +
          `${n(document.periods.length)} entries in ${meter.seconds().toFixed(1)} s\n`,
      );
    }
  } finally {
    meter.done();
    connection.closeSync?.();
    instance.closeSync?.();
  }
}

try {
  const options = parseCommandLine(process.argv.slice(2));
  if (options.help) process.stdout.write(`${USAGE}\n`);
  else await aggregate(options);
} catch (error) {
  process.stderr.write(`cx-elements: ${error instanceof CliError ? error.message : error.stack ?? error}\n`);
  process.exitCode = error instanceof CliError ? error.code : EXIT.data;
}
