import { expect, fixture, html } from '@open-wc/testing';
import '../../src/nps-trend/index.ts';
import type { NpsTrend } from '../../src/nps-trend/nps-trend.ts';
import { directionOf, loadCatalogue, registerLocale, shippedLocales, translator, warmUpFormats } from '../../src/ui/i18n.ts';
import { ar } from '../../src/ui/locales/ar.ts';

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

describe('i18n', () => {
  it('fetches each shipped catalogue once, on first use: English as the fallback, then the language', async () => {
    expect(shippedLocales()).to.include.members(['en', 'ar']);
    // Each test file runs in a fresh page, and nothing above has asked for a language yet.
    const english = loadCatalogue('en');
    expect(english, 'English is fetched on demand, not bundled').to.be.instanceOf(Promise);
    await english;
    expect(loadCatalogue('en')).to.equal(null);
    expect(loadCatalogue('xx')).to.equal(null, 'a language nobody ships falls back to English at once');
    const arabic = loadCatalogue('ar-EG');
    expect(arabic, 'Arabic is fetched on demand, not bundled').to.be.instanceOf(Promise);
    await arabic;
    expect(loadCatalogue('ar')).to.equal(null, 'one fetch per language');
    expect(translator('ar').t('table.show')).to.equal(ar['table.show']);
  });

});

describe('i18n with English loaded', () => {
  before(() => loadCatalogue('en'));

  it('picks the Arabic plural form by count', async () => {
    await loadCatalogue('ar');
    const t = translator('ar').t;
    expect(t('answers', { count: 1 })).to.equal('إجابة واحدة');
    expect(t('answers', { count: 2 })).to.equal('إجابتان');
    expect(t('answers', { count: 3 })).to.match(/إجابات$/);
    expect(t('answers', { count: 11 })).to.match(/إجابة$/);
  });

  it('formats numbers in parameters with the locale', () => {
    expect(translator('en').t('quality.badge.duplicates', { count: 3117 })).to.equal('3,117 duplicates');
    expect(translator('en').t('quality.badge.skipped', { count: 1 })).to.equal('1 row skipped');
  });

  it('names periods of every interval', () => {
    const { period } = translator('en');
    expect(period(day('2024-03-01'), 'month')).to.equal('Mar 2024');
    expect(period(day('2024-01-01'), 'quarter')).to.equal('Q1 2024');
    expect(period(day('2024-01-01'), 'year')).to.equal('2024');
    expect(period(day('2021-01-04'), 'week')).to.equal('Week 1, 2021');
    expect(period(day('2020-12-28'), 'week')).to.equal('Week 53, 2020');
    expect(period(day('2024-03-05'), 'day')).to.equal('Mar 5, 2024');
  });

  it('knows which languages are written right to left', () => {
    expect(directionOf('ar')).to.equal('rtl');
    expect(directionOf('ar-EG')).to.equal('rtl');
    expect(directionOf('he')).to.equal('rtl');
    expect(directionOf('el')).to.equal('ltr');
    expect(directionOf('hu-HU')).to.equal('ltr');
  });

  it('redraws elements already on the page when a site registers their language', async () => {
    const el = await fixture<NpsTrend>(html`<nps-trend locale="pt" .counts=${[{ period: '2024-01', promoters: 30, passives: 10, detractors: 10 }]}></nps-trend>`);
    await el.dataComplete;
    const toggle = () => el.shadowRoot!.querySelector('[part~="table-toggle"]')!.textContent!.trim();
    expect(toggle()).to.equal('Show table');
    registerLocale('pt', { 'table.show': 'Mostrar tabela' });
    await el.updateComplete;
    expect(toggle()).to.equal('Mostrar tabela');
  });

  it('lets a site add a language, falling back to English for missing keys', () => {
    registerLocale('pl', { 'table.show': 'Pokaż tabelę', answers: { one: '{count} odpowiedź', few: '{count} odpowiedzi', many: '{count} odpowiedzi', other: '{count} odpowiedzi' } });
    const pl = translator('pl');
    expect(pl.t('table.show')).to.equal('Pokaż tabelę');
    expect(pl.t('answers', { count: 22 })).to.equal('22 odpowiedzi');
    expect(pl.t('answers', { count: 1 })).to.equal('1 odpowiedź');
    expect(pl.t('table.hide')).to.equal('Hide table');
  });

  it('falls back to English for a tag the browser does not know', () => {
    expect(translator('xx-invalid-').t('table.show')).to.equal('Show table');
  });
});

describe('warmUpFormats', () => {
  it('builds a locale’s number, plural and date formats once, in a task of their own, not in the caller’s', () => {
    const scheduled: (() => void)[] = [];
    const created: string[] = [];
    const realTimeout = window.setTimeout;
    const { NumberFormat, PluralRules, DateTimeFormat } = Intl;
    window.setTimeout = ((work: () => void) => (scheduled.push(work), 1)) as unknown as typeof window.setTimeout;
    for (const [name, Real] of [['NumberFormat', NumberFormat], ['PluralRules', PluralRules], ['DateTimeFormat', DateTimeFormat]] as const) {
      (Intl as Record<string, unknown>)[name] = new Proxy(Real, { construct: (target, args) => (created.push(`${name} ${args[0]}`), new (target as new (...a: unknown[]) => object)(...args)) });
    }
    try {
      warmUpFormats('el-CY');
      warmUpFormats('el-CY');
      expect(scheduled, 'one task for the locale').to.have.length(1);
      expect(created, 'nothing built before it runs').to.deep.equal([]);
      scheduled[0]!();
      expect(created).to.deep.equal(['NumberFormat el-CY', 'PluralRules el-CY', 'DateTimeFormat el-CY']);
    } finally {
      window.setTimeout = realTimeout;
      Object.assign(Intl, { NumberFormat, PluralRules, DateTimeFormat });
    }
  });
});
