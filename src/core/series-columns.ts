/**
 * The columnar wire form of an {@link NpsSeries}: typed arrays that move between the worker and the
 * page by transfer (zero copy) instead of being cloned point by point.
 */
import type { IntervalName } from './periods.ts';
import type { NpsSeries, SeriesPoint } from './series.ts';

export interface NpsSeriesColumns {
  readonly interval: IntervalName;
  readonly dimension: string | null;
  readonly minN: number;
  readonly groups: readonly (string | null)[];
  readonly periodStart: Int32Array;
  readonly groupIndex: Int32Array;
  readonly suppressed: Uint8Array;
  /** Counts and scores; 0 / NaN in suppressed rows so nothing about them is sent. */
  readonly n: Float64Array;
  readonly promoters: Float64Array;
  readonly passives: Float64Array;
  readonly detractors: Float64Array;
  readonly nps: Float64Array;
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  /** NaN where there is no comparison. */
  readonly delta: Float64Array;
  readonly z: Float64Array;
  readonly p: Float64Array;
  /** 1 significantly up, −1 significantly down, 0 otherwise. */
  readonly significant: Int8Array;
}

export function seriesToColumns(series: NpsSeries): NpsSeriesColumns {
  const length = series.points.length;
  const groups: (string | null)[] = [];
  const groupIndexOf = new Map<string | null, number>();
  const numeric = () => new Float64Array(length).fill(NaN);
  const columns = {
    interval: series.interval,
    dimension: series.dimension,
    minN: series.minN,
    groups,
    periodStart: new Int32Array(length),
    groupIndex: new Int32Array(length),
    suppressed: new Uint8Array(length),
    n: new Float64Array(length),
    promoters: new Float64Array(length),
    passives: new Float64Array(length),
    detractors: new Float64Array(length),
    nps: numeric(),
    lower: numeric(),
    upper: numeric(),
    delta: numeric(),
    z: numeric(),
    p: numeric(),
    significant: new Int8Array(length),
  };
  series.points.forEach((point, i) => {
    let groupIndex = groupIndexOf.get(point.group);
    if (groupIndex === undefined) {
      groupIndex = groups.push(point.group) - 1;
      groupIndexOf.set(point.group, groupIndex);
    }
    columns.periodStart[i] = point.periodStart;
    columns.groupIndex[i] = groupIndex;
    if (point.suppressed) {
      columns.suppressed[i] = 1;
      return;
    }
    columns.n[i] = point.n;
    columns.promoters[i] = point.promoters;
    columns.passives[i] = point.passives;
    columns.detractors[i] = point.detractors;
    columns.nps[i] = point.nps;
    columns.lower[i] = point.lower;
    columns.upper[i] = point.upper;
    if (point.change) {
      columns.delta[i] = point.change.delta;
      columns.z[i] = point.change.z;
      columns.p[i] = point.change.p;
      columns.significant[i] = point.change.significant === 'up' ? 1 : point.change.significant === 'down' ? -1 : 0;
    }
  });
  return columns;
}

/** The buffers to list in a `postMessage` transfer. */
export function seriesTransferables(columns: NpsSeriesColumns): ArrayBuffer[] {
  const { periodStart, groupIndex, suppressed, n, promoters, passives, detractors, nps, lower, upper, delta, z, p, significant } = columns;
  return [periodStart, groupIndex, suppressed, n, promoters, passives, detractors, nps, lower, upper, delta, z, p, significant].map(
    (array) => array.buffer as ArrayBuffer,
  );
}

export function seriesFromColumns(columns: NpsSeriesColumns): NpsSeries {
  const points: SeriesPoint[] = [];
  for (let i = 0; i < columns.periodStart.length; i++) {
    const periodStart = columns.periodStart[i]!;
    const group = columns.groups[columns.groupIndex[i]!] ?? null;
    if (columns.suppressed[i]) {
      points.push({ suppressed: true, periodStart, group });
      continue;
    }
    const significant = columns.significant[i];
    points.push({
      suppressed: false,
      periodStart,
      group,
      n: columns.n[i]!,
      promoters: columns.promoters[i]!,
      passives: columns.passives[i]!,
      detractors: columns.detractors[i]!,
      nps: columns.nps[i]!,
      lower: columns.lower[i]!,
      upper: columns.upper[i]!,
      change: Number.isNaN(columns.z[i]!)
        ? null
        : { delta: columns.delta[i]!, z: columns.z[i]!, p: columns.p[i]!, significant: significant === 1 ? 'up' : significant === -1 ? 'down' : null },
    });
  }
  return { interval: columns.interval, dimension: columns.dimension, minN: columns.minN, points };
}
