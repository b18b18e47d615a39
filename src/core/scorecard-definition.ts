/**
 * Reads the council's scorecard definition. The JSON form is documented by
 * `schema/council-scorecard.schema.json`; this module reads it KPI by KPI, so one bad KPI becomes its
 * own error row and never takes the others down. The shapes it produces are in `scorecard-model.ts`.
 */
import { parseDateToDay } from './dates.ts';
import { CxDataError } from './errors.ts';
import { parseFilterAttribute, toRowFilter, type CxFilter } from './filter.ts';
import { ACTION_STATUSES, AGGREGATIONS, CADENCES, DEFAULT_PERIODS, EMPTY_PERIODS, FEEDBACK_METRICS, FEEDBACK_METRIC_UNIT, KPI_DIRECTIONS, KPI_UNITS, MAX_PERIODS } from './scorecard-model.ts';
import type {
  Aggregation,
  Cadence,
  EmptyPeriods,
  KpiAction,
  KpiEntry,
  KpiProblem,
  KpiProblemIssue,
  KpiSource,
  KpiUnit,
  LocalizedText,
  ScorecardDefinition,
  Tolerance,
} from './scorecard-model.ts';

export * from './scorecard-model.ts';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function shorten(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

function isLocalizedText(value: unknown): value is LocalizedText {
  if (typeof value === 'string') return value.trim() !== '';
  return isObject(value) && Object.keys(value).length > 0 && Object.values(value).every((text) => typeof text === 'string' && text.trim() !== '');
}

/** Only `YYYY-MM-DD`: a definition is written by people who can be asked to be unambiguous. */
function isoDay(value: unknown): number | null {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value.trim())) return null;
  const parsed = parseDateToDay(value);
  return 'day' in parsed ? parsed.day : null;
}

function resolveUrl(url: string, baseUrl: string | undefined): string | null {
  try {
    return new URL(url, baseUrl).href;
  } catch {
    return null;
  }
}

/** Collects a KPI's problems while reading it field by field. */
class KpiReader {
  readonly problems: KpiProblem[] = [];
  constructor(readonly raw: Record<string, unknown>) {}

  problem(field: string, issue: KpiProblemIssue, value?: unknown, expected?: string): void {
    this.problems.push({ field, issue, ...(value === undefined ? {} : { value: shorten(value) }), ...(expected ? { expected } : {}) });
  }

  oneOf<T extends string>(object: Record<string, unknown>, key: string, path: string, allowed: readonly T[], fallback?: T): T | null {
    const value = object[key];
    if (value === undefined || value === null || value === '') {
      if (fallback !== undefined) return fallback;
      this.problem(path, 'missing');
      return null;
    }
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
    this.problem(path, 'not-allowed', value, allowed.join(', '));
    return null;
  }

  text(object: Record<string, unknown>, key: string, path: string, required: boolean): string | null {
    const value = object[key];
    if (value === undefined || value === null || value === '') {
      if (required) this.problem(path, 'missing');
      return null;
    }
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
    this.problem(path, 'wrong-type', value);
    return null;
  }

  number(object: Record<string, unknown>, key: string, path: string): number | null {
    const value = object[key];
    if (value === undefined || value === null || value === '') {
      this.problem(path, 'missing');
      return null;
    }
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    this.problem(path, 'not-a-number', value);
    return null;
  }

  day(object: Record<string, unknown>, key: string, path: string): number | null {
    const value = object[key];
    if (value === undefined || value === null || value === '') return null;
    const day = isoDay(value);
    if (day === null) this.problem(path, 'not-a-date', value);
    return day;
  }
}

function readTolerance(reader: KpiReader, raw: unknown, target: number | null): { tolerance: Tolerance; band: number } | null {
  if (raw === undefined || raw === null) return { tolerance: { kind: 'absolute', amount: 0 }, band: 0 };
  if (typeof raw === 'number' && Number.isFinite(raw) && raw >= 0) return { tolerance: { kind: 'absolute', amount: raw }, band: raw };
  const match = typeof raw === 'string' ? /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(raw) : null;
  if (match) {
    const percent = Number(match[1]);
    return { tolerance: { kind: 'relative', percent }, band: target === null ? 0 : (Math.abs(target) * percent) / 100 };
  }
  reader.problem('tolerance', 'not-a-number', raw, 'a number ≥ 0, or a percentage of the target such as "10%"');
  return null;
}

