/**
 * The dashboard page: `<nps-trend>`, `<journey-painpoints>` and `<council-scorecard>` on one feedback
 * file, cross-filtering. Each element is filtered by the other elements' selections, never by its
 * own, so it keeps showing its whole dimension and the selection can be changed.
 */
import type { CouncilScorecard, CxFilter, CxSelectEvent, JourneyPainpoints, JourneySelectDetail, NpsTrend, NpsTrendSelectDetail, ScorecardSelectDetail } from '../src/index.ts';
import { startGallery } from './gallery.ts';

startGallery();

/** One selection: the filter it stands for, and how the filter bar names it. */
interface Selection {
  readonly filter: CxFilter;
  readonly label: string;
}

interface DashboardFilters {
  /** A month picked in the trend; the scorecard reviews it. */
  period?: Selection & { readonly end: string };
  /** A stage picked in the journey. */
  stage?: Selection;
  /** A feedback KPI opened in the scorecard, with its segment (`department:Tax`). */
  kpi?: Selection & { readonly id: string };
}

const trend = document.querySelector<NpsTrend>('#trend')!;
const journey = document.querySelector<JourneyPainpoints>('#journey')!;
const scorecard = document.querySelector<CouncilScorecard>('#scorecard')!;
const chips = document.querySelector<HTMLUListElement>('#filter-chips')!;
const none = document.querySelector<HTMLElement>('#filter-none')!;
const clear = document.querySelector<HTMLButtonElement>('#filter-clear')!;
const status = document.querySelector<HTMLElement>('#filter-status')!;

const filters: DashboardFilters = {};

const list = (value: string | readonly string[]): string[] => (typeof value === 'string' ? [value] : [...value]);
const intersect = (a: readonly string[] | undefined, b: readonly string[]): string[] => (a ? a.filter((value) => b.includes(value)) : [...b]);

/** Several filters as one, all holding at once: the later start, the earlier end, and every stage and column condition. */
function merge(...parts: (CxFilter | undefined)[]): CxFilter | undefined {
  let from: string | undefined;
  let to: string | undefined;
  let stage: string[] | undefined;
  const segment: Record<string, string[]> = {};
  let any = false;
  for (const part of parts) {
    if (!part) continue;
    any = true;
    if (part.from && (!from || part.from > from)) from = part.from;
    if (part.to && (!to || part.to < to)) to = part.to;
    if (part.stage) stage = intersect(stage, list(part.stage));
    for (const [column, values] of Object.entries(part.segment ?? {})) segment[column] = intersect(segment[column], list(values));
  }
  if (!any) return undefined;
  return {
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(stage ? { stage } : {}),
    ...(Object.keys(segment).length ? { segment } : {}),
  };
}

/** `YYYY-MM-DD` one day later: a council meeting the day after a month ends reviews that month. */
function dayAfter(day: string): string {
  const next = new Date(`${day}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

/** `department: Tax; channel: Phone or Branch`, for the chip of a KPI's segment. */
function describeFilter(filter: CxFilter): string {
  const parts = Object.entries(filter.segment ?? {}).map(([column, values]) => `${column}: ${list(values).join(' or ')}`);
  if (filter.stage) parts.push(`stage: ${list(filter.stage).join(' or ')}`);
  if (filter.from || filter.to) parts.push(`${filter.from ?? '…'} to ${filter.to ?? '…'}`);
  return parts.join('; ');
}

function chip(key: keyof DashboardFilters, kind: string, text: string): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'chip';
  item.dataset.filter = key;
  const label = document.createElement('span');
  label.textContent = `${kind}: ${text}`;
  const remove = document.createElement('button');
  remove.type = 'button';
  remove.textContent = '×';
  remove.setAttribute('aria-label', `Remove the ${kind.toLowerCase()} filter (${text})`);
  remove.addEventListener('click', () => {
    delete filters[key];
    apply(`${kind} filter removed.`);
    clear.hidden ? document.querySelector<HTMLElement>('#filter-label')?.focus() : chips.querySelector('button')?.focus();
  });
  item.append(label, remove);
  return item;
}

function renderFilterBar(): void {
  const items: HTMLLIElement[] = [];
  if (filters.period) items.push(chip('period', 'Month', `${filters.period.label} (reviewed by the scorecard)`));
  if (filters.stage) items.push(chip('stage', 'Stage', filters.stage.label));
  if (filters.kpi) items.push(chip('kpi', 'KPI', filters.kpi.label));
  chips.replaceChildren(...items);
  none.hidden = items.length > 0;
  clear.hidden = items.length === 0;
}

/** Gives every element the other elements' selections. */
function apply(announcement: string): void {
  trend.filter = merge(filters.stage?.filter, filters.kpi?.filter);
  journey.filter = merge(filters.period?.filter, filters.kpi?.filter);
  if (filters.period) scorecard.setAttribute('as-of', dayAfter(filters.period.end));
  else scorecard.removeAttribute('as-of');
  renderFilterBar();
  status.textContent = announcement;
}

trend.addEventListener('cx-select', (event) => {
  const { detail } = event as CxSelectEvent<NpsTrendSelectDetail>;
  filters.period = { filter: detail.filter, label: detail.label, end: detail.end };
  apply(`Journey filtered to ${detail.label}; the scorecard reviews ${detail.label}.`);
});

journey.addEventListener('cx-select', (event) => {
  const { detail } = event as CxSelectEvent<JourneySelectDetail>;
  filters.stage = { filter: detail.filter, label: detail.stage };
  apply(`Trend filtered to the stage ${detail.stage}.`);
});

scorecard.addEventListener('cx-select', (event) => {
  const { detail } = event as CxSelectEvent<ScorecardSelectDetail>;
  // KPIs from operational files (wait times, outages) say nothing about which customers: no filter.
  if (!detail.filter) return;
  const segment = describeFilter(detail.filter);
  if (detail.expanded) {
    // A KPI over every answer clears a segment chosen before: it is about all customers.
    if (segment) filters.kpi = { id: detail.id, filter: detail.filter, label: `${detail.label} (${segment})` };
    else delete filters.kpi;
    apply(segment ? `Trend and journey filtered to the customers of “${detail.label}”: ${segment}.` : `“${detail.label}” covers every customer: no customer filter.`);
  } else if (filters.kpi?.id === detail.id) {
    delete filters.kpi;
    apply(`Customer filter of “${detail.label}” removed.`);
  }
});

clear.addEventListener('click', () => {
  delete filters.period;
  delete filters.stage;
  delete filters.kpi;
  apply('All filters cleared.');
  document.querySelector<HTMLElement>('#filter-label')?.focus();
});

document.querySelector<HTMLElement>('#filter-label')!.tabIndex = -1;
renderFilterBar();
