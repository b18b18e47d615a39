/** `cx-elements/council-scorecard.js`: registers `<council-scorecard>` (and nothing else). */
import { CouncilScorecard } from './council-scorecard.ts';

export { CouncilScorecard, type ScorecardSelectDetail } from './council-scorecard.ts';

// A page may load this entry and the full bundle; the first definition wins instead of throwing.
if (globalThis.customElements && !customElements.get('council-scorecard')) customElements.define('council-scorecard', CouncilScorecard);
