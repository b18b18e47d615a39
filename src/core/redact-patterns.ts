/**
 * The patterns of redact.ts, kept apart so the redactor reads as its passes. Every pattern is linear
 * (see the note at the end of redact.ts' header): separators are mandatory between repeated digit
 * groups, lookbehinds stop a match from starting inside a run, repetition counts are bounded, and each
 * candidate is judged in plain code afterwards.
 *
 * Digits are ASCII, Arabic-Indic (U+0660), Extended Arabic-Indic (U+06F0) and full-width (U+FF10, as
 * typed with East Asian input methods or pasted to dodge filters); `＋` and `＠` count as `+` and `@`.
 */
/** A decimal digit in the scripts we read: ASCII, Arabic-Indic, Extended Arabic-Indic, full-width. */
export const D = '[0-9\\u0660-\\u0669\\u06F0-\\u06F9\\uFF10-\\uFF19]';
export const SPACE = '[ \\u00a0\\u202f]';
export const MIN_NUMBER_DIGITS = 6;

export const MAY_HOLD_PERSONAL_DATA = /[0-9\u0660-\u0669\u06F0-\u06F9\uFF10-\uFF19@\uFF20]/;
/** Digits other than ASCII, and the full-width plus: what toAsciiDigits rewrites (one code unit each, so offsets hold). */
export const NON_ASCII_DIGIT = /[\u0660-\u0669\u06F0-\u06F9\uFF10-\uFF19\uFF0B]/;
export const NON_ASCII_DIGITS = /[\u0660-\u0669\u06F0-\u06F9\uFF10-\uFF19\uFF0B]/g;

/**
 * Invisible format characters: soft hyphen, Arabic letter mark, Mongolian vowel separator, zero-width
 * space/joiners, LRM/RLM, bidi embeddings, overrides and isolates, word joiner, invisible operators,
 * BOM. Typed inside an address or a number they would hide it from every pattern while the page still
 * shows it whole, so they are removed where they touch a digit, `@` or `+`; the ones that never belong
 * inside a word are also removed between two characters of a word or an address. Zero-width (non-)joiners
 * and direction marks between letters stay: Persian and Arabic spelling and emoji sequences need them.
 */
export const INVISIBLE = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;
const INVISIBLE_CLASS = '[\\u00AD\\u061C\\u180E\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u2069\\uFEFF]';
const NEVER_IN_WORD_CLASS = '[\\u00AD\\u180E\\u200B\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u2069\\uFEFF]';
const TOUCHES = `[0-9\\u0660-\\u0669\\u06F0-\\u06F9\\uFF10-\\uFF19@\\uFF20+\\uFF0B]`;
const WORD_OR_ADDRESS = `[\\p{L}\\p{N}@\\uFF20._%+'\\-]`;
export const HIDING_CHARACTERS = new RegExp(
  `(?<=${TOUCHES})${INVISIBLE_CLASS}+|${INVISIBLE_CLASS}+(?=${TOUCHES})|(?<=${WORD_OR_ADDRESS})${NEVER_IN_WORD_CLASS}+(?=${WORD_OR_ADDRESS})`,
  'gu',
);
export const WORD_CHARACTER = /[\p{L}\p{N}]/u;

