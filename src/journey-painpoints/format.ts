/** Words for a stage's numbers, shared by the lane, the tooltip, the table, the drill-down and the summary. */
import type { JourneyResult, PainMetric, ShownStage, StageComparison, SuppressedStage } from '../core/journey.ts';
import type { MessageKey, Translator } from '../ui/i18n.ts';
import { metricValue } from './layout.ts';

/** Why a stage shows nothing, short (the stage face) or long (table and details). */
export function suppressionText(stage: SuppressedStage, minN: number, i18n: Translator, form: 'short' | 'long'): string {
  const params = { minN: i18n.number(minN) };
  switch (stage.reason) {
    case 'no-data':
      return i18n.t('journey.notInData');
    case 'few-answers':
      return form === 'short' ? i18n.t('journey.suppressed') : i18n.t('journey.suppressedDetail', params);
    case 'protects-another':
      return form === 'short' ? i18n.t('journey.protected') : i18n.t('journey.protectedDetail', params);
  }
}

/** NPS in whole points, CES to one decimal, shares as whole percent. */
export function formatMetric(stage: ShownStage, metric: PainMetric, i18n: Translator): { value: string; interval: string } | null {
  const measure = metricValue(stage, metric);
  if (!measure) return null;
  const format = (v: number) => (metric === 'csat' ? i18n.percent(v / 100) : metric === 'ces' ? i18n.number(v, 1) : i18n.number(v));
  return {
    value: i18n.t(`journey.value.${metric}`, { value: format(measure.value) }),
    interval: i18n.t('journey.interval', { lower: format(measure.lower), upper: format(measure.upper) }),
  };
}

export function formatPain(stage: ShownStage, metric: PainMetric, i18n: Translator): string {
  return i18n.t('journey.pain', { share: i18n.percent(stage.pain.share), negative: i18n.t(`journey.negative.${metric}`) });
}

export function formatComparison(comparison: StageComparison | null, i18n: Translator): string {
  if (!comparison) return i18n.t('journey.noComparison');
  const params = { rest: i18n.percent(comparison.restShare), p: i18n.pValue(comparison.p) };
  return i18n.t(comparison.worse ? 'journey.worse' : comparison.better ? 'journey.better' : 'journey.same', params);
}

/** The full meaning of a stage in one sentence: its accessible name, and what a screen reader hears on focus. */
export function stageLabel(result: JourneyResult, index: number, i18n: Translator): string {
  const stage = result.stages[index]!;
  const place = { stage: stage.name, position: i18n.number(index + 1), count: i18n.number(result.stages.length) };
  if (stage.suppressed) return i18n.t('journey.stageLabelHidden', { ...place, reason: suppressionText(stage, result.minN, i18n, 'long') });
  const metric = formatMetric(stage, result.metric, i18n)!;
  return i18n.t('journey.stageLabel', {
    ...place,
    value: metric.value,
    interval: metric.interval,
    pain: formatPain(stage, result.metric, i18n),
    painLower: i18n.percent(stage.pain.lower),
    painUpper: i18n.percent(stage.pain.upper),
    rank: i18n.t('journey.rank', { rank: i18n.number(stage.rank) }),
    answers: i18n.t('answers', { count: stage.pain.n }),
    comparison: formatComparison(stage.comparison, i18n),
  });
}

/** The paragraph under the chart: where it hurts most and least, and what is hidden. */
export function summarizeJourney(result: JourneyResult, i18n: Translator): string {
  const shown = result.stages.filter((s): s is ShownStage => !s.suppressed);
  const hidden = result.stages.filter((s) => s.suppressed && s.reason !== 'no-data').length;
  const sentences: string[] = [];
  const byRank = [...shown].sort((a, b) => a.rank - b.rank);
  const most = byRank[0];
  if (most) sentences.push(i18n.t('journey.summary.most', { stage: most.name, pain: formatPain(most, result.metric, i18n) }));
  const worse = byRank.filter((s) => s.comparison?.worse);
  // With fewer than two shown stages there is nothing to compare, so no sentence about it.
  if (shown.length >= 2) {
    sentences.push(
      worse.length
        ? i18n.t('journey.summary.worse', { count: worse.length, stages: worse.map((s) => s.name).join(', ') })
        : i18n.t('journey.summary.noneWorse'),
    );
  }
  const least = byRank.at(-1);
  if (least && least !== most) sentences.push(i18n.t('journey.summary.least', { stage: least.name, pain: i18n.percent(least.pain.share) }));
  if (hidden) sentences.push(i18n.t('journey.summary.hidden', { count: hidden, minN: i18n.number(result.minN) }));
  return sentences.join(' ');
}

/**
 * Every measure of a shown stage as [heading key, text], in table order: the table's cells and the
 * drill-down's list are the same numbers in the same words.
 */
export function measureCells(stage: ShownStage, minN: number, i18n: Translator): Array<readonly [MessageKey, string]> {
  const notEnough = i18n.t('journey.table.notEnough', { minN: i18n.number(minN) });
  const range = (value: string, lower: string, upper: string) => `${value} (${lower} – ${upper})`;
  const share = (e: { share: number; lower: number; upper: number } | null) => (e ? range(i18n.percent(e.share), i18n.percent(e.lower), i18n.percent(e.upper)) : notEnough);
  const { nps, ces } = stage;
  return [
    ['journey.table.n', i18n.number(stage.n)],
    ['journey.table.nps', nps ? range(i18n.number(nps.nps), i18n.number(nps.lower), i18n.number(nps.upper)) : notEnough],
    ['journey.table.csat', share(stage.csat)],
    ['journey.table.ces', ces ? range(i18n.number(ces.mean, 1), i18n.number(ces.lower, 1), i18n.number(ces.upper, 1)) : notEnough],
    ['journey.table.easy', ces ? i18n.percent(ces.easy.share) : notEnough],
    ['journey.table.pain', share(stage.pain)],
    ['journey.table.rank', i18n.number(stage.rank)],
  ];
}
