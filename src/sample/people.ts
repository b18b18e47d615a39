/**
 * Synthetic respondents: e-mail addresses on the reserved example.org / example.com domains
 * (RFC 2606) and numeric customer ids. Nothing here is a real person. A person's number maps to
 * exactly one address (mixed-radix decoding), so two people never share a deduplication key.
 */
import type { SampleRandom } from './random.ts';

export type Language = 'en' | 'hu' | 'pl' | 'el' | 'ar';
export const LANGUAGES: readonly Language[] = ['en', 'hu', 'pl', 'el', 'ar'];

/** Transliterated to ASCII, as people write them in addresses. First names and surnames never overlap. */
export const FIRST_NAMES: Readonly<Record<Language, readonly string[]>> = {
  en: ['james', 'emma', 'oliver', 'sophie', 'daniel', 'chloe', 'liam', 'grace'],
  hu: ['anna', 'peter', 'katalin', 'zsofia', 'bence', 'mate', 'eszter', 'gabor'],
  pl: ['piotr', 'katarzyna', 'agnieszka', 'tomasz', 'magdalena', 'krzysztof', 'ewa', 'marek'],
  el: ['nikos', 'eleni', 'giorgos', 'dimitra', 'yannis', 'sofia', 'kostas', 'anastasia'],
  ar: ['layla', 'omar', 'fatima', 'youssef', 'nour', 'karim', 'amira', 'hassan'],
};
export const SURNAMES: Readonly<Record<Language, readonly string[]>> = {
  en: ['smith', 'taylor', 'brown', 'wilson', 'evans', 'walker'],
  hu: ['kovacs', 'nagy', 'szabo', 'toth', 'horvath', 'varga'],
  pl: ['nowak', 'kowalski', 'wisniewska', 'wojcik', 'lewandowski', 'kaminska'],
  el: ['papadopoulos', 'georgiou', 'nikolaou', 'dimitriou', 'pappas', 'vlachou'],
  ar: ['haddad', 'mansour', 'khalil', 'nasser', 'saleh', 'darwish'],
};
const DOMAINS = ['example.org', 'example.com', 'mail.example.org'];
const NAMES_PER_LANGUAGE = 8;
const SURNAMES_PER_LANGUAGE = 6;
const PATTERNS = 3;
/** Every eighth person is known by a customer number rather than an address. */
const CUSTOMER_ID_EVERY = 8;

export interface Person {
  /** As the person normally writes it. */
  readonly written: string;
  /** Trimmed and case-folded: the deduplication key (with the calendar day). */
  readonly key: string;
  /** The language their name suggests; null for customer ids. */
  readonly language: Language | null;
}

/** The person with number `id` (0 ≤ id < 9 000 000). */
export function personFromId(id: number): Person {
  if (id % CUSTOMER_ID_EVERY === CUSTOMER_ID_EVERY - 1) {
    // 7919 is prime and does not divide 9 000 000, so this is a bijection onto 7-digit numbers.
    const number = String(1_000_000 + ((id * 7919 + 2_345_678) % 9_000_000));
    return { written: number, key: number, language: null };
  }
  let rest = id;
  const language = LANGUAGES[rest % LANGUAGES.length]!;
  rest = Math.floor(rest / LANGUAGES.length);
  const first = FIRST_NAMES[language][rest % NAMES_PER_LANGUAGE]!;
  rest = Math.floor(rest / NAMES_PER_LANGUAGE);
  const last = SURNAMES[language][rest % SURNAMES_PER_LANGUAGE]!;
  rest = Math.floor(rest / SURNAMES_PER_LANGUAGE);
  const pattern = rest % PATTERNS;
  rest = Math.floor(rest / PATTERNS);
  const domain = DOMAINS[rest % DOMAINS.length]!;
  rest = Math.floor(rest / DOMAINS.length);
  const local = pattern === 0 ? `${first}.${last}` : pattern === 1 ? `${first}_${last}` : `${last}.${first}`;
  const address = `${local}${rest > 0 ? rest : ''}@${domain}`;
  return { written: address, key: address, language };
}

const capitalise = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

function titleCaseAddress(address: string): string {
  const at = address.indexOf('@');
  return address.slice(0, at).split(/([._])/).map(capitalise).join('') + address.slice(at);
}

/** How this person typed their address today: mostly as usual, sometimes capitalised. */
export function writeRespondent(random: SampleRandom, person: Person): string {
  return person.language !== null && random.chance(0.08) ? titleCaseAddress(person.written) : person.written;
}

const PADDING = ['', '', ' ', '  ', '\t'];

/**
 * The same person submitting again: a different spelling of the same key (case, surrounding
 * whitespace), the variants a duplicate check must see through — `  Anna.Kovacs@Example.org `.
 */
export function respell(random: SampleRandom, person: Person): string {
  let text = person.written;
  if (person.language !== null) {
    const casing = random.uniform();
    if (casing < 0.3) text = titleCaseAddress(text);
    else if (casing < 0.4) text = text.toUpperCase();
    else if (casing < 0.55) text = titleCaseAddress(text).replace(/@(\w)/, (_, c: string) => `@${c.toUpperCase()}`);
  }
  return random.pick(PADDING) + text + random.pick(PADDING);
}

/** A synthetic address for someone mentioned inside a comment. */
export function randomAddress(random: SampleRandom, language: Language): string {
  return `${random.pick(FIRST_NAMES[language])}.${random.pick(SURNAMES[language])}@example.com`;
}
