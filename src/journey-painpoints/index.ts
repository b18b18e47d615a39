/** `cx-elements/journey-painpoints.js`: registers `<journey-painpoints>` (and nothing else). */
import { JourneyPainpoints } from './journey-painpoints.ts';

export { JourneyPainpoints, type JourneySelectDetail } from './journey-painpoints.ts';

// A page may load this entry and the full bundle; the first definition wins instead of throwing.
if (globalThis.customElements && !customElements.get('journey-painpoints')) customElements.define('journey-painpoints', JourneyPainpoints);
