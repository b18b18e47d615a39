/**
 * Themes among free-text comments, and the comments that show them best: what `<journey-painpoints>` lists
 * per journey stage as "the most frequent themes among negative comments" plus a few verbatims.
 *
 * A theme is a word or a two-word phrase counted by document frequency (how many comments mention it), so
 * one angry comment repeating "portal portal portal" weighs what any other comment weighs. The words, stop
 * words already dropped, come from `words.ts`.
 *
 * Scanning the text is most of the cost, so a caller wanting both themes and verbatims scans once with
 * {@link scanComments} and hands the result to both; each also takes the plain strings.
 *
 * Pure and DOM-free: it runs in the page, in a Web Worker and in Node 20+. Results do not depend on the
 * engine: ties are broken by UTF-16 code-unit order, never by `localeCompare`.
 */
import { scanComments, scanWords, type ScannedComments, type Spelling, type Term } from './words.ts';

export interface ThemeCount {
  readonly theme: string;
  /** Comments mentioning it (each comment counts once). */
  readonly count: number;
}

export interface ThemeOptions {
  /** At most this many themes; default 8. */
  readonly limit?: number;
  /** Themes mentioned by fewer comments are dropped; default 2, so one person's wording is never a "theme". */
  readonly minCount?: number;
}

const DEFAULT_LIMIT = 8;
const DEFAULT_MIN_COUNT = 2;
/**
 * A listed phrase drops each of its words counted at most this many times the phrase: such a word says little
 * on its own, since nearly every comment using it uses the phrase. "waiting" (12 comments) goes when "waiting
 * time" (10) is listed; "portal" (30) stays beside "portal down" (10).
 */
const PHRASE_ABSORBS_WORD = 1.25;

const scanned = (input: readonly string[] | ScannedComments): ScannedComments => ('starts' in input ? input : scanComments(input));

/** A theme's running count; `forms` appears once a second spelling does, to name the theme by its commonest. */
interface Tally {
  count: number;
  lastComment: number;
  readonly firstForm: string;
  forms?: Map<string, number>;
  /** Keys of its words: one for a word, two for a phrase, one for a categorical value however many words. */
  readonly parts: readonly string[];
}

/** A phrase also keeps the spellings it was first met in, to tell a new form by identity, not by text. */
interface PhraseTally extends Tally {
  readonly first: Spelling;
  readonly second: Spelling;
}

const newTally = (form: string, comment: number, parts: readonly string[]): Tally => ({
  count: 1,
  lastComment: comment,
  firstForm: form,
  parts,
});

/** Counts `comment` unless it already was; `form` is undefined when it is the first form, to skip building it. */
function countAgain(tally: Tally, comment: number, form: string | undefined): void {
  if (tally.lastComment === comment) return;
  tally.lastComment = comment;
  tally.count++;
  if (tally.forms === undefined && form === undefined) return;
  tally.forms ??= new Map([[tally.firstForm, tally.count - 1]]);
  const spelled = form ?? tally.firstForm;
  tally.forms.set(spelled, (tally.forms.get(spelled) ?? 0) + 1);
}

/**
 * The most frequent form. On a tie, the one with more diacritics, since capitals and hasty typing drop accents
 * but never add them ("ΕΙΠΑΝ" and "είπαν" show as "είπαν"); then the one met first, which depends only on the
 * input order.
 */
function commonestForm(tally: Tally): string {
  if (tally.forms === undefined) return tally.firstForm;
  const marks = (form: string): number => form.normalize('NFD').length - form.length;
  let best = tally.firstForm;
  let bestCount = 0;
  for (const [form, count] of tally.forms) {
    if (count > bestCount || (count === bestCount && marks(form) > marks(best))) {
      best = form;
      bestCount = count;
    }
  }
  return best;
}

interface Candidate {
  readonly theme: string;
  readonly count: number;
  readonly parts: readonly string[];
}