// Joiners and direction marks (U+200C–U+200F, U+061C) may sit between the letters of an address: they stay in words (see INVISIBLE), so the address takes them in.
export const EMAIL = /(?<![\p{L}\p{N}._%+'\u200C-\u200F\u061C-])[\p{L}\p{N}._%+'\u200C-\u200F\u061C-]+[@\uFF20](?:[\p{L}\p{N}](?:[\p{L}\p{N}\u200C-\u200F\u061C-]*[\p{L}\p{N}])?\.)+\p{L}{2,}/gu;
// Greedy up to 35 characters; the callback cuts it to the country's length, so a word after it is not lost.
export const IBAN = /(?<![\p{L}\p{N}])[A-Za-z]{2}[0-9]{2}(?: ?[A-Za-z0-9]{4}){2,7}(?: ?[A-Za-z0-9]{1,3})?/gu;
/** Between card groups: a run of spaces (no line breaks), or one dash or dot. */
export const CARD_SEPARATOR = `(?:${SPACE}+|[.\\-])`;
// The lookahead for a digit comes first so the lookbehind, which reads back over a run of spaces, is only tried at a digit.
export const CARD = new RegExp(
  `(?=${D})(?<!${D}|${D}${CARD_SEPARATOR}|[+\\uFF0B\\p{L}])${D}(?:${CARD_SEPARATOR}?${D}){12,18}(?!${CARD_SEPARATOR}?${D})`,
  'gu',
);
export const CARD_GROUPING = new RegExp(
  `^(?:\\d{13,19}|\\d{4}(?:${CARD_SEPARATOR}\\d{4}){2,3}(?:${CARD_SEPARATOR}\\d{1,4})?|\\d{4}${CARD_SEPARATOR}\\d{6}${CARD_SEPARATOR}\\d{4,5})$`,
  'u',
);
export const NOT_DIGIT = /\D/g;
export const IPV6 = /(?<![\p{L}\p{N}:])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9]{1,3}(?:\.[0-9]{1,3}){3}|[0-9A-Fa-f]{1,4})?(?![\p{L}\p{N}:]|\.[0-9])/gu;
export const HEX_GROUP = /^[0-9A-Fa-f]{1,4}$/;
export const IPV4 = /(?<![\p{L}\p{N}.])[0-9]{1,3}(?:\.[0-9]{1,3}){3}(?![0-9]|\.[0-9])/gu;
export const PHONE_GROUPS = `${D}+(?:(?:[ .\\-]?\\(|\\)[ .\\-]?|[ .\\-])${D}+)*`;
// At most one slash, after a group of up to 5 digits (an area code) and before one of 3 or more.
export const PHONE = new RegExp(
  `(?<![\\p{L}\\p{N}_+\\uFF0B]|${D}[ .,/\\-])(?:[+\\uFF0B]|\\([+\\uFF0B]?)?${PHONE_GROUPS}(?:(?<!${D}{6}) ?/ ?(?=${D}{3})${PHONE_GROUPS})?\\)?`,
  'gu',
);
/** At most one pair of parentheses, opened before it is closed. */
export const PHONE_PARENTHESES = /^[^()]*(?:\([^()]*\)[^()]*)?$/;
export const DOTTED_PHONE = /^\+?\d+(?:\.\d+)+$/;
export const DATE_SHAPE = /^(?:\d{1,2}([./-])\d{1,2}\1\d{2,4}|\d{4}([./-])\d{1,2}\2\d{1,2})$/;
/**
 * 3-3-4 with the same dash, dot or space twice, or the area code in parentheses. A leading 1 (the trunk
 * prefix) needs an area code starting 2–9, as all of them do, so a version `1.100.200.3000` is not one.
 */
export const NORTH_AMERICAN = /^(?:1[ .-]?(?=\(?[2-9]))?(?:\d{3}([ .-])\d{3}\1\d{4}|\(\d{3}\)[ .-]?\d{3}[ .-]\d{4})$/;
export const MONTH_YEAR = /(?<!\d)(?:0?[1-9]|1[0-2]) ?\/ ?(?:19|20)\d\d(?!\d)/;
export const DIGIT_RUN = new RegExp(`(?<!${D})${D}+(?:(?:${SPACE}+|-)${D}+)*`, 'gu');
export const GROUP_SEPARATOR = new RegExp(`${SPACE}+|-`, 'u');
/** The end of a slashed date before a run: day and month (`15/03/`) or year and month (`2024/03/`). */
export const SLASHED_DATE_BEFORE = new RegExp(`(?<!${D}|/)(?:${D}{1,2}/${D}{1,2}/|${D}{4}/${D}{1,2}/)$`, 'u');
export const LONG_DIGIT_RUN = new RegExp(`${D}{${MIN_NUMBER_DIGITS},}`, 'gu');
export const DASH_DATE = new RegExp(
  `(?:^|${SPACE})(?:\\d{4}-(?:0?[1-9]|1[0-2])-(?:0?[1-9]|[12]\\d|3[01])|(?:0?[1-9]|[12]\\d|3[01])-(?:0?[1-9]|[12]\\d|3[01])-\\d{4})(?=$|${SPACE})`,
  'u',
);
export const YEAR = /^(?:19|20)\d\d$/;
export const THOUSANDS_GROUPED = new RegExp(`^\\d{1,3}(?:${SPACE}\\d{3})+$`, 'u');
export const DECIMALS_AFTER = new RegExp(`[.,]${D}{1,2}(?!${D})`, 'uy');
export const CURRENCY_AFTER = new RegExp(
  `(?:[.,]${D}{1,2}(?!${D}))?${SPACE}?(?:[€$£¥₹₺₽₴₪]|(?:ft|huf|zł|zl|pln|euros?|eur|usd|gbp|aed|sar|chf|czk|ron|lei|kč|kr|` +
    `dollars?|pounds?|forint\\p{L}*|złot\\p{L}*|zlot\\p{L}*|ευρώ|ευρω|dirhams?|dhs?|riyals?|درهم|دراهم|ريال|يورو|جنيه)(?!\\p{L}))`,
  'iuy',
);
export const CURRENCY_BEFORE = /(?:[€$£¥₹₺₽₴₪]|(?<!\p{L})(?:ft|huf|pln|eur|usd|gbp|aed|sar|chf|czk|ron|dhs?|sr|zł))[ \u00a0\u202f]?$/iu;
