/**
 * Replaces personal data in free-text comments before any text leaves the worker, so dashboards never
 * show an address, a phone number or an account. Pure and DOM-free: it runs in the page, in a worker
 * and in Node.
 *
 * The passes run in this order, each on what the earlier ones left. Order matters: an e-mail address
 * may hold digits, an IBAN or a card number is also a long digit run, and an IP address looks like a
 * dotted number.
 *
 * 1. `[email]`  local@domain.tld — Unicode letters, plus-addressing and subdomains; the last label must
 *    be two or more letters, so `a@b` and `x@1.2` stay.
 * 2. `[iban]`   two letters, two check digits, then letters and digits, grouped in fours by spaces or
 *    not, any case. Kept only if the country is in the length table, the length is that country's and
 *    ISO 7064 mod 97-10 gives 1. One that fails is left to pass 6, which takes its digits (`HU[number]`).
 * 3. `[card]`   13–19 digits, not starting with 0, written solid or in fours (Amex 4-6-5, Diners 4-6-4),
 *    the groups split by runs of spaces (not line breaks), single dashes or single dots, in any mix,
 *    passing Luhn. Dotted dates, versions and IPv4 addresses have too few digits or are not in fours.
 *    An invalid one becomes `[number]`: here if it has a dot, since pass 6 never joins across dots,
 *    else in pass 6.
 * 4. `[ip]`     IPv6 (full, `::`-compressed, with a dotted IPv4 tail), then IPv4 with octets 0–255 that
 *    is not part of a longer dotted number (`1.2.3.4.5`) and not after a letter (`v1.2.3.4`). Times
 *    (`12:30`, `10:15:00`) and MAC addresses are not eight groups and have no `::`, so they stay.
 * 5. `[phone]`  `+<country>` or `00<country>` followed by 8–15 digits, a national number that starts
 *    with a trunk 0 or an area code in parentheses and has 8–12 digits in two or more groups, or a North
 *    American 3-3-4 (`555-123-4567`, `555.123.4567`, `(555) 123-4567`, `1 555 123 4567`). Groups are
 *    split by single spaces, dashes, dots (dots only on their own, so `09.30-10.30` and `15.03.2024`
 *    stay), parentheses, or one slash after an area code of up to 5 digits with 3 or more digits after
 *    it (`050/123 45 67`, `030 / 1234567`); other slashes end the number, so `15/03/2024`, `05/2024`
 *    and `24/7` stay. Date-shaped runs are never phones. An extension (`ext. 12`) is left.
 * 6. `[number]` a run of 6 or more digits. Groups joined by runs of spaces or single dashes count as one
 *    number (`1177 3016 1111 1018`, `512 345 678`, `123-45-6789`) if one group has 3 or more digits or
 *    there are 8 or more digits in all — so scores side by side (`10 10 10`) stay — unless the run holds
 *    a dash date (`2024-03-15`) or is a year with days and months or other years (`March 15 2024`,
 *    `2019-2024`); then only groups of 6+ digits inside it go. A run that continues a dotted number or a
 *    slashed date (`15.03.2024 …`, `4.5 …`, `15/03/2024 …`, not `050/…`) gives its first group to it, and
 *    one that runs into a time (`… 10:30`) gives its last; those groups go only if they have 6+ digits,
 *    and the groups between are judged as a run of their own (`15.03.2024 4111 1111 1111 1112`).
 *
 * Amounts are never redacted as phone, IP or number: a run with a currency sign, code or word right
 * before or after (`€1 250 000`, `1 250 000 Ft`, `AED 1500000`, `1.250.000.000 Ft`), or grouped in
 * thousands with a decimal part after (`1 250 000,00`). Thousands grouped by spaces with no currency
 * and no decimals (`1 250 000`) are indistinguishable from a phone number (`512 345 678`) and are
 * redacted: a leaked number costs more than a hidden amount. Commas never join digits, and dots only
 * join card groups of four, so `€1,250.00` and `1.250,00 €` have no run of 6.
 *
 * Digits are ASCII and Arabic-Indic (٠–٩, U+0660) or Extended Arabic-Indic (۰–۹, U+06F0, Persian and
 * Urdu), since Arabic comments write phone and account numbers either way; cards, phones and numbers
 * see them, validated on their values. IBANs, IPs and e-mail domains are ASCII by standard. Other
 * scripts' digits are not looked at. Not covered: national phone numbers with no trunk 0 or
 * parentheses that are not 3-3-4 (`512 345 678`), and phones with runs of spaces (`+36 30  123 4567`),
 * are `[number]`, not `[phone]`; an 8-digit date with no separators (`20240315`) is `[number]`; an IPv6
 * address made only of letters (`dead::beef`) and addresses inside a text with neither a digit nor `@`
 * are never looked for.
 *
 * Each pattern is linear: separators are mandatory between repeated digit groups, lookbehinds stop a
 * match from starting inside a run (the card's, which reads back over a run of spaces, only at a digit),
 * repetition counts are bounded, and every candidate is judged in plain code afterwards rather than by
 * backtracking.
 */
