/**
 * The SVG of `<journey-painpoints>`: the emotion curve with its interval whiskers above, the pain
 * bars with theirs below, hatched columns for hidden stages; and the small bar each stage carries in
 * the narrow list. Decorative for assistive technology: every number is in the stage names and table.
 */
import { curveMonotoneX, line } from 'd3-shape';
import { html, nothing, svg, type TemplateResult } from 'lit';
import type { JourneyResult, ShownStage } from '../core/journey.ts';
import type { Translator } from '../ui/i18n.ts';
import { INSET, metricValue, type JourneyLayout } from './layout.ts';

export interface ChartInput {
  readonly result: JourneyResult;
  readonly layout: JourneyLayout;
  readonly direction: 'ltr' | 'rtl';
  readonly i18n: Translator;
  /** The stage whose column is highlighted (focused, hovered or open), or null. */
  readonly highlighted: string | null;
}

/** The x of a stage's centre line. */
export function stageCenter(layout: JourneyLayout, name: string): number {
  return (layout.x(name) ?? 0) + layout.x.bandwidth() / 2;
}

export function renderJourneyChart({ result, layout, direction, i18n, highlighted }: ChartInput): TemplateResult {
  const { x, y, pain, width, height, painTop } = layout;
  const rtl = direction === 'rtl';
  const [x0, x1] = rtl ? [INSET.otherSide, width - INSET.axisSide] : [INSET.axisSide, width - INSET.otherSide];
  const slots = result.stages.map((s) => (s.suppressed ? undefined : s));
  const value = (s: ShownStage) => metricValue(s, result.metric)!;
  const curve =
    line<ShownStage | undefined>()
      .defined((s) => s !== undefined)
      .x((s) => stageCenter(layout, s!.name))
      .y((s) => y(value(s!).value))
      .curve(curveMonotoneX)(slots) ?? '';
  const band = x.bandwidth();
  const barWidth = Math.min(36, band * 0.4);
  return html`<svg part="chart" aria-hidden="true" viewBox="0 0 ${width} ${height}" height=${height}>
    ${highlighted !== null ? svg`<rect class="column-highlight" x=${x(highlighted) ?? 0} width=${band} y="0" height=${height}></rect>` : nothing}
    <g class="grid">${y.ticks(4).map((tick) => svg`<line x1=${x0} x2=${x1} y1=${y(tick)} y2=${y(tick)}></line>`)}</g>
    ${result.metric === 'nps' && y.domain()[0]! < 0 && y.domain()[1]! > 0 ? svg`<line class="zero" x1=${x0} x2=${x1} y1=${y(0)} y2=${y(0)}></line>` : nothing}
    ${layout.suppressed.map((s) => svg`<rect class="gap" x=${(x(s.name) ?? 0) + 2} width=${Math.max(0, band - 4)} y="4" height=${height - 8}></rect>`)}
    <line class="pain-base" x1=${x0} x2=${x1} y1=${pain(0)} y2=${pain(0)}></line>
    ${layout.shown.map((s) => {
      const cx = stageCenter(layout, s.name);
      const v = value(s);
      return svg`<g class="stage-marks ${s.comparison?.worse ? 'worse' : ''}">
        <line class="whisker" x1=${cx} x2=${cx} y1=${y(v.lower)} y2=${y(v.upper)}></line>
        <line class="whisker" x1=${cx - 5} x2=${cx + 5} y1=${y(v.lower)} y2=${y(v.lower)}></line>
        <line class="whisker" x1=${cx - 5} x2=${cx + 5} y1=${y(v.upper)} y2=${y(v.upper)}></line>
        <rect class="pain-bar" x=${cx - barWidth / 2} width=${barWidth} y=${pain(s.pain.share)} height=${Math.max(0, pain(0) - pain(s.pain.share))}></rect>
        <line class="pain-whisker" x1=${cx} x2=${cx} y1=${pain(s.pain.lower)} y2=${pain(s.pain.upper)}></line>
        <text class="pain-label" x=${cx} y=${pain(s.pain.upper) - 5} text-anchor="middle">${i18n.percent(s.pain.share)}</text>
      </g>`;
    })}
    <path class="curve" d=${curve}></path>
    ${layout.shown.map((s) => svg`<circle class="point ${s.comparison?.worse ? 'worse' : ''}" cx=${stageCenter(layout, s.name)} cy=${y(value(s).value)} r="5"></circle>`)}
    <g class="axis y-axis" transform="translate(${rtl ? width - INSET.axisSide : INSET.axisSide},0)"></g>
    <g class="axis pain-axis" transform="translate(${rtl ? width - INSET.axisSide : INSET.axisSide},0)"></g>
    <text class="panel-label" x=${rtl ? x1 - 4 : x0 + 4} y=${painTop + 10} text-anchor="start" direction=${direction}>
      ${i18n.t('journey.painAxis')}
    </text>
  </svg>`;
}

/** In the narrow list each stage carries its own pain bar with the interval, on a 0–100 % scale. */
export function renderListBar(stage: ShownStage, direction: 'ltr' | 'rtl'): TemplateResult {
  const rtl = direction === 'rtl';
  const at = (share: number) => (rtl ? 100 - share * 100 : share * 100);
  const [from, to] = rtl ? [at(stage.pain.share), 100] : [0, at(stage.pain.share)];
  return html`<svg class="list-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
    <rect class="track" x="0" y="2" width="100" height="6"></rect>
    <rect class="pain-bar" x=${from} y="2" width=${to - from} height="6"></rect>
    <line class="pain-whisker" x1=${at(stage.pain.lower)} x2=${at(stage.pain.upper)} y1="5" y2="5"></line>
  </svg>`;
}
