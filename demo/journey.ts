/** The `<journey-painpoints>` page: the shared gallery, its playground, and the variants that need a script. */
import type { JourneyPainpoints } from '../src/index.ts';
import { SAMPLE_COLUMNS, generateFeedbackRows } from '../src/sample/generate.ts';
import { mountAttributePanel } from './attribute-panel.ts';
import { startGallery } from './gallery.ts';
import { setupGeneratedRows } from './million-rows.ts';

startGallery();
setupGeneratedRows();
for (const playground of document.querySelectorAll<HTMLElement>('[data-playground]')) void mountAttributePanel(playground);

// Records already in the page: the same generator, 3,000 rows as objects.
const fromData = document.querySelector<JourneyPainpoints>('#from-data');
if (fromData) {
  fromData.data = [...generateFeedbackRows({ seed: 11, rows: 3_000 })].map((row) => Object.fromEntries(SAMPLE_COLUMNS.map((name, i) => [name, row[i] ?? ''])));
}
