/**
 * Words and numbers of the scorecard in the element's language: values with their unit through Intl
 * (so "12 min", "12 د", "82.4 %"), changes with their direction, statuses, flags and dates. The same
 * texts feed the screen, the accessible names and the CSV export, so they can never disagree.
 */
import type { CxErrorInfo } from '../core/errors.ts';
import type { PeriodValue } from '../core/kpi-series.ts';
import type { Kpi, KpiProblem, KpiUnit } from '../core/scorecard-model.ts';
import { summarizeScorecard, type KpiChange, type KpiStatus } from '../core/scorecard.ts';
import type { MessageKey, Translator } from '../ui/i18n.ts';
import type { ScorecardRow } from './rows.ts';

const INTL_UNIT: Partial<Record<KpiUnit, string>> = { min: 'minute', h: 'hour', days: 'day' };

const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, unit: KpiUnit, signed: boolean, digits: number): Intl.NumberFormat {
  const key = `${locale}\u0000${unit}\u0000${signed}\u0000${digits}`;
  let format = formats.get(key);
  if (!format) {
    const intlUnit = INTL_UNIT[unit];
    const options: Intl.NumberFormatOptions = {
      maximumFractionDigits: digits,
      ...(signed ? { signDisplay: 'exceptZero' as const } : {}),
      ...(unit === '%' ? { style: 'percent' as const } : intlUnit ? { style: 'unit' as const, unit: intlUnit, unitDisplay: 'short' as const } : {}),
    };
    format = new Intl.NumberFormat(locale, options);
    formats.set(key, format);
  }
  return format;
}

const decimalsOf = (value: number) => (Number.isInteger(value) ? 0 : (String(value).split('.')[1]?.length ?? 3));

/**
 * Fraction digits for a KPI's numbers: one (none for counts), or as many as its target and band are
 * written with, up to three. A value of 2.8 against "at most 2, at risk up to 2.5" must not read "3".
 */
export function digitsFor(kpi: Pick<Kpi, 'unit' | 'target' | 'band'>): number {
  return Math.min(3, Math.max(kpi.unit === 'count' ? 0 : 1, decimalsOf(kpi.target), decimalsOf(kpi.band)));
}

/** A value in its unit; `%` values are 0–100. Rounded for reading only: status uses the exact value. */
export function formatValue(value: number, kpi: Pick<Kpi, 'unit' | 'target' | 'band'>, i18n: Translator): string {
  return numberFormat(i18n.locale, kpi.unit, false, digitsFor(kpi)).format(kpi.unit === '%' ? value / 100 : value);
}

/**
 * A signed number isolated left to right: inside Arabic text the bidi algorithm would otherwise move
 * the sign to the other end ("3.2-") or swap it with the parenthesis that follows.
 */
const isolated = (text: string) => `\u2066${text}\u2069`;

/** The absolute change: percentage points for `%` KPIs, the unit otherwise. */
export function formatAbsoluteChange(change: KpiChange, unit: KpiUnit, i18n: Translator): string {
  if (unit === '%') return i18n.t('scorecard.points', { value: isolated(i18n.signed(change.absolute, 1)) });
  return isolated(numberFormat(i18n.locale, unit, true, 1).format(change.absolute));
}

export function formatRelativeChange(change: KpiChange, i18n: Translator): string | null {
  return change.relative === null ? null : isolated(numberFormat(i18n.locale, '%', true, 1).format(change.relative));
}

/** A day as the Translator writes one ("Jun 30, 2025"), with its cached formatter. */
export function formatDay(day: number, i18n: Translator): string {
  return i18n.period(day, 'day');
}

/** Target with its direction and amber band: "≥ 80 % (amber from 76 %)". */
export function formatTarget(kpi: Kpi, i18n: Translator): string {
  const higher = kpi.direction === 'higher-is-better';
  const target = formatValue(kpi.target, kpi, i18n);
  const text = i18n.t(higher ? 'scorecard.target.atLeast' : 'scorecard.target.atMost', { target });
  if (kpi.band <= 0) return text;
  const edge = formatValue(higher ? kpi.target - kpi.band : kpi.target + kpi.band, kpi, i18n);
  return `${text} ${i18n.t(higher ? 'scorecard.target.bandBelow' : 'scorecard.target.bandAbove', { edge })}`;
}

export const STATUS_ICON: Readonly<Record<KpiStatus, string>> = { green: '✓', amber: '!', red: '✕', grey: '–' };

/** The status word, and for grey the reason: no data, too few answers, a bad definition or a failed source. */
export function statusText(row: ScorecardRow, minN: number, i18n: Translator): string {
  if (row.problems) return i18n.t('scorecard.status.invalid');
  if (row.error) return i18n.t('scorecard.status.failed');
  if (row.status === 'grey') {
    return row.assessment?.greyReason === 'suppressed' ? i18n.t('scorecard.status.suppressed', { minN: i18n.number(minN) }) : i18n.t('scorecard.status.noData');
  }
  return i18n.t(`scorecard.status.${row.status}` as MessageKey);
}

/** The current value, or what stands in for it (never a number for a suppressed period). */
export function currentText(row: ScorecardRow, i18n: Translator): string {
  const current = row.assessment?.current;
  if (!row.entry.valid || !current || current.value === null) return '—';
  return formatValue(current.value, row.entry, i18n);
}

export function intervalText(period: PeriodValue, kpi: Kpi, i18n: Translator): string | null {
  if (period.value === null || period.lower === undefined || period.upper === undefined || !Number.isFinite(period.upper)) return null;
  return i18n.t('scorecard.interval', { lower: formatValue(period.lower, kpi, i18n), upper: formatValue(period.upper, kpi, i18n) });
}

