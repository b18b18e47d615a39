import '../src/index.ts';
import type { CxSelectEvent, JourneyPainpoints, JourneySelectDetail, NpsTrend, NpsTrendSelectDetail } from '../src/index.ts';
import { SAMPLE_COLUMNS, generateFeedbackRows } from '../src/sample/generate.ts';

const journey = document.querySelector<JourneyPainpoints>('#journey')!;
const trend = document.querySelector<NpsTrend>('#trend')!;
const state = document.querySelector<HTMLElement>('#filter-state')!;
const clear = document.querySelector<HTMLButtonElement>('#clear-filter')!;

// The wiring a page needs: each element's cx-select carries a filter for the other one.
journey.addEventListener('cx-select', (e) => {
  const event = e as CxSelectEvent<JourneySelectDetail>;
  trend.filter = event.detail.filter;
  journey.filter = undefined;
  state.textContent = `NPS trend filtered to the stage “${event.detail.stage}”.`;
  clear.hidden = false;
});
trend.addEventListener('cx-select', (e) => {
  const event = e as CxSelectEvent<NpsTrendSelectDetail>;
  journey.filter = event.detail.filter;
  trend.filter = undefined;
  state.textContent = `Journey filtered to ${event.detail.label}.`;
  clear.hidden = false;
});
clear.addEventListener('click', () => {
  journey.filter = undefined;
  trend.filter = undefined;
  state.textContent = 'Showing every stage and month.';
  clear.hidden = true;
});

// Records already in the page: the same generator, 3,000 rows as objects.
const fromData = document.querySelector<JourneyPainpoints>('#from-data');
if (fromData) {
  const records = [...generateFeedbackRows({ seed: 11, rows: 3_000 })].map((row) => {
    const record: Record<string, string> = {};
    SAMPLE_COLUMNS.forEach((name, i) => (record[name] = row[i] ?? ''));
    return record;
  });
  fromData.data = records;
}