import { digitValue, ibanLength, ibanValid, luhnValid } from './checksums.ts';

export type RedactionKind = 'email' | 'phone' | 'ip' | 'iban' | 'card' | 'number';

export const REDACTION_PLACEHOLDERS: Readonly<Record<RedactionKind, string>> = Object.freeze({
  email: '[email]',
  phone: '[phone]',
  ip: '[ip]',
  iban: '[iban]',
  card: '[card]',
  number: '[number]',
});

export interface RedactionResult {
  readonly text: string;
  readonly counts: Readonly<Record<RedactionKind, number>>;
}

/** A decimal digit in the scripts we read: ASCII, Arabic-Indic, Extended Arabic-Indic. */
const D = '[0-9\\u0660-\\u0669\\u06F0-\\u06F9]';
const SPACE = '[ \\u00a0\\u202f]';
const MIN_NUMBER_DIGITS = 6;

const MAY_HOLD_PERSONAL_DATA = /[0-9\u0660-\u0669\u06F0-\u06F9@]/;
const NON_ASCII_DIGIT = /[\u0660-\u0669\u06F0-\u06F9]/;
const NON_ASCII_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;
const WORD_CHARACTER = /[\p{L}\p{N}]/u;

const EMAIL = /(?<![\p{L}\p{N}._%+'-])[\p{L}\p{N}._%+'-]+@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,}/gu;
// Greedy up to 35 characters; the callback cuts it to the country's length, so a word after it is not lost.
const IBAN = /(?<![\p{L}\p{N}])[A-Za-z]{2}[0-9]{2}(?: ?[A-Za-z0-9]{4}){2,7}(?: ?[A-Za-z0-9]{1,3})?/gu;
/** Between card groups: a run of spaces (no line breaks), or one dash or dot. */
const CARD_SEPARATOR = `(?:${SPACE}+|[.\\-])`;
// The lookahead for a digit comes first so the lookbehind, which reads back over a run of spaces, is only tried at a digit.
const CARD = new RegExp(
  `(?=${D})(?<!${D}|${D}${CARD_SEPARATOR}|[+\\p{L}])${D}(?:${CARD_SEPARATOR}?${D}){12,18}(?!${CARD_SEPARATOR}?${D})`,
  'gu',
);
const CARD_GROUPING = new RegExp(
  `^(?:\\d{13,19}|\\d{4}(?:${CARD_SEPARATOR}\\d{4}){2,3}(?:${CARD_SEPARATOR}\\d{1,4})?|\\d{4}${CARD_SEPARATOR}\\d{6}${CARD_SEPARATOR}\\d{4,5})$`,
  'u',
);
const NOT_DIGIT = /\D/g;
const IPV6 = /(?<![\p{L}\p{N}:])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9]{1,3}(?:\.[0-9]{1,3}){3}|[0-9A-Fa-f]{1,4})?(?![\p{L}\p{N}:]|\.[0-9])/gu;
const HEX_GROUP = /^[0-9A-Fa-f]{1,4}$/;
const IPV4 = /(?<![\p{L}\p{N}.])[0-9]{1,3}(?:\.[0-9]{1,3}){3}(?![0-9]|\.[0-9])/gu;
const PHONE_GROUPS = `${D}+(?:(?:[ .\\-]?\\(|\\)[ .\\-]?|[ .\\-])${D}+)*`;
// At most one slash, after a group of up to 5 digits (an area code) and before one of 3 or more.
const PHONE = new RegExp(
  `(?<![\\p{L}\\p{N}_+]|${D}[ .,/\\-])(?:\\+|\\(\\+?)?${PHONE_GROUPS}(?:(?<!${D}{6}) ?/ ?(?=${D}{3})${PHONE_GROUPS})?\\)?`,
  'gu',
);
/** At most one pair of parentheses, opened before it is closed. */
const PHONE_PARENTHESES = /^[^()]*(?:\([^()]*\)[^()]*)?$/;
const DOTTED_PHONE = /^\+?\d+(?:\.\d+)+$/;
const DATE_SHAPE = /^(?:\d{1,2}([./-])\d{1,2}\1\d{2,4}|\d{4}([./-])\d{1,2}\2\d{1,2})$/;
/**
 * 3-3-4 with the same dash, dot or space twice, or the area code in parentheses. A leading 1 (the trunk
 * prefix) needs an area code starting 2–9, as all of them do, so a version `1.100.200.3000` is not one.
 */
