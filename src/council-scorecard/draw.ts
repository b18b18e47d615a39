/**
 * What `<council-scorecard>` needs only once it has a view to draw: the table and cards with their
 * sparklines (d3), and the CSV export. Imported lazily (see `lazyModule`), alongside the data.
 */
export { renderScorecardCards, renderScorecardTable } from './table.ts';
export { exportFileName, scorecardCsv } from './export.ts';
export { downloadExport } from '../ui/export-chart.ts';
