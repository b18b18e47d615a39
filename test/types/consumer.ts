/**
 * Compiled, never run: what a TypeScript user writes. `tsc` fails here when the tag-name map or the
 * event map stops typing the elements (scripts/e2e-package.mjs compiles the same against the packed
 * `.d.ts` files).
 */
import type { CouncilScorecard, CxErrorEvent, CxLoadEvent, CxSelectEvent, JourneyPainpoints, NpsTrend, NpsTrendSelectDetail } from 'cx-elements';

export function wire(root: ParentNode): void {
  const trend: NpsTrend | null = root.querySelector('nps-trend');
  const journey: JourneyPainpoints = document.createElement('journey-painpoints');
  const council: CouncilScorecard | null = root.querySelector('council-scorecard');
  if (!trend || !council) return;
  trend.interval = 'quarter';
  trend.minN = 10;
  council.asOf = '2025-07-15';
  trend.addEventListener('cx-select', (event) => {
    const select: CxSelectEvent = event;
    const detail = select.detail as NpsTrendSelectDetail;
    journey.filter = detail.filter;
  });
  trend.addEventListener('cx-load', (event) => {
    const load: CxLoadEvent = event;
    console.log(load.detail.rowCount, load.detail.quality?.duplicates);
  });
  const csv: string | null = trend.exportCsv() ?? council.exportCsv();
  const svg: string | null = journey.exportSvg();
  void trend.exportPng(2).then((png: Blob | null) => console.log(csv?.length, svg?.length, png?.size));
  journey.addEventListener('cx-error', (event) => {
    const error: CxErrorEvent = event;
    console.log(error.detail.code, error.detail.message);
  });
}
