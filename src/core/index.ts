/** `cx-elements/core.js`: the DOM-free engine pieces, for Node scripts, workers and custom pipelines. */
export * from './schema.ts';
export * from './quality.ts';
export * from './errors.ts';
export * from './csv.ts';
export * from './dates.ts';
export * from './scores.ts';
export * from './table.ts';
export * from './ingest.ts';
export * from './periods.ts';
export * from './aggregate.ts';
export * from './counts.ts';
export * from './nps.ts';
export * from './normal.ts';
export * from './series.ts';
export * from './series-columns.ts';
