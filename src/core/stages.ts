/**
 * The order and identity of journey stages: the `stages` list, numeric prefixes ("1 Apply") and first
 * appearance, with names matched ignoring case and prefix so one stage never shows twice.
 */

/**
 * "1 Apply", "02 - Wait", "3. Decision", "4) Support": the step number and the name after it. One or
 * two digits only, so "2024 Review" stays a name.
 */
const NUMERIC_PREFIX = /^\s*(\d{1,2})\s*[.):\-–—]?\s+(?=\S)/u;

export function stagePrefix(value: string): { readonly step: number; readonly name: string } | null {
  const match = NUMERIC_PREFIX.exec(value);
  return match ? { step: Number(match[1]), name: value.slice(match[0].length).trim() } : null;
}

/** Stage names compare trimmed and case-folded, so `stages="apply"` finds "Apply" and "1 Apply". */
function fold(name: string): string {
  return name.trim().toLocaleLowerCase('und');
}

/** A stage as shown: a display name and the data values it covers. */
export interface OrderedStage {
  readonly name: string;
  readonly values: readonly string[];
  /** Named in the `stages` list. */
  readonly listed: boolean;
}

/** The identity of a stage name: without its step number, trimmed and case-folded. */
function stageKey(name: string): string {
  return fold(stagePrefix(name)?.name ?? name);
}

/**
 * The journey's order. Listed stages come first, in the listed order (a listed stage that is not in
 * the data is kept: a gap in the journey is news). Every other stage follows: those with a numeric
 * prefix by their number, then the rest in order of first appearance. Names match without their
 * prefix and ignoring case, so "1 Apply", "1. apply" and "Apply" are one stage, listed or not, and no
 * two stages share a name.
 */
export function orderStages(valuesInOrder: readonly string[], listed: readonly string[] = []): OrderedStage[] {
  const byName = new Map<string, { name: string; values: string[]; listed: boolean; step: number | null; first: number }>();
  const order: string[] = [];
  for (const name of listed) {
    const key = stageKey(name);
    if (!key || byName.has(key)) continue;
    byName.set(key, { name: name.trim(), values: [], listed: true, step: null, first: order.length });
    order.push(key);
  }
  valuesInOrder.forEach((value, index) => {
    if (!value.trim()) return;
    const prefix = stagePrefix(value);
    const key = stageKey(value);
    let stage = byName.get(key);
    if (!stage) {
      stage = { name: prefix ? prefix.name : value.trim(), values: [], listed: false, step: prefix?.step ?? null, first: listed.length + index };
      byName.set(key, stage);
      order.push(key);
    } else if (stage.step === null && prefix) {
      stage.step = prefix.step;
    }
    stage.values.push(value);
  });
  const stages = order.map((key) => byName.get(key)!);
  const rank = (s: (typeof stages)[number]) => (s.listed ? 0 : s.step !== null ? 1 : 2);
  stages.sort((a, b) => rank(a) - rank(b) || (rank(a) === 1 ? a.step! - b.step! : 0) || a.first - b.first);
  return stages.map(({ name, values, listed: isListed }) => ({ name, values, listed: isListed }));
}

/** `stages="Discover, Apply, Wait"` → the names, in order. */
export function parseStageList(spec: string | null | undefined): string[] {
  return (spec ?? '').split(',').map((name) => name.trim()).filter(Boolean);
}
