/**
 * CSV export of exactly what the scorecard shows, in the order and grouping shown: statuses, flags and
 * headers in the element's language, numbers as plain numbers a spreadsheet can compute with, dates
 * as ISO. Text from the definition (labels, owners, notes) is neutralised against formula injection
 * (see `csvCell`); numbers we write as numbers, negative ones too, stay numbers.
 */
import { csvCell, sanitizeFileName } from '../core/export-csv.ts';
import { periodKey } from '../core/periods.ts';
import type { PeriodWindow } from '../core/kpi-series.ts';
import type { Translator } from '../ui/i18n.ts';
import { errorReason, flagTexts, statusText } from './format.ts';
import type { GroupKey, RowGroup } from './rows.ts';

const isoDay = (day: number | null) => (day === null ? null : periodKey(day, 'day'));

export function scorecardCsv(groups: readonly RowGroup[], groupBy: GroupKey, window: PeriodWindow, minN: number, i18n: Translator): string {
  const headers = [
    ...(groupBy === 'none' ? [] : [i18n.t(groupBy === 'owner' ? 'scorecard.column.owner' : 'scorecard.column.status')]),
    i18n.t('scorecard.column.id'),
    i18n.t('scorecard.column.kpi'),
    i18n.t('scorecard.column.owner'),
    i18n.t('table.period'),
    i18n.t('scorecard.column.value'),
    i18n.t('scorecard.column.unit'),
    i18n.t('scorecard.column.target'),
    i18n.t('scorecard.column.tolerance'),
    i18n.t('scorecard.column.status'),
    i18n.t('scorecard.column.previous'),
    i18n.t('scorecard.column.change'),
    i18n.t('scorecard.column.changeRelative'),
    i18n.t('scorecard.column.lastReviewed'),
    i18n.t('scorecard.column.nextReview'),
    i18n.t('scorecard.column.due'),
    i18n.t('scorecard.column.flags'),
    i18n.t('scorecard.column.openActions'),
    i18n.t('scorecard.column.overdueActions'),
  ];
  const period = periodKey(window.starts[window.starts.length - 1]!, window.interval);
  const lines = [headers.map((cell) => csvCell(cell)).join(',')];
  for (const group of groups) {
    for (const row of group.rows) {
      const { entry, assessment } = row;
      const groupCell = groupBy === 'none' ? [] : [groupBy === 'owner' ? (group.key ?? i18n.t('scorecard.noOwner')) : statusText(row, minN, i18n)];
      const valid = entry.valid ? entry : null;
      const cells: (string | number | null)[] = [
        ...groupCell,
        row.id,
        row.label,
        row.owner,
        period,
        assessment?.current.value ?? null,
        valid?.unit ?? null,
        valid?.target ?? null,
        valid ? valid.band : null,
        statusText(row, minN, i18n),
        assessment?.previous?.value ?? null,
        assessment?.change?.absolute ?? null,
        assessment?.change?.relative === null || assessment?.change?.relative === undefined ? null : assessment.change.relative * 100,
        isoDay(valid?.lastReviewedDay ?? null),
        isoDay(row.flags?.nextReviewDay ?? null),
        isoDay(valid?.dueDay ?? null),
        [errorReason(row, i18n), ...flagTexts(row, i18n)].filter(Boolean).join('; '),
        row.actions?.open ?? null,
        row.actions?.overdue ?? null,
      ];
      lines.push(cells.map((cell) => csvCell(cell)).join(','));
    }
  }
  return lines.join('\r\n') + '\r\n';
}

/** A file name from the council's name (any script; see `sanitizeFileName`) and the reviewed period. */
export function exportFileName(councilName: string, window: PeriodWindow): string {
  return `${sanitizeFileName(councilName, '', 'scorecard', 80)}-${periodKey(window.starts[window.starts.length - 1]!, window.interval)}.csv`;
}