/** Count desc, then phrases before words, then code-unit order (identical in every engine, unlike localeCompare). */
function byRank(a: Candidate, b: Candidate): number {
  return b.count - a.count || b.parts.length - a.parts.length || (a.theme < b.theme ? -1 : a.theme > b.theme ? 1 : 0);
}

/**
 * Walks the tallies in rank order. A listed phrase drops a word of it that is listed (or comes later) with a
 * count of at most PHRASE_ABSORBS_WORD × the phrase's, freeing its slot. A phrase never outranks its words'
 * counts, so the word is either already listed (count above the phrase's) or comes right after it (a tie).
 */
function selectThemes(tallies: Iterable<Tally>, limit: number, minCount: number): ThemeCount[] {
  const candidates: Candidate[] = [];
  for (const tally of tallies) {
    if (tally.count >= minCount) candidates.push({ theme: commonestForm(tally), count: tally.count, parts: tally.parts });
  }
  candidates.sort(byRank);
  const listed: Candidate[] = [];
  const phraseCountByWord = new Map<string, number>();
  const absorbed = (word: Candidate, phraseCount: number): boolean => word.count <= PHRASE_ABSORBS_WORD * phraseCount;
  for (const candidate of candidates) {
    if (listed.length >= limit) break;
    if (candidate.parts.length === 1) {
      const phraseCount = phraseCountByWord.get(candidate.parts[0]!);
      if (phraseCount === undefined || !absorbed(candidate, phraseCount)) listed.push(candidate);
      continue;
    }
    for (const part of candidate.parts) {
      phraseCountByWord.set(part, Math.max(phraseCountByWord.get(part) ?? 0, candidate.count));
      const at = listed.findIndex((other) => other.parts.length === 1 && other.parts[0] === part);
      if (at >= 0 && absorbed(listed[at]!, candidate.count)) listed.splice(at, 1);
    }
    listed.push(candidate);
  }
  return listed.map(({ theme, count }) => ({ theme, count }));
}

function resolveOptions(options: ThemeOptions): { limit: number; minCount: number } {
  return { limit: Math.max(0, Math.floor(options.limit ?? DEFAULT_LIMIT)), minCount: Math.max(1, options.minCount ?? DEFAULT_MIN_COUNT) };
}

/**
 * Words and two-word phrases (bigrams) from Intl.Segmenter word segmentation.
 *
 * Each counted by the comments mentioning it, dropped under `minCount`, ranked by count, phrases before words
 * on a tie, then by code-unit order; a phrase absorbs its words as PHRASE_ABSORBS_WORD says. A theme is shown
 * in its commonest lower-case spelling.
 */
export function extractThemes(comments: readonly string[] | ScannedComments, options: ThemeOptions = {}): ThemeCount[] {
  const { limit, minCount } = resolveOptions(options);
  if (limit === 0) return [];
  const { starts, words: stream, vocabulary } = scanned(comments);
  const { spellings } = vocabulary;
  // By term id; a phrase by its first word's term id, then its second's.
  const words: Tally[] = [];
  const phrases: Array<Map<number, PhraseTally> | undefined> = [];
  for (let comment = 0; comment + 1 < starts.length; comment++) {
    let previous: Spelling | undefined;
    for (let at = starts[comment]!; at < starts[comment + 1]!; at++) {
      const code = stream[at]!;
      const spelling = spellings[code >> 1]!;
      const { form, term } = spelling;
      const word = words[term.id];
      if (word === undefined) words[term.id] = newTally(form, comment, [term.key]);
      else countAgain(word, comment, form === word.firstForm ? undefined : form);
      // "very very" is emphasis, not a phrase.
      if ((code & 1) === 1 && previous !== undefined && previous.term !== term) {
        const following = (phrases[previous.term.id] ??= new Map());
        const phrase = following.get(term.id);
        if (phrase === undefined) {
          const parts = [previous.term.key, term.key];
          following.set(term.id, { ...newTally(`${previous.form} ${form}`, comment, parts), first: previous, second: spelling });
        } else {
          countAgain(phrase, comment, phrase.first === previous && phrase.second === spelling ? undefined : `${previous.form} ${form}`);
        }
      }
      previous = spelling;
    }
  }
  function* all(): Generator<Tally> {
    for (const word of words) if (word !== undefined) yield word;
    for (const following of phrases) if (following !== undefined) yield* following.values();
  }
  return selectThemes(all(), limit, minCount);
}

