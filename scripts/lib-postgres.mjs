/**
 * Runs the generated PostgreSQL SQL on a real server, for scripts/e2e-sql.mjs, when one is reachable:
 * `psql` on the PATH and PGHOST set (with PGPORT, PGUSER, PGDATABASE as libpq reads them). A CSV file is
 * loaded as text columns plus a load_id in file order, as a warehouse table would hold it.
 */
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Whether a PostgreSQL server is configured; the reason when not. */
export async function postgresAvailable() {
  if (!process.env.PGHOST) return { ok: false, why: 'PGHOST is not set' };
  try {
    await run('psql', ['-X', '-v', 'ON_ERROR_STOP=1', '-c', 'SELECT 1']);
    return { ok: true };
  } catch (error) {
    return { ok: false, why: `psql cannot reach the server (${String(error.message).split('\n')[0]})` };
  }
}

const psql = (args, options = {}) => run('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', ...args], { maxBuffer: 1 << 26, ...options });

/**
 * Loads `csvFile` (read by DuckDB, as the CLI reads it) into the table `cx_feedback` and returns its
 * column names. Rows DuckDB refuses (wrong field count) stay out, as they stay out of the CLI's SQL.
 */
export async function loadIntoPostgres(csvFile, work, sql, delimiter) {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const connection = await (await DuckDBInstance.create(':memory:')).connect();
  const clean = join(work, 'postgres-load.csv');
  await connection.run('CREATE TABLE cx_rows AS SELECT * FROM read_csv($1, delim = $2, header = true, all_varchar = true, ignore_errors = true)', [csvFile, delimiter]);
  // The path is this script's own temporary file, not input.
  await connection.run(`COPY (SELECT rowid AS cx_load_id, * FROM cx_rows) TO '${clean.replaceAll("'", "''")}' (HEADER, DELIMITER ',')`);
  const columns = (await connection.runAndReadAll('SELECT * FROM cx_rows LIMIT 0')).columnNames();
  connection.closeSync();
  const definitions = ['cx_load_id bigint', ...columns.map((name) => `${sql.quoteIdentifier(name, 'postgres')} text`)];
  await writeFile(join(work, 'postgres-load.sql'), `DROP TABLE IF EXISTS cx_feedback;\nCREATE TABLE cx_feedback (${definitions.join(', ')});\n\\copy cx_feedback FROM '${clean}' WITH (FORMAT csv, HEADER true)\n`);
  await psql(['-f', join(work, 'postgres-load.sql')]);
  return columns;
}

/** Runs a bound statement (parameters as text, through PREPARE) and returns its rows as objects. */
export async function queryPostgres({ sql: text, params }, core) {
  const statement = params.length
    ? `PREPARE cx_statement(${params.map(() => 'text').join(', ')}) AS ${text};\nEXECUTE cx_statement(${params.map((p) => `'${p.value.replaceAll("'", "''")}'`).join(', ')});`
    : `${text};`;
  const { stdout } = await psql(['--csv', '-c', statement]);
  const records = [];
  const reader = core.createCsvReader({ record: (fields) => records.push(fields), unclosedQuote: () => {} }, { delimiter: ',' });
  reader.push(stdout);
  reader.end();
  const [header, ...rows] = records;
  // psql writes NULL as an empty field; the readers treat an absent reason field as none.
  return rows.map((fields) => Object.fromEntries(header.map((name, i) => [name, fields[i] === '' ? null : fields[i]])));
}