function readSource(reader: KpiReader, raw: unknown, unit: KpiUnit | null, baseUrl: string | undefined): KpiSource | null {
  if (!isObject(raw)) {
    reader.problem('source', raw === undefined ? 'missing' : 'wrong-type', raw);
    return null;
  }
  if ('metric' in raw) {
    const metric = reader.oneOf(raw, 'metric', 'source.metric', FEEDBACK_METRICS);
    let filter: CxFilter | null = null;
    if (raw.filter !== undefined && raw.filter !== null && raw.filter !== '') {
      try {
        filter = typeof raw.filter === 'string' ? parseFilterAttribute(raw.filter) : (raw.filter as CxFilter);
        toRowFilter(filter);
      } catch {
        reader.problem('source.filter', 'wrong-type', raw.filter, 'column:value|value; other:value');
        filter = null;
      }
    }
    if (metric && unit && FEEDBACK_METRIC_UNIT[metric] !== unit) reader.problem('unit', 'unit-mismatch', unit, FEEDBACK_METRIC_UNIT[metric]);
    return metric ? { kind: 'feedback', metric, filter } : null;
  }
  if ('series' in raw) {
    const aggregation = reader.oneOf(raw, 'aggregation', 'source.aggregation', AGGREGATIONS.filter((a): a is Exclude<Aggregation, 'rate'> => a !== 'rate'), 'mean');
    if (!Array.isArray(raw.series)) {
      reader.problem('source.series', 'wrong-type', raw.series);
      return null;
    }
    const emptyPeriods = readEmptyPeriods(reader, raw, aggregation);
    // Entries are checked like data rows (counted in the KPI's quality report), not as definition errors.
    // Anything else than plain data (a function, a symbol, a class instance in a definition given as a
    // property) becomes its text here, so it reaches the worker as a bad entry instead of failing to clone.
    const plain = (value: unknown) =>
      value === null || value === undefined || typeof value === 'number' || typeof value === 'string' || value instanceof Date ? value : String(value);
    const values = raw.series.map((entry) => (isObject(entry) ? { date: plain(entry.date), value: plain(entry.value) } : { date: undefined, value: plain(entry) }));
    return aggregation && emptyPeriods ? { kind: 'series', values, aggregation, emptyPeriods } : null;
  }
  if ('url' in raw) {
    const urlText = reader.text(raw, 'url', 'source.url', true);
    const url = urlText === null ? null : resolveUrl(urlText, baseUrl);
    if (urlText !== null && url === null) reader.problem('source.url', 'wrong-type', urlText);
    const date = reader.text(raw, 'date', 'source.date', true);
    const aggregation = reader.oneOf(raw, 'aggregation', 'source.aggregation', AGGREGATIONS);
    const isRate = aggregation === 'rate';
    const value = reader.text(raw, 'value', 'source.value', aggregation !== null && !isRate && aggregation !== 'count');
    const numerator = reader.text(raw, 'numerator', 'source.numerator', isRate);
    const denominator = reader.text(raw, 'denominator', 'source.denominator', isRate);
    if (isRate && unit && unit !== '%') reader.problem('unit', 'unit-mismatch', unit, '%');
    const emptyPeriods = readEmptyPeriods(reader, raw, aggregation);
    if (!url || !date || !aggregation || !emptyPeriods) return null;
    return { kind: 'csv', url, date, aggregation, value, numerator, denominator, emptyPeriods };
  }
  reader.problem('source', 'wrong-type', raw, 'metric, series or url');
  return null;
}

/** `emptyPeriods` only means something for a sum or a count. */
function readEmptyPeriods(reader: KpiReader, raw: Record<string, unknown>, aggregation: Aggregation | null): EmptyPeriods | null {
  const emptyPeriods = reader.oneOf(raw, 'emptyPeriods', 'source.emptyPeriods', EMPTY_PERIODS, 'no-data');
  if (emptyPeriods === 'zero' && aggregation !== null && aggregation !== 'sum' && aggregation !== 'count') {
    reader.problem('source.emptyPeriods', 'not-allowed', emptyPeriods, 'no-data (zero is for sum and count)');
    return null;
  }
  return emptyPeriods;
}

function readActions(reader: KpiReader, raw: unknown): KpiAction[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    reader.problem('actions', 'wrong-type', raw);
    return [];
  }
  return raw.flatMap((entry, index): KpiAction[] => {
    const path = `actions[${index}]`;
    if (!isObject(entry)) {
      reader.problem(path, 'wrong-type', entry);
      return [];
    }
    const title = reader.text(entry, 'title', `${path}.title`, true);
    const owner = reader.text(entry, 'owner', `${path}.owner`, false);
    const dueDay = reader.day(entry, 'due', `${path}.due`);
    const status = reader.oneOf(entry, 'status', `${path}.status`, ACTION_STATUSES, 'open');
    return title && status ? [{ title, owner, dueDay, status }] : [];
  });
}

