/**
 * Registers every element, for a page that needs the elements and nothing else. Gallery pages load
 * `gallery.ts` instead (it registers them too, and adds the navigation and the copyable tags).
 */
import '../src/index.ts';
