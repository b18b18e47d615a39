/**
 * Complementary (secondary) suppression: hiding a small group is not enough when the page also shows
 * a total and the group's siblings, because the total minus the shown siblings gives the hidden
 * group back. The rule used everywhere in cx-elements:
 *
 *   hidden = total − Σ shown groups. While 0 < hidden < minN, the smallest shown group (ties: the
 *   later one; the trend takes the earlier, so the newest period stays) is hidden too and its count
 *   added to `hidden`.
 *
 * so whatever can be worked out by subtraction is either nothing (0) or at least `minN` answers, and
 * no number of the hidden groups (score, interval or count) can be recovered exactly. Shown groups
 * with no answers are never picked: hiding them hides nothing. Pure, DOM-free; used by the journey
 * (stages), the trend (periods) and the scorecard (KPIs whose feedback filters nest, see
 * kpi-suppression.ts).
 */

export interface SplitGroup {
  /** Answers (or rows) behind the group: what a reader could recover by subtraction. */
  readonly n: number;
  /** Already hidden (primary suppression or no data). */
  readonly suppressed: boolean;
}

export interface ComplementaryOptions {
  /**
   * The total the page shows or implies; defaults to the sum of all groups (a partition). Pass it
   * when the total also covers rows in no group (rows without a stage, segments not on the page).
   */
  readonly total?: number;
  /** Which of two equally small groups to hide: the later (default) or the earlier one. */
  readonly ties?: 'later' | 'earlier';
}

/**
 * Which groups of one split must be hidden, given the groups in display order. Returns one flag per
 * group: true for every group to hide, the already suppressed ones included.
 */
export function complementarySuppression(groups: readonly SplitGroup[], minN: number, options: ComplementaryOptions = {}): boolean[] {
  const hide = groups.map((g) => g.suppressed);
  const whole = options.total ?? groups.reduce((sum, g) => sum + g.n, 0);
  let hidden = whole - groups.reduce((sum, g, i) => sum + (hide[i] ? 0 : g.n), 0);
  while (hidden > 0 && hidden < minN) {
    const next = smallestShown(groups, hide, options.ties);
    if (next < 0) break;
    hide[next] = true;
    hidden += groups[next]!.n;
  }
  return hide;
}

/** Index of the shown group with the fewest answers (> 0); ties go to the later group unless told otherwise; −1 if none. */
export function smallestShown(groups: readonly SplitGroup[], hide: readonly boolean[], ties: 'later' | 'earlier' = 'later'): number {
  let best = -1;
  groups.forEach((g, i) => {
    if (hide[i] || g.n <= 0) return;
    if (best < 0 || g.n < groups[best]!.n || (ties === 'later' && g.n === groups[best]!.n)) best = i;
  });
  return best;
}
