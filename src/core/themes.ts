/**
 * Themes among free-text comments, and the comments that show them best: what `<journey-painpoints>` lists
 * per journey stage as "the most frequent themes among negative comments" plus a few verbatims.
 *
 * A theme is a word or a two-word phrase counted by document frequency (how many comments mention it), so
 * one angry comment repeating "portal portal portal" weighs what any other comment weighs. Comments in one
 * file mix English, Arabic, Greek, Hungarian and Polish, so stop words are the union of those five lists of
 * the `stopword` package; there is no stemming ("waiting" and "waited" are two themes).
 *
 * Comments arrive already redacted. The redaction placeholders (`[email]`, `[phone]`, …) are cut out before
 * segmentation, as the segmenter would otherwise hand back "email" and "phone" as ordinary words.
 *
 * Scanning the text is most of the cost, so a caller wanting both themes and verbatims scans once with
 * {@link scanComments} and hands the result to both; each also takes the plain strings.
 *
 * Pure and DOM-free: it runs in the page, in a Web Worker and in Node 20+. Results do not depend on the
 * engine: ties are broken by UTF-16 code-unit order, never by `localeCompare`.
 */
import { ara, ell, eng, hun, pol } from 'stopword';

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

export interface TokenizeOptions {
  /**
   * Run Intl.Segmenter over the whole text instead of only over the pieces the whitespace fast path cannot
   * settle. Same result, about ten times slower; it exists so tests can prove the fast path agrees.
   */
  readonly segmenterOnly?: boolean;
}

const DEFAULT_LIMIT = 8;
const DEFAULT_MIN_COUNT = 2;
/**
 * A listed phrase drops each of its words counted at most this many times the phrase: such a word says little
 * on its own, since nearly every comment using it uses the phrase. "waiting" (12 comments) goes when "waiting
 * time" (10) is listed; "portal" (30) stays beside "portal down" (10).
 */
const PHRASE_ABSORBS_WORD = 1.25;
/** Shorter tokens are initials and stray letters; the stop lists catch the short function words. */
const MIN_WORD_LENGTH = 2;
/**
 * Function words the `stopword` lists lack (its Greek list has 75 words, its English one no "not") and that
 * otherwise top the sample data's themes: "μου" (my) ranked first over all five languages, "not" first in
 * English. Kept to words no one would call a theme; content words, however common ("form", "fee"), stay.
 */
const STOP_LIST_GAPS = ['not', 'nothing', 'why', "it's", 'μου', 'μια', 'ένα', 'ήταν', 'γιατί'];

/**
 * Any bracketed ASCII word, not just today's six kinds, so a placeholder the redaction step learns later
 * (`[name]`, `[address]`) can never surface as a theme. A genuine "[sic]" is lost, which costs nothing.
 */
const PLACEHOLDER = /\[[A-Za-z][A-Za-z_-]*\]/g;

/*
 * The whitespace fast path. Intl.Segmenter costs about 1 µs per segment (1.8 s for 100k short comments in
 * V8), far over budget, yet for space-separated alphabetic scripts its answer is fixed by UAX #29: a run of
 * letters, digits and combining marks never breaks inside (WB4, WB5, WB8–WB10), whitespace always breaks, and
 * punctuation at either end of a whitespace-delimited piece cannot join it (WB6/7 and WB11/12 need a letter
 * or digit on both sides). So a piece shaped [punctuation] word [punctuation] is settled by a character
 * table, and only the rest (e-mail, it's, 12.5, Hebrew, CJK, emoji, soft hyphens) goes to the segmenter.
 *
 * The classes are deliberately narrow; a character in none of them (0) sends its piece to the segmenter.
 * Words: Basic/Extended Latin, modern Greek, Cyrillic and core Arabic letters and digits, all ALetter or
 * Numeric, plus their combining marks (Extend). Edge punctuation: \p{P} of the Latin, Greek, Arabic, general
 * and CJK punctuation and full-width blocks, minus connectors (\p{Pc}, ExtendNumLet, which glue onto letters)
 * and U+066B, which ICU keeps inside a word. U+202F is not a space: UAX #29 makes it ExtendNumLet, joining
 * "abc\u202Fdef" into one word. Tests hold every edge punctuation character against the segmenter.
 */
const SPACE = 1;
const LINE_BREAK = 2;
const WORD_START = 3;
/** A combining mark: inside a word it belongs to it (WB4); a piece starting with one falls back. */
const WORD_MARK = 4;
const EDGE_PUNCT = 5;