/**
 * Themes from a categorical `theme` column instead of text: counts of non-empty values, same ordering/limit
 * rules. Values are trimmed and compared ignoring case and runs of spaces; a theme is named by its commonest
 * spelling, capitals kept, since such labels come from a code frame someone wrote with care.
 */
export function countThemeValues(values: readonly string[], options: ThemeOptions = {}): ThemeCount[] {
  const { limit, minCount } = resolveOptions(options);
  if (limit === 0) return [];
  const tallies = new Map<string, Tally>();
  for (let row = 0; row < values.length; row++) {
    const value = values[row]!.normalize('NFC').trim().replace(/\s+/g, ' ');
    if (value === '') continue;
    const key = value.toLowerCase();
    const tally = tallies.get(key);
    if (tally === undefined) tallies.set(key, newTally(value, row, [key]));
    else countAgain(tally, row, value === tally.firstForm ? undefined : value);
  }
  return selectThemes(tallies.values(), limit, minCount);
}

/** Comments this long (UTF-16 units, trimmed) read as a verbatim; shorter say little, longer get skimmed. */
const VERBATIM_MIN_LENGTH = 40;
const VERBATIM_MAX_LENGTH = 280;
const LENGTH_FACTOR_FLOOR = 0.25;
/** After a pick, a theme it covered counts this much, so the next pick tends to show a different theme. */
const COVERED_THEME_WEIGHT = 0.25;

function lengthFactor(length: number): number {
  if (length < VERBATIM_MIN_LENGTH) return LENGTH_FACTOR_FLOOR + ((1 - LENGTH_FACTOR_FLOOR) * length) / VERBATIM_MIN_LENGTH;
  if (length <= VERBATIM_MAX_LENGTH) return 1;
  return Math.max(LENGTH_FACTOR_FLOOR, VERBATIM_MAX_LENGTH / length);
}

const duplicateKey = (text: string): string => text.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');

interface Mentions {
  readonly index: number;
  readonly factor: number;
  /** Indices into the themes. */
  readonly themes: readonly number[];
}

/**
 * Which themes each comment mentions. A word theme is mentioned by a comment that has the word; a phrase by
 * one that has its words next to each other; a longer categorical label by one that has every neighbouring
 * pair of its words. Only the few words of the themes are tracked, in stamp arrays, so nothing is allocated
 * per comment but the list of themes it mentions.
 */
