/** `cx-elements/nps-trend.js`: registers `<nps-trend>` (and nothing else). */
import { NpsTrend } from './nps-trend.ts';

export { NpsTrend, type NpsTrendSelectDetail } from './nps-trend.ts';

// A page may load this entry and the full bundle; the first definition wins instead of throwing.
if (globalThis.customElements && !customElements.get('nps-trend')) customElements.define('nps-trend', NpsTrend);