const WORD_START_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x30, 0x39], [0x41, 0x5a], [0x61, 0x7a], [0xc0, 0xd6], [0xd8, 0xf6], [0xf8, 0x24f],
  [0x386, 0x386], [0x388, 0x38a], [0x38c, 0x38c], [0x38e, 0x3a1], [0x3a3, 0x3f5], [0x3f7, 0x481], [0x48a, 0x52f],
  [0x620, 0x64a], [0x660, 0x669], [0x66e, 0x66f], [0x671, 0x6d3], [0x6d5, 0x6d5], [0x6f0, 0x6fc], [0x1e00, 0x1eff],
];
const WORD_MARK_RANGES: ReadonlyArray<readonly [number, number]> = [[0x300, 0x36f], [0x64b, 0x65f], [0x670, 0x670]];
const EDGE_PUNCT_BLOCKS: ReadonlyArray<readonly [number, number]> = [
  [0x00, 0xff], [0x370, 0x3ff], [0x600, 0x6ff], [0x2000, 0x206f], [0x3000, 0x303f], [0xff00, 0xffef],
];
const EDGE_PUNCT_CHAR = /[\p{Pd}\p{Ps}\p{Pe}\p{Pi}\p{Pf}\p{Po}]/u;
const INNER_PUNCT = [0x66b];
const SPACES = [
  0x09, 0x20, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x205f, 0x3000,
];
const LINE_BREAKS = [0x0a, 0x0b, 0x0c, 0x0d, 0x85, 0x2028, 0x2029];

let charClasses: Uint8Array | undefined;

/** Built once, in well under a millisecond: a class per UTF-16 unit. Surrogates stay 0, so astral text falls back. */
function classes(): Uint8Array {
  if (charClasses) return charClasses;
  const table = new Uint8Array(0x10000);
  for (const [from, to] of EDGE_PUNCT_BLOCKS) {
    for (let unit = from; unit <= to; unit++) if (EDGE_PUNCT_CHAR.test(String.fromCharCode(unit))) table[unit] = EDGE_PUNCT;
  }
  for (const unit of INNER_PUNCT) table[unit] = 0;
  for (const [from, to] of WORD_START_RANGES) table.fill(WORD_START, from, to + 1);
  for (const [from, to] of WORD_MARK_RANGES) table.fill(WORD_MARK, from, to + 1);
  for (const unit of SPACES) table[unit] = SPACE;
  for (const unit of LINE_BREAKS) table[unit] = LINE_BREAK;
  charClasses = table;
  return table;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const SEGMENT_BREAK = /[^\t \xa0\u1680\u2000-\u200a\u205f\u3000]/;
const LETTER = /\p{L}/u;
const GREEK = /[\u0370-\u03ff\u1f00-\u1fff]/;
/** Harakat, superscript alef and tatweel: optional in writing, so "قصيرًا" and "قصيرا" are one word. */
const ARABIC_OPTIONAL = /[\u0640\u064b-\u065f\u0670]/g;
const COMBINING_MARK = /\p{M}/gu;

let wordSegmenter: Intl.Segmenter | undefined;
let stopWordSet: ReadonlySet<string> | undefined;

/**
 * The key two spellings of one word share. Greek drops accents and final sigma (ς→σ), because capitals
 * carry no tonos — "ΑΝΑΜΟΝΗΣ" is "αναμονής" — and because that is the form the `stopword` Greek list uses.
 * Arabic drops its optional vowel marks. Latin diacritics stay: Hungarian "kér" and "ker" are different words.
 * The typographic apostrophe becomes the ASCII one. Expects lower-case NFC input.
 */
function foldWord(word: string): string {
  let key = word;
  if (GREEK.test(key)) key = key.normalize('NFD').replace(COMBINING_MARK, '').replaceAll('ς', 'σ').normalize('NFC');
  else key = key.replace(ARABIC_OPTIONAL, '');
  return key.includes('\u2019') ? key.replaceAll('\u2019', "'") : key;
}

function stopWords(): ReadonlySet<string> {
  // Folded like the tokens they are compared with, so accented or vowelled list entries still match.
  stopWordSet ??= new Set([eng, ara, ell, hun, pol, STOP_LIST_GAPS].flat().map((word) => foldWord(word.normalize('NFC').toLowerCase())));
  return stopWordSet;
}

function segmenter(): Intl.Segmenter {
  wordSegmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
  return wordSegmenter;
}

/** A word as written (lower-case NFC) and its term, which all spellings folding to the same key share. */
export interface Spelling {
  readonly form: string;
  readonly term: Term;
  /** Dense, from 0, in order of first appearance. */
  readonly id: number;
}

export interface Term {
  readonly key: string;
  /** Dense, from 0, in order of first appearance: an index for per-term arrays. */
  readonly id: number;
}

/**
 * The words met so far. One per scan, never global, so a long-lived worker does not grow it forever. Handing
 * out shared objects keeps the hot loop to one string-keyed lookup per word; after that, everything goes by
 * object identity or integer id.
 */
export interface Vocabulary {
  /** The spelling of a lower-case word, or undefined when it is not theme material. */
  readonly spell: (word: string) => Spelling | undefined;
  /** By spelling id. */
  readonly spellings: readonly Spelling[];
}

function createVocabulary(): Vocabulary {
  const stop = stopWords();
  const byWord = new Map<string, Spelling | null>();
  const terms = new Map<string, Term>();
  const spellings: Spelling[] = [];
  const spell = (word: string): Spelling | undefined => {
    let spelling = byWord.get(word);
    if (spelling === undefined) {
      const key = foldWord(word);
      // Numbers (any script's digits, "12.5") carry no letter; they are amounts, not themes.
      if (!LETTER.test(key) || codePointLength(key) < MIN_WORD_LENGTH || stop.has(key)) spelling = null;
      else {
        let term = terms.get(key);
        if (term === undefined) terms.set(key, (term = { key, id: terms.size }));
        spelling = { form: word, term, id: spellings.length };
        spellings.push(spelling);
      }
      byWord.set(word, spelling);
    }
    return spelling ?? undefined;
  };
  return { spell, spellings };
}

function codePointLength(text: string): number {
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0xdc00 || unit > 0xdfff) length++;
  }
  return length;
}