function findMentions(scan: ScannedComments, themes: readonly ThemeCount[]): { mentioning: Mentions[]; others: number[] } {
  const { comments, starts, words: stream, vocabulary } = scan;
  const slotByTerm = new Map<Term, number>();
  const themeSlots: number[][] = [];
  const themePairs: Array<Array<readonly [number, number]>> = [];
  for (const { theme } of themes) {
    const slots: number[] = [];
    const pairs: Array<readonly [number, number]> = [];
    scanWords(theme, vocabulary, ({ term }, joined) => {
      let slot = slotByTerm.get(term);
      if (slot === undefined) slotByTerm.set(term, (slot = slotByTerm.size));
      if (joined) pairs.push([slots[slots.length - 1]!, slot]);
      slots.push(slot);
    });
    themeSlots.push(slots);
    themePairs.push(pairs);
  }
  const slotCount = slotByTerm.size;
  const slotOfSpelling = new Int32Array(vocabulary.spellings.length).fill(-1);
  for (const spelling of vocabulary.spellings) slotOfSpelling[spelling.id] = slotByTerm.get(spelling.term) ?? -1;
  // Stamped with comment index + 1, so nothing needs clearing between comments.
  const wordSeen = new Int32Array(slotCount);
  const pairSeen = new Int32Array(slotCount * slotCount);
  const mentioning: Mentions[] = [];
  const others: number[] = [];
  for (let index = 0; index < comments.length; index++) {
    const length = comments[index]!.trim().length;
    if (length === 0) continue;
    const stamp = index + 1;
    let previousSlot = -1;
    for (let at = starts[index]!; at < starts[index + 1]!; at++) {
      const code = stream[at]!;
      const slot = slotOfSpelling[code >> 1]!;
      if (slot >= 0) {
        wordSeen[slot] = stamp;
        if ((code & 1) === 1 && previousSlot >= 0) pairSeen[previousSlot * slotCount + slot] = stamp;
      }
      previousSlot = slot;
    }
    const mentioned: number[] = [];
    for (let t = 0; t < themes.length; t++) {
      const slots = themeSlots[t]!;
      const hasWords = slots.length > 0 && slots.every((slot) => wordSeen[slot] === stamp);
      if (hasWords && themePairs[t]!.every(([a, b]) => pairSeen[a * slotCount + b] === stamp)) mentioned.push(t);
    }
    if (mentioned.length > 0) mentioning.push({ index, factor: lengthFactor(length), themes: mentioned });
    else others.push(index);
  }
  return { mentioning, others };
}

/**
 * Indices into `comments` of up to `limit` representative comments, best first.
 *
 * Greedy: each round takes the comment with the highest  lengthFactor × Σ weight of the themes it mentions,
 * where a theme's weight starts at its count and drops to COVERED_THEME_WEIGHT of itself each time a pick
 * mentions it. Texts equal after trimming, case-folding and collapsing spaces are shown once. Ties go to the
 * earlier comment. If fewer than `limit` comments mention a theme, the rest are filled with the other
 * non-empty comments by length factor, then position.
 */
export function pickVerbatims(comments: readonly string[] | ScannedComments, themes: readonly ThemeCount[], limit: number): number[] {
  const wanted = Math.max(0, Math.floor(limit));
  if (wanted === 0) return [];
  const scan = scanned(comments);
  const texts = scan.comments;
  const { mentioning, others } = findMentions(scan, themes);
  const picked: number[] = [];
  const shown = new Set<string>();
  const weights = themes.map((theme) => theme.count);
  const done = new Uint8Array(mentioning.length);
  while (picked.length < wanted) {
    let best = -1;
    let bestScore = 0;
    for (let i = 0; i < mentioning.length; i++) {
      if (done[i]) continue;
      const candidate = mentioning[i]!;
      let score = 0;
      for (const t of candidate.themes) score += weights[t]!;
      score *= candidate.factor;
      if (score > bestScore) {
        best = i;
        bestScore = score;
      }
    }
    if (best < 0) break;
    done[best] = 1;
    const { index, themes: covered } = mentioning[best]!;
    const key = duplicateKey(texts[index]!);
    if (shown.has(key)) continue;
    shown.add(key);
    picked.push(index);
    for (const t of covered) weights[t]! *= COVERED_THEME_WEIGHT;
  }
  if (picked.length < wanted) {
    // Comments whose themes all weigh nothing (a count of 0) were never picked; they fill up like the rest.
    const filler = others.concat(mentioning.filter((_, i) => !done[i]).map(({ index }) => index));
    const factors = new Map(filler.map((index) => [index, lengthFactor(texts[index]!.trim().length)]));
    filler.sort((a, b) => factors.get(b)! - factors.get(a)! || a - b);
    for (const index of filler) {
      if (picked.length >= wanted) break;
      const key = duplicateKey(texts[index]!);
      if (shown.has(key)) continue;
      shown.add(key);
      picked.push(index);
    }
  }
  return picked;
}