const NORTH_AMERICAN = /^(?:1[ .-]?(?=\(?[2-9]))?(?:\d{3}([ .-])\d{3}\1\d{4}|\(\d{3}\)[ .-]?\d{3}[ .-]\d{4})$/;
const MONTH_YEAR = /(?<!\d)(?:0?[1-9]|1[0-2]) ?\/ ?(?:19|20)\d\d(?!\d)/;
const DIGIT_RUN = new RegExp(`(?<!${D})${D}+(?:(?:${SPACE}+|-)${D}+)*`, 'gu');
const GROUP_SEPARATOR = new RegExp(`${SPACE}+|-`, 'u');
/** The end of a slashed date before a run: day and month (`15/03/`) or year and month (`2024/03/`). */
const SLASHED_DATE_BEFORE = new RegExp(`(?<!${D}|/)(?:${D}{1,2}/${D}{1,2}/|${D}{4}/${D}{1,2}/)$`, 'u');
const LONG_DIGIT_RUN = new RegExp(`${D}{${MIN_NUMBER_DIGITS},}`, 'gu');
const DASH_DATE = new RegExp(
  `(?:^|${SPACE})(?:\\d{4}-(?:0?[1-9]|1[0-2])-(?:0?[1-9]|[12]\\d|3[01])|(?:0?[1-9]|[12]\\d|3[01])-(?:0?[1-9]|[12]\\d|3[01])-\\d{4})(?=$|${SPACE})`,
  'u',
);
const YEAR = /^(?:19|20)\d\d$/;
const THOUSANDS_GROUPED = new RegExp(`^\\d{1,3}(?:${SPACE}\\d{3})+$`, 'u');
const DECIMALS_AFTER = new RegExp(`[.,]${D}{1,2}(?!${D})`, 'uy');
const CURRENCY_AFTER = new RegExp(
  `(?:[.,]${D}{1,2}(?!${D}))?${SPACE}?(?:[€$£¥₹₺₽₴₪]|(?:ft|huf|zł|zl|pln|euros?|eur|usd|gbp|aed|sar|chf|czk|ron|lei|kč|kr|` +
    `dollars?|pounds?|forint\\p{L}*|złot\\p{L}*|zlot\\p{L}*|ευρώ|ευρω|dirhams?|dhs?|riyals?|درهم|دراهم|ريال|يورو|جنيه)(?!\\p{L}))`,
  'iuy',
);
const CURRENCY_BEFORE = /(?:[€$£¥₹₺₽₴₪]|(?<!\p{L})(?:ft|huf|pln|eur|usd|gbp|aed|sar|chf|czk|ron|dhs?|sr|zł))[ \u00a0\u202f]?$/iu;

/**
 * Counts for the call in progress. Module scope rather than a closure per call: the replace callbacks
 * are then allocated once, which matters over 100k comments. Calls never interleave (they are synchronous).
 */
const found: Record<RedactionKind, number> = { email: 0, phone: 0, ip: 0, iban: 0, card: 0, number: 0 };
const NOTHING_FOUND: Readonly<Record<RedactionKind, number>> = Object.freeze({ ...found });

export function redactPersonalData(text: string): RedactionResult {
  const redacted = redactAndCount(text);
  const { email, phone, ip, iban, card, number } = found;
  const counts = email + phone + ip + iban + card + number === 0 ? NOTHING_FOUND : { email, phone, ip, iban, card, number };
  return { text: redacted, counts };
}

/** Convenience: just the text. */
export function redact(text: string): string {
  return redactAndCount(text);
}

function redactAndCount(text: string): string {
  found.email = found.phone = found.ip = found.iban = found.card = found.number = 0;
  if (!MAY_HOLD_PERSONAL_DATA.test(text)) return text;
  let out = text;
  if (out.includes('@')) out = out.replace(EMAIL, emailReplacement);
  out = out.replace(IBAN, ibanReplacement);
  out = out.replace(CARD, cardReplacement);
  if (out.includes(':')) out = out.replace(IPV6, ipv6Replacement);
  if (out.includes('.')) out = out.replace(IPV4, ipv4Replacement);
  out = out.replace(PHONE, phoneReplacement);
  return out.replace(DIGIT_RUN, numberReplacement);
}

function emailReplacement(candidate: string): string {
  // Dots and quotes before the address are the sentence's ("see...anna@example.org", "'anna@example.org'").
  let start = 0;
  while (candidate.charCodeAt(start) === 0x2e || candidate.charCodeAt(start) === 0x27) start++;
  found.email++;
  return candidate.slice(0, start) + REDACTION_PLACEHOLDERS.email;
}

function ibanReplacement(candidate: string, offset: number, whole: string): string {
  const length = ibanLength(candidate.slice(0, 2));
  if (length === undefined) return candidate;
  let end = 0;
  for (let kept = 0; end < candidate.length && kept < length; end++) if (candidate.charCodeAt(end) !== 0x20) kept++;
  const next = end < candidate.length ? candidate.charAt(end) : whole.charAt(offset + end);
  if (WORD_CHARACTER.test(next) || !ibanValid(candidate.slice(0, end))) return candidate;
  found.iban++;
  return REDACTION_PLACEHOLDERS.iban + candidate.slice(end);
}

function cardReplacement(candidate: string): string {
  const ascii = toAsciiDigits(candidate);
  if (!CARD_GROUPING.test(ascii)) return candidate;
  if (ascii.charCodeAt(0) !== 0x30 && luhnValid(ascii.replace(NOT_DIGIT, ''))) {
    found.card++;
    return REDACTION_PLACEHOLDERS.card;
  }
  // Dots never join digits in pass 6, which would see only groups of four: a card-shaped run with dots goes here.
  if (!ascii.includes('.')) return candidate;
  found.number++;
  return REDACTION_PLACEHOLDERS.number;
}

function ipv6Replacement(candidate: string): string {
  if (!ipv6Valid(candidate)) return candidate;
  found.ip++;
  return REDACTION_PLACEHOLDERS.ip;
}

function ipv4Replacement(candidate: string, offset: number, whole: string): string {
  if (!ipv4Valid(candidate) || isAmount(candidate, offset, whole)) return candidate;
  found.ip++;
  return REDACTION_PLACEHOLDERS.ip;
}

function ipv4Valid(address: string): boolean {
  const octets = address.split('.');
  return octets.length === 4 && octets.every((octet) => octet.length >= 1 && octet.length <= 3 && Number(octet) <= 255);
}

function ipv6Valid(address: string): boolean {
  const compressed = address.indexOf('::');
  if (compressed !== address.lastIndexOf('::')) return false;
  const halves = compressed < 0 ? [address] : [address.slice(0, compressed), address.slice(compressed + 2)];
  let groupCount = 0;
  for (let h = 0; h < halves.length; h++) {
    if (halves[h] === '') continue;
    const groups = halves[h]!.split(':');
    for (let g = 0; g < groups.length; g++) {
      const group = groups[g]!;
      const last = h === halves.length - 1 && g === groups.length - 1;
      if (last && group.includes('.')) {
        if (!ipv4Valid(group)) return false;
        groupCount += 2;
      } else if (HEX_GROUP.test(group)) groupCount++;
      else return false;
    }
  }
  return compressed < 0 ? groupCount === 8 : groupCount >= 1 && groupCount <= 7;
}

function phoneReplacement(candidate: string, offset: number, whole: string): string {
  const slash = candidate.indexOf('/');
  if (slash < 0) return phoneOrUndefined(candidate, offset, whole) ?? candidate;
  if (!MONTH_YEAR.test(toAsciiDigits(candidate))) {
    const phone = phoneOrUndefined(candidate, offset, whole);
    if (phone !== undefined) return phone;
  }
  // Otherwise the slash splits the candidate ("06 30 123 4567/2024", "0630 123 4567 / 0620 765 4321"). What
  // follows "/ " is judged on its own; right after a bare slash a number never starts, as for "4/".
  const headEnd = candidate.charCodeAt(slash - 1) === 0x20 ? slash - 1 : slash;
  const head = candidate.slice(0, headEnd);
  const out = phoneOrUndefined(head, offset, whole) ?? head;
  if (candidate.charCodeAt(slash + 1) !== 0x20) return out + candidate.slice(headEnd);
  const rest = candidate.slice(slash + 2);
  return out + candidate.slice(headEnd, slash + 2) + (phoneOrUndefined(rest, offset + slash + 2, whole) ?? rest);
}

function phoneOrUndefined(candidate: string, offset: number, whole: string): string | undefined {
  let body = candidate;
  let before = '';
  let after = '';
  // Parentheses around the whole number belong to the sentence: "(+36 30 123 4567)", "(call 06 30 123 4567)".
  const opens = count(body, 0x28);
  const closes = count(body, 0x29);
  if (body.endsWith(')') && (closes > opens || (opens === 1 && closes === 1 && body.startsWith('(')))) {
    after = ')';
    body = body.slice(0, -1);
  }
  if (body.startsWith('(') && count(body, 0x28) > count(body, 0x29)) {
    before = '(';
    body = body.slice(1);
  }
  if (!isPhone(toAsciiDigits(body), offset + before.length, whole)) return undefined;
  found.phone++;
  return before + REDACTION_PLACEHOLDERS.phone + after;
}

function isPhone(body: string, offset: number, whole: string): boolean {
  if (!PHONE_PARENTHESES.test(body) || DATE_SHAPE.test(body)) return false;
  if (body.includes('.') && !DOTTED_PHONE.test(body)) return false;
  const digits = body.replace(/\D/g, '');
  let valid: boolean;
  if (body.startsWith('+') || body.startsWith('(+')) valid = digits[0] !== '0' && digits.length >= 8 && digits.length <= 15;
  else if (digits.startsWith('00')) valid = digits[2] !== '0' && digits.length >= 10 && digits.length <= 17 && digitGroups(body) >= 2;
  else if (body[0] === '0' || body[0] === '(') valid = digits.length >= 8 && digits.length <= 12 && digitGroups(body) >= 2;
  else valid = NORTH_AMERICAN.test(body);
  return valid && !isAmount(body, offset, whole);
}

function numberReplacement(run: string, offset: number, whole: string): string {
  if (countDigits(run) < MIN_NUMBER_DIGITS || isAmount(toAsciiDigits(run), offset, whole)) return run;
  // The first group may end a date or a dotted number ("15.03.2024 10:30" gives the run "2024 10"), the
  // last may start a time ("2024 10:30"). Those groups go only if they are long; the rest is a run of its own.
  const start = continuesDateOrDottedNumber(offset, whole) ? afterFirstGroup(run) : 0;
  const end = runsIntoTime(offset + run.length, whole) ? beforeLastGroup(run) : run.length;
  if (start === 0 && end === run.length) return judgeRun(run, offset, whole);
  if (start >= end) return redactLongGroups(run);
  return redactLongGroups(run.slice(0, start)) + judgeRun(run.slice(start, end), offset + start, whole) + redactLongGroups(run.slice(end));
}

function judgeRun(run: string, offset: number, whole: string): string {
  const ascii = toAsciiDigits(run);
  if (countDigits(ascii) < MIN_NUMBER_DIGITS || isAmount(ascii, offset, whole)) return run;
  if (isOneNumber(ascii)) {
    found.number++;
    return REDACTION_PLACEHOLDERS.number;
  }
  return redactLongGroups(run);
}

function redactLongGroups(run: string): string {
  return run.replace(LONG_DIGIT_RUN, longDigitRunReplacement);
}

function longDigitRunReplacement(): string {
  found.number++;
  return REDACTION_PLACEHOLDERS.number;
}

/** Whether a run of digit groups joined by spaces or dashes is one number rather than several things side by side. */
function isOneNumber(run: string): boolean {
  const groups = run.split(GROUP_SEPARATOR);
  if (groups.length === 1) return true;
  let longest = 0;
  let years = 0;
  let small = 0;
  for (const group of groups) {
    if (group.length > longest) longest = group.length;
    if (YEAR.test(group)) years++;
    else if (group.length <= 2) small++;
  }
  // A year with days and months ("March 15 2024", "15 03 2024") or other years ("2019-2024").
  if (years > 0 && years + small === groups.length) return false;
  // Scores side by side ("10 10 10") are not one number; a phone in pairs ("12 34 56 78 90") is.
  if (longest < 3) return countDigits(run) >= 8;
  return !DASH_DATE.test(run);
}

/**
 * Whether the run at `start` continues a dotted number (a date `15.03.2024`, a decimal, a version) or a
 * slashed date (`15/03/2024`, `2024/03/15`). A slash alone is not a date: in `050/123 45 67` the run
 * after it is the subscriber number.
 */
function continuesDateOrDottedNumber(start: number, whole: string): boolean {
  const before = whole.charCodeAt(start - 1);
  if (before === 0x2e) return digitValue(whole.charCodeAt(start - 2)) >= 0;
  return before === 0x2f && SLASHED_DATE_BEFORE.test(whole.slice(Math.max(0, start - 9), start));
}

/** Whether the run ending at `end` runs into a time ("2024 10:30"). */
function runsIntoTime(end: number, whole: string): boolean {
  return whole.charCodeAt(end) === 0x3a && digitValue(whole.charCodeAt(end + 1)) >= 0;
}

/** Index of the second group of a run, or its length if it has one group. */
function afterFirstGroup(run: string): number {
  let i = 0;
  while (i < run.length && digitValue(run.charCodeAt(i)) >= 0) i++;
  while (i < run.length && digitValue(run.charCodeAt(i)) < 0) i++;
  return i;
}

/** Index just after the second-to-last group of a run, or 0 if it has one group. */
function beforeLastGroup(run: string): number {
  let i = run.length;
  while (i > 0 && digitValue(run.charCodeAt(i - 1)) >= 0) i--;
  while (i > 0 && digitValue(run.charCodeAt(i - 1)) < 0) i--;
  return i;
}

/** A currency sign, code or word right before or after, or thousands grouping with a decimal part. */
function isAmount(candidate: string, offset: number, whole: string): boolean {
  const end = offset + candidate.length;
  CURRENCY_AFTER.lastIndex = end;
  if (CURRENCY_AFTER.test(whole)) return true;
  if (CURRENCY_BEFORE.test(whole.slice(Math.max(0, offset - 6), offset))) return true;
  if (!THOUSANDS_GROUPED.test(candidate)) return false;
  DECIMALS_AFTER.lastIndex = end;
  return DECIMALS_AFTER.test(whole);
}

function toAsciiDigits(text: string): string {
  return NON_ASCII_DIGIT.test(text) ? text.replace(NON_ASCII_DIGITS, (digit) => String(digitValue(digit.charCodeAt(0)))) : text;
}

function countDigits(ascii: string): number {
  let digits = 0;
  for (let i = 0; i < ascii.length; i++) if (digitValue(ascii.charCodeAt(i)) >= 0) digits++;
  return digits;
}

function digitGroups(ascii: string): number {
  let groups = 0;
  let inGroup = false;
  for (let i = 0; i < ascii.length; i++) {
    const isDigit = digitValue(ascii.charCodeAt(i)) >= 0;
    if (isDigit && !inGroup) groups++;
    inGroup = isDigit;
  }
  return groups;
}

function count(text: string, code: number): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === code) n++;
  return n;
}