/**
 * Called for each kept word, with whether it directly follows the previous kept word — nothing between them
 * but spaces. Punctuation, a line break, a placeholder or a dropped word (stop word, number) in between ends
 * the phrase, so "the portal. Error" never yields "portal error".
 */
type WordSink = (spelling: Spelling, joined: boolean) => void;

function scanWords(text: string, vocabulary: Vocabulary, sink: WordSink, segmenterOnly = false): void {
  let lower = text.includes('[') ? text.replace(PLACEHOLDER, '\n') : text;
  lower = lower.normalize('NFC').toLowerCase();
  let joined = false;
  const take = (word: string): void => {
    const spelling = vocabulary.spell(word);
    if (spelling === undefined) joined = false;
    else {
      sink(spelling, joined);
      joined = true;
    }
  };
  const segmentPiece = (piece: string): void => {
    for (const { segment, isWordLike } of segmenter().segment(piece)) {
      if (isWordLike) take(segment);
      else if (SEGMENT_BREAK.test(segment)) joined = false;
    }
  };
  if (segmenterOnly) {
    segmentPiece(lower);
    return;
  }
  const table = classes();
  const length = lower.length;
  let at = 0;
  while (at < length) {
    const first = table[lower.charCodeAt(at)];
    if (first === SPACE || first === LINE_BREAK) {
      if (first === LINE_BREAK) joined = false;
      at++;
      continue;
    }
    // One whitespace-delimited piece: is it [punctuation] word [punctuation]?
    let end = at;
    let wordStart = -1;
    let wordEnd = -1;
    let simple = true;
    for (; end < length; end++) {
      const kind = table[lower.charCodeAt(end)];
      if (kind === SPACE || kind === LINE_BREAK) break;
      if (!simple) continue;
      if (wordStart < 0) {
        if (kind === WORD_START) wordStart = end;
        else if (kind !== EDGE_PUNCT) simple = false;
      } else if (wordEnd < 0) {
        if (kind === EDGE_PUNCT) wordEnd = end;
        else if (kind !== WORD_START && kind !== WORD_MARK) simple = false;
      } else if (kind !== EDGE_PUNCT) simple = false;
    }
    if (simple && wordStart >= 0) {
      if (wordEnd < 0) wordEnd = end;
      if (wordStart > at) joined = false;
      take(lower.slice(wordStart, wordEnd));
      if (wordEnd < end) joined = false;
    } else if (simple) {
      joined = false;
    } else {
      const piece = lower.slice(at, end);
      if (LETTER_OR_DIGIT.test(piece)) segmentPiece(piece);
      else joined = false;
    }
    at = end;
  }
}

/**
 * The kept words of `text`, lower-case as written (NFC), in runs of words that directly follow each other —
 * a run ends at punctuation, a line break, a placeholder or a dropped word. Stop words, numbers and
 * one-letter words are removed; every pair of neighbours within a run is a candidate phrase.
 */
export function tokenize(text: string, options: TokenizeOptions = {}): string[][] {
  const runs: string[][] = [];
  const sink: WordSink = ({ form }, joined) => {
    if (joined) runs[runs.length - 1]!.push(form);
    else runs.push([form]);
  };
  scanWords(text, createVocabulary(), sink, options.segmenterOnly);
  return runs;
}

/**
 * Comments scanned once, for {@link extractThemes} and {@link pickVerbatims} to share. Comment i's kept
 * words are `words[starts[i]]` up to `words[starts[i + 1]]` (exclusive), each a spelling id × 2, plus 1 when
 * it directly follows the previous kept word.
 */
export interface ScannedComments {
  readonly comments: readonly string[];
  readonly words: Int32Array;
  readonly starts: Int32Array;
  readonly vocabulary: Vocabulary;
}

export function scanComments(comments: readonly string[]): ScannedComments {
  const vocabulary = createVocabulary();
  let words = new Int32Array(Math.max(1024, comments.length * 8));
  let length = 0;
  const starts = new Int32Array(comments.length + 1);
  const sink: WordSink = (spelling, joined) => {
    if (length === words.length) {
      const grown = new Int32Array(words.length * 2);
      grown.set(words);
      words = grown;
    }
    words[length++] = spelling.id * 2 + (joined ? 1 : 0);
  };
  for (let i = 0; i < comments.length; i++) {
    starts[i] = length;
    scanWords(comments[i]!, vocabulary, sink);
  }
  starts[comments.length] = length;
  return { comments, words: words.subarray(0, length), starts, vocabulary };
}

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
