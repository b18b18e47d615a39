/**
 * Messages, plurals, numbers and dates for an element's locale. Catalogues are plain objects keyed
 * like the English one; a site adds a language with {@link registerLocale}. Formatting goes through
 * Intl so digits, separators, month names and plural rules are the locale's own. Every shipped
 * catalogue, English included, is a separate chunk fetched the first time an element needs it (English
 * always, as the fallback): a page pays only for the languages it shows.
 */
import type { IntervalName } from '../core/periods.ts';
import { dayToDate, isoWeekOf } from '../core/periods.ts';
import type { MessageKey } from './locales/en.ts';

export type { MessageKey };
export type PluralMessage = Readonly<Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }>;
export type Catalogue = Readonly<Record<MessageKey, string | PluralMessage>>;
export type MessageParams = Readonly<Record<string, string | number>>;

const translators = new Map<string, Translator>();

/** Loaded and registered catalogues by lower-case tag. A registered one may be partial: English fills in. */
const catalogues = new Map<string, Partial<Catalogue>>();

/** The shipped catalogues by language: one chunk each, loaded on first use. */
const SHIPPED: Readonly<Record<string, () => Promise<Catalogue>>> = {
  en: () => import('./locales/en.ts').then((module) => module.en),
  ar: () => import('./locales/ar.ts').then((module) => module.ar),
  el: () => import('./locales/el.ts').then((module) => module.el),
  hu: () => import('./locales/hu.ts').then((module) => module.hu),
  pl: () => import('./locales/pl.ts').then((module) => module.pl),
};

/** Loads in progress, by language. */
const loading = new Map<string, Promise<void>>();
/** Languages whose chunk could not be fetched: they fall back to English rather than retry on every render. */
const unavailable = new Set<string>();

/** Fetches a shipped language once; a chunk that cannot be fetched leaves the language to English. */
function loadShipped(language: string): Promise<void> {
  let pending = loading.get(language);
  if (!pending) {
    pending = SHIPPED[language]!().then(
      (catalogue) => {
        // A site's own registerLocale() while the chunk was on its way wins.
        if (!catalogues.has(language)) catalogues.set(language, catalogue);
        translators.clear();
      },
      () => {
        unavailable.add(language);
      },
    );
    loading.set(language, pending);
  }
  return pending;
}

/**
 * Makes the messages for `locale` available: its catalogue and English, the fallback. Returns null
 * when nothing has to be fetched, else a promise that settles once they are (or once a chunk failed
 * to load, in which case the language falls back to English). Never rejects.
 */
export function loadCatalogue(locale: string): Promise<void> | null {
  const lower = locale.toLowerCase();
  const language = lower.split(/[-_]/)[0]!;
  const own = catalogues.has(lower) || catalogues.has(language) ? [] : [language];
  const needed = ['en', ...own].filter((tag) => !catalogues.has(tag) && !unavailable.has(tag) && tag in SHIPPED);
  if (needed.length === 0) return null;
  return Promise.all(needed.map(loadShipped)).then(() => undefined);
}

/** Elements to tell when the catalogues change, so they redraw in the new messages. */
const catalogueListeners = new Set<() => void>();

/** Calls `listener` whenever a catalogue is registered; returns the unsubscribe function. */
export function onCataloguesChanged(listener: () => void): () => void {
  catalogueListeners.add(listener);
  return () => catalogueListeners.delete(listener);
}

/**
 * Adds or replaces the messages for a language (`'pt'`, `'pl-PL'` …). Missing keys fall back to
 * English. Elements already on the page redraw in it.
 */
export function registerLocale(locale: string, catalogue: Partial<Catalogue>): void {
  catalogues.set(locale.toLowerCase(), catalogue);
  translators.clear();
  for (const listener of catalogueListeners) listener();
}

/** Languages shipped with the kit, loaded on demand; a site registers others. */
export function shippedLocales(): string[] {
  return Object.keys(SHIPPED);
}

const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb']);

export function directionOf(locale: string): 'ltr' | 'rtl' {
  return RTL_LANGUAGES.has(locale.toLowerCase().split(/[-_]/)[0]!) ? 'rtl' : 'ltr';
}

function catalogueFor(locale: string): Partial<Catalogue> {
  const lower = locale.toLowerCase();
  return catalogues.get(lower) ?? catalogues.get(lower.split(/[-_]/)[0]!) ?? {};
}

