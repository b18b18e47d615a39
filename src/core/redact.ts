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
 *    Invisible format characters typed inside an address or number (zero-width spaces, bidi overrides,
 *    soft hyphens …) are removed first, so they cannot hide it (see HIDING_CHARACTERS); full-width
 *    digits, `＋` and `＠` count as their ASCII forms.
 * 1b. `[token]` password-reset and sign-in tokens in links (see redact-url.ts).
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
 * Digits are ASCII, Arabic-Indic (٠–٩, U+0660), Extended Arabic-Indic (۰–۹, U+06F0, Persian and
 * Urdu), since Arabic comments write phone and account numbers either way, and full-width (０–９); cards, phones and numbers
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
import {
  MIN_NUMBER_DIGITS,
  MAY_HOLD_PERSONAL_DATA,
  NON_ASCII_DIGIT,
  NON_ASCII_DIGITS,
  WORD_CHARACTER,
  EMAIL,
  IBAN,
  CARD,
  CARD_GROUPING,
  NOT_DIGIT,
  IPV6,
  HEX_GROUP,
  IPV4,
  PHONE,
  PHONE_PARENTHESES,
  DOTTED_PHONE,
  DATE_SHAPE,
  NORTH_AMERICAN,
  MONTH_YEAR,
  DIGIT_RUN,
  GROUP_SEPARATOR,
  SLASHED_DATE_BEFORE,
  LONG_DIGIT_RUN,
  DASH_DATE,
  YEAR,
  THOUSANDS_GROUPED,
  DECIMALS_AFTER,
  CURRENCY_AFTER,
  CURRENCY_BEFORE,
  HIDING_CHARACTERS,
  INVISIBLE,
} from './redact-patterns.ts';
import { mayHoldLink, redactLinkSecrets, TOKEN_PLACEHOLDER } from './redact-url.ts';

export type RedactionKind = 'email' | 'token' | 'phone' | 'ip' | 'iban' | 'card' | 'number';

export const REDACTION_PLACEHOLDERS: Readonly<Record<RedactionKind, string>> = Object.freeze({
  email: '[email]',
  token: TOKEN_PLACEHOLDER,
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

/**
 * Counts for the call in progress. Module scope rather than a closure per call: the replace callbacks
 * are then allocated once, which matters over 100k comments. Calls never interleave (they are synchronous).
 */
const found: Record<RedactionKind, number> = { email: 0, token: 0, phone: 0, ip: 0, iban: 0, card: 0, number: 0 };
const NOTHING_FOUND: Readonly<Record<RedactionKind, number>> = Object.freeze({ ...found });

export function redactPersonalData(text: string): RedactionResult {
  const redacted = redactAndCount(text);
  const { email, token, phone, ip, iban, card, number } = found;
  const counts = email + token + phone + ip + iban + card + number === 0 ? NOTHING_FOUND : { email, token, phone, ip, iban, card, number };
  return { text: redacted, counts };
}

/** Convenience: just the text. */
export function redact(text: string): string {
  return redactAndCount(text);
}

function redactAndCount(text: string): string {
  found.email = found.token = found.phone = found.ip = found.iban = found.card = found.number = 0;
  const links = mayHoldLink(text);
  if (!links && !MAY_HOLD_PERSONAL_DATA.test(text)) return text;
  let out = INVISIBLE.test(text) ? text.replace(HIDING_CHARACTERS, '') : text;
  if (out.includes('@') || out.includes('\uFF20')) out = out.replace(EMAIL, emailReplacement);
  if (links) out = redactLinkSecrets(out, countToken);
  out = out.replace(IBAN, ibanReplacement);
  out = out.replace(CARD, cardReplacement);
  if (out.includes(':')) out = out.replace(IPV6, ipv6Replacement);
  if (out.includes('.')) out = out.replace(IPV4, ipv4Replacement);
  out = out.replace(PHONE, phoneReplacement);
  return out.replace(DIGIT_RUN, numberReplacement);
}

function countToken(): void {
  found.token++;
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
  return NON_ASCII_DIGIT.test(text) ? text.replace(NON_ASCII_DIGITS, asciiDigit) : text;
}

function asciiDigit(character: string): string {
  const code = character.charCodeAt(0);
  return code === 0xff0b ? '+' : String(digitValue(code));
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
