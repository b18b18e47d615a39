/**
 * Reading words out of free-text comments: which words a comment holds, in what spelling, folded to what key,
 * and which of them directly follow each other. `themes.ts` counts and ranks what this finds.
 *
 * Word boundaries are Intl.Segmenter's (UAX #29). The segmenter is far too slow to run over every comment, so
 * a character table settles the common whitespace-delimited word and only the rest goes to the segmenter. The
 * table is a fast path, not a second definition of a word: tests hold it against the segmenter, character by
 * character (`segmenterOnly`).
 *
 * Comments in one file mix English, Arabic, Greek, Hungarian and Polish, so stop words are the union of those
 * five lists of the `stopword` package; there is no stemming ("waiting" and "waited" are two themes).
 *
 * Comments arrive already redacted. The redaction placeholders (`[email]`, `[phone]`, …) are cut out before
 * segmentation, as the segmenter would otherwise hand back "email" and "phone" as ordinary words.
 *
 * Pure and DOM-free: it runs in the page, in a Web Worker and in Node 20+.
 */
import { ara, ell, eng, hun, pol } from 'stopword';

export interface TokenizeOptions {
  /**
   * Run Intl.Segmenter over the whole text instead of only over the pieces the whitespace fast path cannot
   * settle. Same result, about ten times slower; it exists so tests can prove the fast path agrees.
   */
  readonly segmenterOnly?: boolean;
}

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
export type WordSink = (spelling: Spelling, joined: boolean) => void;

/** Exported for `themes.ts`, which reads theme labels with a scan's own vocabulary to find them in comments. */
export function scanWords(text: string, vocabulary: Vocabulary, sink: WordSink, segmenterOnly = false): void {
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
