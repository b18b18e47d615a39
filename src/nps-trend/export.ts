/**
 * The CSV export of `<nps-trend>`: the data table's rows, numbers as plain numbers a spreadsheet can
 * compute with, periods as language-neutral keys (`2024-03`). A suppressed period says so in words
 * and carries none of its numbers, exactly as in the table.
 */
import { csvDocument, type CsvValue } from '../core/export-csv.ts';
import { periodKey } from '../core/periods.ts';
import type { NpsSeries } from '../core/series.ts';
import type { Translator } from '../ui/i18n.ts';

export function npsTrendCsv(series: NpsSeries, i18n: Translator): string {
  const interval = i18n.t('table.interval');
  const header = [
    i18n.t('table.period'),
    i18n.t('table.nps'),
    i18n.t('export.lower', { column: interval }),
    i18n.t('export.upper', { column: interval }),
    i18n.t('table.n'),
    i18n.t('table.promoters'),
    i18n.t('table.passives'),
    i18n.t('table.detractors'),
    i18n.t('table.change'),
    i18n.t('table.significant'),
  ];
  const rows: CsvValue[][] = series.points.map((p) => {
    const period = periodKey(p.periodStart, series.interval);
    if (p.suppressed) return [period, i18n.t('table.suppressed', { minN: i18n.number(series.minN) })];
    const significant = p.change?.significant;
    return [period, p.nps, p.lower, p.upper, p.n, p.promoters, p.passives, p.detractors, p.change?.delta ?? null, significant ? (significant === 'up' ? '▲' : '▼') : null];
  });
  return csvDocument([header, ...rows], 1);
}