export interface Translator {
  readonly locale: string;
  readonly dir: 'ltr' | 'rtl';
  t(key: MessageKey, params?: MessageParams): string;
  /** A number, rounded to `digits` fraction digits. */
  number(value: number, digits?: number): string;
  /** A signed number of points: "+4", "−3". */
  signed(value: number, digits?: number): string;
  /** A share 0–1 as a percent. */
  percent(value: number): string;
  /** A p-value as a statement, "p = 0.012" or "p < 0.001", isolated left-to-right for right-to-left text. */
  pValue(p: number): string;
  bytes(count: number): string;
  /** The name of the period starting on `startDay`, e.g. "Mar 2024", "Q1 2024", "Week 10, 2024". */
  period(startDay: number, interval: IntervalName): string;
}

/**
 * A malformed tag (a typo in the `locale` attribute) must fall back to English, not throw. Only the
 * syntax is checked: `supportedLocalesOf` costs 20–50 ms of main thread on first use, and Intl falls
 * back by itself for a well-formed tag it has no data for.
 */
function isWellFormedLocale(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length > 0;
  } catch {
    return false;
  }
}

const warmedLocales = new Set<string>();

/**
 * Builds a locale's Intl formatters once, in a task of their own right after the element's first render.
 * The page's first formatter loads ICU's data (about 15–40 ms); left to the render that follows the
 * catalogue or the data, it would make that task a long one.
 */
export function warmUpFormats(requested: string): void {
  const locale = isWellFormedLocale(requested) ? requested : 'en';
  if (warmedLocales.has(locale)) return;
  warmedLocales.add(locale);
  setTimeout(() => {
    new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(1.5);
    new Intl.PluralRules(locale).select(1);
    new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(0);
  }, 0);
}

/** Builds an Intl formatter on first use: constructing them is the costliest part of a first render. */
function lazy<T>(create: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= create());
}

export function translator(requested: string): Translator {
  let cached = translators.get(requested);
  if (cached) return cached;
  const locale = isWellFormedLocale(requested) ? requested : 'en';
  const messages = catalogueFor(locale);
  const plural = lazy(() => new Intl.PluralRules(locale));
  const numberFormats = [0, 1, 2, 3].map((digits) => lazy(() => new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: 0 })));
  const signedFormats = [0, 1].map((digits) => lazy(() => new Intl.NumberFormat(locale, { maximumFractionDigits: digits, signDisplay: 'exceptZero' })));
  const percentFormat = lazy(() => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }));
  const byteFormat = lazy(() => new Intl.NumberFormat(locale, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }));
  const dayFormat = lazy(() => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }));
  const monthFormat = lazy(() => new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }));
  const yearFormat = lazy(() => new Intl.DateTimeFormat(locale, { year: 'numeric', timeZone: 'UTC' }));
  // A value that rounds to zero prints as 0, not "-0": an NPS of −0.4 is no negative score.
  const number = (value: number, digits = 0) => numberFormats[digits]!().format(Math.abs(value) < 0.5 * 10 ** -digits ? 0 : value);

  const t = (key: MessageKey, params: MessageParams = {}): string => {
    // Elements render once loadCatalogue() has settled; before that (or if English failed to load) the key shows.
    const message = messages[key] ?? catalogues.get('en')?.[key] ?? key;
    const template = typeof message === 'string' ? message : (message[plural().select(Number(params.count ?? 0))] ?? message.other);
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      if (value === undefined) return whole;
      return typeof value === 'number' ? number(value) : value;
    });
  };

  cached = {
    locale,
    dir: directionOf(locale),
    t,
    number,
    signed: (value, digits = 0) => signedFormats[digits]!().format(value),
    percent: (value) => percentFormat().format(value),
    // Isolated left-to-right: inside Arabic text the bidi algorithm would otherwise mirror "<" into ">".
    pValue: (p) => `\u2066${p < 0.001 ? `p < ${number(0.001, 3)}` : `p = ${number(p, 3)}`}\u2069`,
    bytes: (count) => byteFormat().format(count / 1_000_000),
    period(startDay, interval) {
      const date = dayToDate(startDay);
      switch (interval) {
        case 'day':
          return dayFormat().format(date);
        case 'week': {
          const { week, weekYear } = isoWeekOf(startDay);
          return t('period.week', { week: number(week), year: yearFormat().format(new Date(Date.UTC(weekYear, 6, 1))) });
        }
        case 'month':
          return monthFormat().format(date);
        case 'quarter':
          return t('period.quarter', { quarter: number(Math.floor(date.getUTCMonth() / 3) + 1), year: yearFormat().format(date) });
        case 'year':
          return yearFormat().format(date);
      }
    },
  };
  translators.set(requested, cached);
  return cached;
}
