/**
 * The CSV export of `<journey-painpoints>`: the data table's rows in the order the table shows,
 * numbers as plain numbers (shares in percent), a measure with too few answers and a suppressed
 * stage in words, never as a number, exactly as in the table. Stage names are data, so they go
 * through the formula neutralisation like any text.
 */
import { csvDocument, type CsvValue } from '../core/export-csv.ts';
import type { JourneyResult } from '../core/journey.ts';
import type { MessageKey, Translator } from '../ui/i18n.ts';
import { formatComparison, suppressionText } from './format.ts';

const percent = (share: number) => share * 100;

export function journeyCsv(result: JourneyResult, i18n: Translator, byPain: boolean): string {
  const range = (key: MessageKey, suffix = '') => {
    const column = `${i18n.t(key)}${suffix}`;
    return [column, i18n.t('export.lower', { column }), i18n.t('export.upper', { column })];
  };
  const header = [
    i18n.t('journey.table.stage'),
    i18n.t('journey.table.n'),
    ...range('journey.table.nps'),
    ...range('journey.table.csat', ' (%)'),
    ...range('journey.table.ces'),
    `${i18n.t('journey.table.easy')} (%)`,
    ...range('journey.table.pain', ' (%)'),
    i18n.t('journey.table.rank'),
    i18n.t('journey.table.versusRest'),
  ];
  // As the table: by pain rank with hidden stages last, or in journey order.
  const stages = byPain ? [...result.stages].sort((a, b) => (a.suppressed ? Infinity : a.rank) - (b.suppressed ? Infinity : b.rank)) : result.stages;
  const notEnough = i18n.t('journey.table.notEnough', { minN: i18n.number(result.minN) });
  const rows: CsvValue[][] = stages.map((stage) => {
    if (stage.suppressed) return [stage.name, suppressionText(stage, result.minN, i18n, 'long')];
    const { nps, csat, ces, pain } = stage;
    return [
      stage.name,
      stage.n,
      ...(nps ? [nps.nps, nps.lower, nps.upper] : [notEnough, null, null]),
      ...(csat ? [percent(csat.share), percent(csat.lower), percent(csat.upper)] : [notEnough, null, null]),
      ...(ces ? [ces.mean, ces.lower, ces.upper, percent(ces.easy.share)] : [notEnough, null, null, notEnough]),
      percent(pain.share),
      percent(pain.lower),
      percent(pain.upper),
      stage.rank,
      formatComparison(stage.comparison, i18n),
    ];
  });
  return csvDocument([header, ...rows], 1);
}
