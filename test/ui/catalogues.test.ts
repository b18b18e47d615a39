/**
 * Every shipped catalogue says everything English says, in the language's own plural forms and with
 * the same parameters, and English says nothing the code never asks for. A new language is covered
 * by being added to `SHIPPED` in src/ui/i18n.ts.
 */
import { expect } from '@open-wc/testing';
import { shippedLocales, type Catalogue, type PluralMessage } from '../../src/ui/i18n.ts';
import { en } from '../../src/ui/locales/en.ts';

type Message = string | PluralMessage;

const placeholders = (message: Message) =>
  new Set((typeof message === 'string' ? [message] : Object.values(message)).flatMap((text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!)));

async function catalogueOf(language: string): Promise<Catalogue> {
  if (language === 'en') return en as Catalogue;
  const module = (await import(`../../src/ui/locales/${language}.ts`)) as Record<string, Catalogue>;
  return module[language]!;
}

describe('message catalogues', () => {
  it('ships English, Arabic, Greek, Hungarian and Polish', () => {
    expect(shippedLocales().sort()).to.deep.equal(['ar', 'el', 'en', 'hu', 'pl']);
  });

  for (const language of shippedLocales()) {
    describe(language, () => {
      let catalogue: Catalogue;
      before(async () => {
        catalogue = await catalogueOf(language);
      });

      it('has exactly the English keys', () => {
        const keys = Object.keys(catalogue);
        expect(Object.keys(en).filter((key) => !keys.includes(key)), 'missing').to.deep.equal([]);
        expect(keys.filter((key) => !(key in en)), 'not in English').to.deep.equal([]);
      });

      it('gives every plural message each plural form the language uses, and plural only where English has one', () => {
        const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
        for (const [key, message] of Object.entries(catalogue) as [keyof typeof en, Message][]) {
          expect(typeof message, `${key}: plural in English, plural here`).to.equal(typeof en[key]);
          if (typeof message === 'string') continue;
          for (const category of categories) expect(message, `${key}.${category}`).to.have.property(category);
        }
      });

      it('keeps every parameter of the English message and adds none', () => {
        for (const [key, message] of Object.entries(catalogue) as [keyof typeof en, Message][]) {
          const english = placeholders(en[key] as Message);
          const own = placeholders(message);
          expect([...own].filter((name) => !english.has(name)), `${key}: unknown parameter`).to.deep.equal([]);
          // A plural form may spell the count out ("إجابة واحدة"), so only {count} may be left out.
          expect([...english].filter((name) => name !== 'count' && !own.has(name)), `${key}: parameter left out`).to.deep.equal([]);
        }
      });

      it('has no empty message', () => {
        for (const [key, message] of Object.entries(catalogue)) {
          for (const text of typeof message === 'string' ? [message] : Object.values(message)) expect(text.trim(), key).not.to.equal('');
        }
      });
    });
  }

  it('uses every English key somewhere in the code', async () => {
    const sources = Object.values((await (await fetch('/__test/sources')).json()) as Record<string, string>).join('\n');
    expect(sources.length, 'the sources were served').to.be.greaterThan(100_000);
    // Keys built at run time (`error.${code}`) count for their family: the prefix before `${`.
    const families = new Set([...sources.matchAll(/`([a-zA-Z]+(?:\.[a-zA-Z]+)*\.)\$\{/g)].map((match) => match[1]!));
    const used = (key: string) => new RegExp(`['"\`]${key.replaceAll('.', '\\.')}['"\`]`).test(sources) || [...families].some((prefix) => key.startsWith(prefix));
    expect(Object.keys(en).filter((key) => !used(key))).to.deep.equal([]);
  });
});
