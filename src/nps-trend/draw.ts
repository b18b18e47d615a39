/**
 * What `<nps-trend>` needs only once it has a result to draw: d3 and the chart's parts. Imported
 * lazily (see `lazyModule`), so it downloads alongside the data and only on pages with a trend.
 */
export { axisBottom, axisLeft, axisRight } from 'd3-axis';
export { scaleLinear } from 'd3-scale';
export { select } from 'd3-selection';
export { area, line, stack, stackOffsetExpand, symbol, symbolTriangle } from 'd3-shape';
export { renderLegend } from './legend.ts';
export { COMPOSITION_HEIGHT, HEIGHT, MARGIN, computeTrendLayout } from './layout.ts';
export { renderTable } from './table.ts';
export { pointLabel } from './point-label.ts';
export { npsTrendCsv } from './export.ts';
export { chartPng, chartSvg, downloadExport, renderExportButtons } from '../ui/export-chart.ts';
