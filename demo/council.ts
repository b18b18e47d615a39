/** The `<council-scorecard>` page: the shared gallery, its playground, an event log, and the variants that need a script. */
import type { CouncilScorecard, ScorecardSelectDetail } from '../src/council-scorecard/index.ts';
import { mountAttributePanel } from './attribute-panel.ts';
import { startGallery } from './gallery.ts';
import { setupGeneratedRows } from './million-rows.ts';

startGallery();
setupGeneratedRows();
for (const playground of document.querySelectorAll<HTMLElement>('[data-playground]')) void mountAttributePanel(playground);

/** Entries kept in the log: enough to follow a session, few enough to read. */
const LOG_LIMIT = 50;

const log = document.querySelector<HTMLOListElement>('#event-log')!;
const logEmpty = document.querySelector<HTMLElement>('#event-log-empty')!;
const clearLog = document.querySelector<HTMLButtonElement>('#clear-log')!;

/** Which scorecard on the page an event came from (composed events are retargeted to the host): its variant's title. */
function scorecardName(event: Event): string {
  const target = event.target;
  if (!(target instanceof HTMLElement)) return 'page';
  return target.closest('.variant')?.querySelector('h3')?.firstChild?.textContent?.trim() ?? target.localName;
}

function formatValue(value: number | null, unit: string | null): string {
  if (value === null) return 'no value';
  const number = value.toLocaleString('en', { maximumFractionDigits: 2 });
  return unit ? `${number} ${unit}` : number;
}

/** Labels, owners and messages come from the definition and the data: text nodes only, never markup. */
function addLogEntry(text: string): void {
  const entry = document.createElement('li');
  entry.textContent = `${new Date().toLocaleTimeString('en-GB')} · ${text}`;
  log.prepend(entry);
  while (log.children.length > LOG_LIMIT) log.lastElementChild!.remove();
  logEmpty.hidden = true;
}

// Both events bubble and are composed, so one listener on the document hears every scorecard.
document.addEventListener('cx-select', (event) => {
  // The document's event map knows cx-select only as CxSelectEvent<unknown>; scorecards send this detail.
  const detail = event.detail as ScorecardSelectDetail;
  const filter = detail.filter ? `, filter ${JSON.stringify(detail.filter)}` : '';
  addLogEntry(
    `${scorecardName(event)} · cx-select (${detail.expanded ? 'opened' : 'closed'}) · ${detail.id} “${detail.label}”: ${detail.status}, ` +
      `${formatValue(detail.value, detail.unit)}, period ${detail.period}, owner ${detail.owner ?? 'none'}${filter}`,
  );
});
document.addEventListener('cx-error', (event) => {
  const { code, message, params } = event.detail;
  const kpi = params.kpi === undefined ? '' : ` (KPI ${params.kpi})`;
  addLogEntry(`${scorecardName(event)} · cx-error · ${code}${kpi}: ${message}`);
});
clearLog.addEventListener('click', () => {
  log.replaceChildren();
  logEmpty.hidden = false;
});

/** Weekly entries from `firstMonday` on, for a KPI that sums events (complaints received) per month. */
function weekly(firstMonday: string, counts: readonly number[]): { date: string; value: number }[] {
  const start = Date.parse(`${firstMonday}T00:00:00Z`);
  return counts.map((value, week) => ({ date: new Date(start + week * 7 * 86_400_000).toISOString().slice(0, 10), value }));
}

/** One value a month from January 2025, as a team reports them. */
const monthly = (values: readonly number[]) => values.map((value, month) => ({ date: `2025-${String(month + 1).padStart(2, '0')}-01`, value }));

// A definition built in the page, with values only (no files): how a board without a data warehouse
// still gets one agreed view. Half a year, January to June 2025.
const contactCentreBoard = {
  council: { name: { en: 'Contact Centre Board', ar: 'مجلس مركز الاتصال' }, cadence: 'monthly', asOf: '2025-07-15', periods: 6 },
  kpis: [
    {
      id: 'first-contact-resolution',
      label: { en: 'Resolved at first contact', ar: 'الحل من أول تواصل' },
      unit: '%',
      direction: 'higher-is-better',
      target: 75,
      tolerance: 5,
      owner: 'Contact Centre Manager',
      lastReviewed: '2025-06-24',
      due: '2025-12-31',
      source: { series: monthly([68.2, 69.5, 71.0, 72.4, 73.1, 74.0]) },
      actions: [{ title: 'Give agents the case history on screen', owner: 'Head of Digital Services', due: '2025-09-30', status: 'open' }],
    },
    {
      id: 'calls-abandoned',
      label: { en: 'Calls abandoned in the queue', ar: 'المكالمات المتروكة في قائمة الانتظار' },
      unit: '%',
      direction: 'lower-is-better',
      target: 5,
      tolerance: 1,
      owner: 'Contact Centre Manager',
      lastReviewed: '2025-06-24',
      due: '2025-09-30',
      source: { series: monthly([7.8, 7.1, 6.4, 5.9, 5.2, 4.6]) },
    },
    {
      id: 'speed-of-answer',
      label: { en: 'Time to answer, median', ar: 'زمن الرد، الوسيط' },
      unit: 'min',
      direction: 'lower-is-better',
      target: 3,
      tolerance: '20%',
      owner: 'Workforce Planning Lead',
      lastReviewed: '2025-05-27',
      due: '2025-06-30',
      source: { series: monthly([4.9, 4.6, 4.4, 4.1, 4.0, 4.2]) },
    },
    {
      id: 'complaints-received',
      label: { en: 'Complaints received', ar: 'الشكاوى الواردة' },
      unit: 'count',
      direction: 'lower-is-better',
      target: 120,
      tolerance: 20,
      owner: 'Head of Complaints',
      lastReviewed: '2025-06-24',
      due: '2025-12-31',
      source: {
        aggregation: 'sum',
        series: weekly('2025-01-06', [38, 35, 33, 36, 31, 30, 34, 29, 32, 30, 28, 31, 27, 29, 33, 30, 26, 28, 31, 27, 25, 24, 23, 22, 25, 21]),
      },
    },
  ],
};

const fromDefinition = document.querySelector<CouncilScorecard>('#from-definition');
if (fromDefinition) fromDefinition.definition = contactCentreBoard;
