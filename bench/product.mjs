/**
 * The rest of the product's work on the same rows, for the record (no targets): the journey's
 * measures and a stage's verbatims, and the gallery's council scorecard over the rows plus the
 * operational sample.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadOperationsGenerator } from '../scripts/lib-harness.mjs';
import { median } from './core.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
export const STAGES = ['Discover', 'Apply', 'Wait', 'Decision', 'Support'];

export async function journeyAndScorecard(core, path) {
  const ingest = core.createCsvIngest({});
  ingest.push(new Uint8Array(await readFile(path)));
  const { table } = ingest.finish();
  const figures = [];
  const journeyMs = median(() => core.journeyMeasures(core.aggregateStages(table), { metric: 'nps', minN: 5, stages: STAGES }));
  figures.push(['Journey: measures per stage (counts, intervals, ranking, tests)', journeyMs]);
  const journey = core.journeyMeasures(core.aggregateStages(table), { metric: 'nps', minN: 5, stages: STAGES });
  const wait = journey.stages.find((s) => s.name === 'Wait');
  let negative;
  const detailMs = median(() => {
    negative = core.negativeFeedback(table, { metric: 'nps', values: wait.values });
    const scan = core.scanComments(negative.comments.map(core.redact));
    core.pickVerbatims(scan, core.extractThemes(scan), 5);
  }, 3);
  figures.push([`Journey: a stage's details (${negative.comments.length.toLocaleString('en')} negative comments redacted, themes, verbatims)`, detailMs]);

  const { generateApplicationsCsv, generateOutagesCsv } = await loadOperationsGenerator();
  const operational = {};
  for (const [name, text] of Object.entries({ 'data/applications.csv': generateApplicationsCsv({ seed: 42 }), 'data/outages.csv': generateOutagesCsv({ seed: 42 }) })) {
    const operationalIngest = core.createOperationalCsvIngest(name.includes('applications') ? 'submitted' : 'date');
    operationalIngest.push(text);
    operational[name] = operationalIngest.finish();
  }
  const councilJson = JSON.parse(await readFile(join(root, 'demo/public/council.json'), 'utf8'));
  const council = core.readScorecardDefinition(councilJson, 'file:///bench/');
  const kpis = council.kpis.filter((kpi) => kpi.valid);
  const window = core.scorecardWindow(council.council.asOfDay, council.council.cadence, council.council.periods);
  const sources = { feedback: () => table, operational: (kpi) => operational[kpi.source.url.replace('file:///bench/', '')] };
  const scorecardMs = median(() => core.measureKpis(kpis, sources, window, council.council.asOfDay, 5));
  figures.push([`Council scorecard: ${kpis.length} KPIs × ${council.council.periods} months`, scorecardMs]);
  return figures;
}
