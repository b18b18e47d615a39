/**
 * Complementary suppression between scorecard KPIs. A council often defines one feedback KPI for
 * everyone and more for segments of it ("NPS", "NPS, Tax", "NPS, Benefits"): each is suppressed on
 * its own, but the whole minus the shown segments is a group too, and when it holds 1 to `minN` − 1
 * answers its count (and, through the counts of promoters and detractors, its score) could be
 * worked out. This applies {@link complementarySuppression} per period wherever filters nest, and
 * across the periods of each KPI.
 */
import { complementarySuppression, smallestShown } from './complementary.ts';
import type { ColumnCondition, RowFilter } from './filter.ts';
import type { PeriodValue } from './kpi-series.ts';

/** One feedback KPI as this rule sees it: which answers it counts and which rows it reads. */
export interface NestableSeries {
  /** The score field whose answers `n` counts (nps, csat, ces): only KPIs of one field add up. */
  readonly field: string;
  readonly filter: RowFilter;
  readonly periods: readonly PeriodValue[];
  /**
   * Every period's answers, suppressed periods included (their `n` is 0 on purpose): the across-periods
   * rule needs to know how many a hidden period holds. Stays in the worker. Without it, only the
   * nested-KPI rule applies.
   */
  readonly answers?: readonly number[];
}

const key = (dimension: string) => dimension.trim().toLowerCase();

function conditionMap(conditions: readonly ColumnCondition[]): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const { dimension, values } of conditions) {
    const wanted = new Set(values);
    const earlier = map.get(key(dimension));
    // Two conditions on one column: a row must meet both, so only the common values pass.
    map.set(key(dimension), earlier ? new Set([...earlier].filter((v) => wanted.has(v))) : wanted);
  }
  return map;
}

interface Segment {
  readonly field: string;
  readonly from: number;
  readonly to: number;
  readonly conditions: Map<string, Set<string>>;
}

function segmentOf(series: NestableSeries): Segment {
  return { field: series.field, from: series.filter.fromDay ?? -Infinity, to: series.filter.toDay ?? Infinity, conditions: conditionMap(series.filter.conditions) };
}

/** Every row `inner` reads, `outer` reads too (decided from the filters alone, whatever the data). */
function nestedIn(inner: Segment, outer: Segment): boolean {
  if (inner.field !== outer.field || inner.from < outer.from || inner.to > outer.to) return false;
  for (const [dimension, values] of outer.conditions) {
    const own = inner.conditions.get(dimension);
    if (!own || [...own].some((v) => !values.has(v))) return false;
  }
  return true;
}

/** No row can be read by both: disjoint values on some column, or day ranges that do not meet. */
function disjoint(a: Segment, b: Segment): boolean {
  if (a.to < b.from || b.to < a.from) return true;
  for (const [dimension, values] of a.conditions) {
    const other = b.conditions.get(dimension);
    if (other && ![...values].some((v) => other.has(v))) return true;
  }
  return false;
}

/**
 * All maximal sets of pairwise disjoint members among `items` (Bron–Kerbosch on the disjointness
 * graph). Scorecards hold tens of KPIs, so this stays small; every set is a way to subtract.
 */
function disjointFamilies(items: readonly number[], apart: (a: number, b: number) => boolean): number[][] {
  const families: number[][] = [];
  const grow = (chosen: number[], candidates: number[], excluded: number[]) => {
    if (!candidates.length && !excluded.length) families.push(chosen);
    for (const item of [...candidates]) {
      grow(
        [...chosen, item],
        candidates.filter((c) => c !== item && apart(c, item)),
        excluded.filter((x) => apart(x, item)),
      );
      candidates = candidates.filter((c) => c !== item);
      excluded = [...excluded, item];
    }
  };
  grow([], [...items], []);
  return families;
}

const hidden = (periodStart: number): PeriodValue => ({ periodStart, value: null, n: 0, suppressed: true });

/**
 * The KPIs' periods with complementary suppression applied. For each period and each shown KPI (the
 * "total"), its shown KPIs nested inside it are grouped into every maximal set of pairwise disjoint
 * ones; when the total minus such a set leaves 1 to `minN` − 1 answers, the smallest KPI of the set
 * (ties: the later one) is hidden too. Each KPI's periods also get the trend's rule (hidden periods
 * hold 0 or at least `minN` answers; ties: the earlier period). Both are repeated until nothing
 * changes, since hiding one segment can uncover the segments nested inside it, and hiding a period of
 * one KPI can expose another. Segments that overlap without nesting ("Tax" and "Web") are
 * never added together: their difference is not a group. A hidden period carries no value, interval
 * or count, exactly like one suppressed on its own.
 */
export function suppressNestedKpis(series: readonly NestableSeries[], minN: number): PeriodValue[][] {
  const segments = series.map(segmentOf);
  const periods = series.map((s) => [...s.periods]);
  const nested = segments.map((outer, o) => segments.map((inner, i) => i !== o && nestedIn(inner, outer) && !nestedIn(outer, inner)));
  const apart = (a: number, b: number) => disjoint(segments[a]!, segments[b]!);
  const length = Math.max(0, ...periods.map((p) => p.length));
  const shown = (k: number, p: number) => {
    const value = periods[k]![p];
    return value !== undefined && !value.suppressed && value.n > 0;
  };
  const hide = (k: number, p: number) => {
    periods[k]![p] = hidden(periods[k]![p]!.periodStart);
  };
  let changed = true;
  while (changed) {
    changed = false;
    // Across periods, as in the trend: the periods of a KPI add up to what the feedback's quality report counts.
    periods.forEach((kpi, k) => {
      const answers = series[k]!.answers;
      if (!answers) return;
      const flags = complementarySuppression(kpi.map((v, p) => ({ n: answers[p] ?? v.n, suppressed: v.suppressed })), minN, { ties: 'earlier' });
      flags.forEach((flag, p) => {
        if (flag && !kpi[p]!.suppressed) {
          hide(k, p);
          changed = true;
        }
      });
    });
    // Across nested KPIs, period by period.
    for (let p = 0; p < length; p++) {
      for (let total = 0; total < series.length; total++) {
        if (!shown(total, p)) continue;
        const inside = series.map((_, k) => k).filter((k) => nested[total]![k] && shown(k, p));
        for (const family of disjointFamilies(inside, apart)) {
          const rest = periods[total]![p]!.n - family.reduce((sum, k) => sum + periods[k]![p]!.n, 0);
          if (rest <= 0 || rest >= minN) continue;
          const groups = family.map((k) => ({ n: periods[k]![p]!.n, suppressed: false }));
          hide(family[smallestShown(groups, groups.map(() => false))]!, p);
          changed = true;
          break;
        }
      }
    }
  }
  return periods;
}
