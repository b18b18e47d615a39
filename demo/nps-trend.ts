/** The `<nps-trend>` page: the shared gallery, its playground, and the variants that need a script. */
import type { NpsTrend } from '../src/index.ts';
import { mountAttributePanel } from './attribute-panel.ts';
import { startGallery } from './gallery.ts';
import { setupGeneratedRows } from './million-rows.ts';

startGallery();
setupGeneratedRows();
for (const playground of document.querySelectorAll<HTMLElement>('[data-playground]')) void mountAttributePanel(playground);

const fromCounts = document.querySelector<NpsTrend>('#from-counts');
if (fromCounts) {
  fromCounts.counts = [
    { period: '2025-Q1', promoters: 412, passives: 300, detractors: 288 },
    { period: '2025-Q2', promoters: 455, passives: 310, detractors: 251 },
    { period: '2025-Q3', promoters: 430, passives: 298, detractors: 270 },
    { period: '2025-Q4', promoters: 520, passives: 305, detractors: 201 },
    { period: '2026-Q1', promoters: 3, passives: 1, detractors: 0 },
    { period: '2026-Q2', promoters: 560, passives: 290, detractors: 180 },
  ];
}