function readKpi(raw: unknown, index: number, councilCadence: Cadence, seenIds: Set<string>, baseUrl: string | undefined): KpiEntry {
  const fallbackId = `#${index + 1}`;
  if (!isObject(raw)) {
    return { valid: false, id: fallbackId, label: null, owner: null, problems: [{ field: '', issue: 'wrong-type', value: shorten(raw) }] };
  }
  const reader = new KpiReader(raw);
  let id = reader.text(raw, 'id', 'id', true);
  if (id !== null && seenIds.has(id)) {
    reader.problem('id', 'duplicate-id', id);
    id = `${id} ${fallbackId}`;
  }
  if (id !== null) seenIds.add(id);
  const label = isLocalizedText(raw.label) ? raw.label : null;
  if (label === null) reader.problem('label', raw.label === undefined ? 'missing' : 'wrong-type', raw.label);
  const unit = reader.oneOf(raw, 'unit', 'unit', KPI_UNITS);
  const direction = reader.oneOf(raw, 'direction', 'direction', KPI_DIRECTIONS);
  const target = reader.number(raw, 'target', 'target');
  const tolerance = readTolerance(reader, raw.tolerance, target);
  const owner = reader.text(raw, 'owner', 'owner', false);
  const cadence = reader.oneOf(raw, 'cadence', 'cadence', CADENCES, councilCadence);
  const lastReviewedDay = reader.day(raw, 'lastReviewed', 'lastReviewed');
  const dueDay = reader.day(raw, 'due', 'due');
  const note = raw.note === undefined || raw.note === null ? null : isLocalizedText(raw.note) ? raw.note : (reader.problem('note', 'wrong-type', raw.note), null);
  const source = readSource(reader, raw.source, unit, baseUrl);
  const actions = readActions(reader, raw.actions);

  if (reader.problems.length || !id || !label || !unit || !direction || target === null || !tolerance || !cadence || !source) {
    return { valid: false, id: id ?? fallbackId, label, owner, problems: reader.problems };
  }
  return {
    valid: true,
    id,
    label,
    unit,
    direction,
    target,
    tolerance: tolerance.tolerance,
    band: tolerance.band,
    owner,
    cadence,
    lastReviewedDay,
    dueDay,
    note,
    source,
    actions,
  };
}

/**
 * Reads a definition. Throws `bad-definition` only when nothing can be shown at all (not an object,
 * no council, no KPI list); anything wrong inside one KPI makes that KPI an {@link InvalidKpi}.
 * `baseUrl` resolves relative file URLs: the definition's own address, so files sit beside it.
 */
export function readScorecardDefinition(raw: unknown, baseUrl?: string): ScorecardDefinition {
  const fail = (detail: string): never => {
    throw new CxDataError('bad-definition', `The scorecard definition is not valid: ${detail}`, { detail });
  };
  if (!isObject(raw)) return fail('it must be a JSON object with "council" and "kpis"');
  const council = raw.council;
  if (!isObject(council)) return fail('"council" must be an object with a name and a cadence');
  if (!isLocalizedText(council.name)) return fail('"council.name" is missing');
  const cadence = council.cadence;
  if (typeof cadence !== 'string' || !(CADENCES as readonly string[]).includes(cadence)) return fail(`"council.cadence" must be one of ${CADENCES.join(', ')}`);
  let asOfDay: number | null = null;
  if (council.asOf !== undefined && council.asOf !== null) {
    asOfDay = isoDay(council.asOf);
    if (asOfDay === null) return fail(`"council.asOf" must be a date written YYYY-MM-DD, not ${shorten(council.asOf)}`);
  }
  let periods = DEFAULT_PERIODS;
  if (council.periods !== undefined && council.periods !== null) {
    const value = council.periods;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 2 || value > MAX_PERIODS) {
      return fail(`"council.periods" must be a whole number from 2 to ${MAX_PERIODS}`);
    }
    periods = value;
  }
  let feedback: ScorecardDefinition['feedback'] = null;
  if (raw.feedback !== undefined && raw.feedback !== null) {
    const spec = raw.feedback;
    const url = isObject(spec) && typeof spec.url === 'string' ? resolveUrl(spec.url, baseUrl) : null;
    if (!isObject(spec) || url === null) return fail('"feedback" must be an object with a "url"');
    if (spec.fields !== undefined && typeof spec.fields !== 'string') return fail('"feedback.fields" must be a string such as "date:submitted_at"');
    feedback = { url, fields: (spec.fields as string | undefined) ?? '' };
  }
  if (!Array.isArray(raw.kpis) || raw.kpis.length === 0) return fail('"kpis" must be a non-empty array');
  const seenIds = new Set<string>();
  const kpis = raw.kpis.map((kpi, index) => readKpi(kpi, index, cadence as Cadence, seenIds, baseUrl));
  return { council: { name: council.name, cadence: cadence as Cadence, asOfDay, periods }, feedback, kpis };
}
