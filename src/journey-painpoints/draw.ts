/**
 * What `<journey-painpoints>` needs only once it has a result to draw: d3 and the chart's parts.
 * Imported lazily (see `lazyModule`), so it downloads alongside the data and only on pages with a journey.
 */
export { axisLeft, axisRight } from 'd3-axis';
export { select } from 'd3-selection';
export { renderJourneyChart, renderListBar, stageCenter } from './chart.ts';
export { renderDrilldown } from './drilldown.ts';
export { formatComparison, formatMetric, formatPain, stageLabel, summarizeJourney, suppressionText } from './format.ts';
export { renderJourneyLegend } from './legend.ts';
export { computeJourneyLayout, metricValue } from './layout.ts';
export { renderJourneyTable } from './table.ts';
export { journeyCsv } from './export.ts';
export { chartPng, chartSvg, downloadExport, renderExportButtons } from '../ui/export-chart.ts';
export { renderStageTooltip } from './tooltip.ts';