/** "+2.1 pts (+3 %), better, significant (p = 0.01)". */
export function changeText(row: ScorecardRow, i18n: Translator): string {
  const change = row.assessment?.change;
  if (!row.entry.valid || !change) return i18n.t('scorecard.change.none');
  const parts = [formatAbsoluteChange(change, row.entry.unit, i18n)];
  const relative = formatRelativeChange(change, i18n);
  if (relative) parts[0] += ` (${relative})`;
  parts.push(i18n.t(change.better === null ? 'scorecard.change.same' : change.better ? 'scorecard.change.better' : 'scorecard.change.worse'));
  if (change.p !== null) parts.push(i18n.t(change.significant ? 'scorecard.change.significant' : 'scorecard.change.noise', { p: i18n.pValue(change.p) }));
  return parts.join(', ');
}

/** The flags that need the council's attention, as sentences; empty when there are none. */
export function flagTexts(row: ScorecardRow, i18n: Translator): string[] {
  const texts: string[] = [];
  const { flags, actions, entry } = row;
  if (!flags || !actions || !entry.valid) return texts;
  if (flags.neverReviewed) texts.push(i18n.t('scorecard.flag.neverReviewed'));
  else if (flags.reviewOverdue) texts.push(i18n.t('scorecard.flag.reviewOverdue', { date: formatDay(flags.nextReviewDay!, i18n) }));
  if (flags.dueMissed) texts.push(i18n.t('scorecard.flag.dueMissed', { date: formatDay(entry.dueDay!, i18n) }));
  if (flags.noActionAgreed) texts.push(i18n.t('scorecard.flag.noAction'));
  if (actions.overdue) texts.push(i18n.t('scorecard.flag.actionsOverdue', { count: actions.overdue }));
  if (flags.noOwner) texts.push(i18n.t('scorecard.flag.noOwner'));
  return texts;
}

/** One sentence per definition problem, naming the field. */
export function problemText(problem: KpiProblem, i18n: Translator): string {
  return i18n.t(`scorecard.problem.${problem.issue}` as MessageKey, { field: problem.field || 'KPI', value: problem.value ?? '', expected: problem.expected ?? '' });
}

/** The error of a KPI whose source failed, in the element's language. */
export function sourceErrorText(error: CxErrorInfo, i18n: Translator): string {
  return i18n.t(`error.${error.code}` as MessageKey, { detail: '', ...error.params });
}

/** Why a KPI has no status, in one line: its first definition problem (and how many more), or its source's error. */
export function errorReason(row: ScorecardRow, i18n: Translator): string {
  if (row.problems?.length) {
    const first = problemText(row.problems[0]!, i18n);
    return row.problems.length > 1 ? `${first} ${i18n.t('scorecard.moreProblems', { count: row.problems.length - 1 })}` : first;
  }
  return row.error ? sourceErrorText(row.error, i18n) : '';
}

/** The review column: "Reviewed 3 Jun 2025 · next 3 Jul 2025". */
export function reviewText(row: ScorecardRow, i18n: Translator): string {
  const { entry, flags } = row;
  if (!entry.valid) return '—';
  if (entry.lastReviewedDay === null) return i18n.t('scorecard.review.never');
  const next = flags?.nextReviewDay;
  const last = i18n.t('scorecard.review.last', { date: formatDay(entry.lastReviewedDay, i18n) });
  return next === null || next === undefined ? last : `${last} · ${i18n.t('scorecard.review.next', { date: formatDay(next, i18n) })}`;
}

export function actionsText(row: ScorecardRow, i18n: Translator): string {
  const { actions } = row;
  if (!actions) return '—';
  if (!actions.open && !actions.done) return i18n.t('scorecard.actions.none');
  const parts = [i18n.t('scorecard.actions.open', { count: actions.open })];
  if (actions.overdue) parts.push(i18n.t('scorecard.actions.overdue', { count: actions.overdue }));
  if (actions.done) parts.push(i18n.t('scorecard.actions.done', { count: actions.done }));
  return parts.join(' · ');
}

/**
 * The summary line's items in order (counts of each status, the flags, open actions): what the
 * element shows under its header, and what its live region says when it has loaded.
 */
export function summaryItems(rows: readonly ScorecardRow[], i18n: Translator): Array<{ readonly text: string; readonly icon: string | null; readonly status: string }> {
  const summary = summarizeScorecard(rows, rows.filter((row) => !row.assessment).length);
  const item = (count: number, key: MessageKey, icon: string, status = '') => (count ? [{ text: i18n.t(key, { count }), icon, status }] : []);
  return [
    ...item(summary.green, 'scorecard.summary.green', STATUS_ICON.green, 'green'),
    ...item(summary.amber, 'scorecard.summary.amber', STATUS_ICON.amber, 'amber'),
    ...item(summary.red, 'scorecard.summary.red', STATUS_ICON.red, 'red'),
    ...item(summary.grey, 'scorecard.summary.grey', STATUS_ICON.grey, 'grey'),
    ...item(summary.reviewsOverdue, 'scorecard.summary.reviewsOverdue', '⚑'),
    ...item(summary.dueMissed, 'scorecard.summary.dueMissed', '⚑'),
    ...item(summary.noActionAgreed, 'scorecard.summary.noAction', '⚑'),
    ...(summary.openActions
      ? [{ text: i18n.t('scorecard.summary.openActions', { count: summary.openActions, overdue: i18n.number(summary.overdueActions) }), icon: null, status: '' }]
      : []),
  ];
}
