/**
 * Adversarial cases for the PII redaction (issue 8, part 6): what a customer, or someone probing the
 * dashboard, might type to get personal data past it, and what must survive untouched. Every expected
 * output is written by hand from the rules in redact.ts' header.
 */
import { expect } from '@open-wc/testing';
import { redact, redactPersonalData, type RedactionKind } from '../../src/core/redact.ts';

type Case = readonly [input: string, expected: string];

function expectCases(cases: readonly Case[], kind?: RedactionKind): void {
  for (const [input, expected] of cases) {
    const result = redactPersonalData(input);
    expect(result.text, JSON.stringify(input)).to.equal(expected);
    if (kind) expect(result.counts[kind], JSON.stringify(input)).to.be.at.least(1);
  }
}

const ZWSP = '\u200b';
const ZWJ = '\u200d';
const WORD_JOINER = '\u2060';
const SOFT_HYPHEN = '\u00ad';
const RLO = '\u202e';
const LRI = '\u2066';
const PDI = '\u2069';
const LRM = '\u200e';
const BOM = '\ufeff';

/** Full-width form of ASCII digits, `+` and `@`. */
const fullWidth = (text: string) => text.replace(/[0-9+@]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

describe('redact: adversarial input', () => {
  describe('e-mail addresses', () => {
    it('takes plus tags, subdomains, upper case, apostrophes and non-Latin letters', () => {
      expectCases(
        [
          ['Mail ANNA.Kowalska+cx-2024@Mail.Example.COM please', 'Mail [email] please'],
          ['mail: jan.kowalski@poczta.onet.pl.', 'mail: [email].'],
          ["o'brien@council.gov.uk wrote", '[email] wrote'],
          ['José.García@correo.es', '[email]'],
          ['Γράψτε στο ζωή@παράδειγμα.ελ', 'Γράψτε στο [email]'],
          ['راسلني على سارة@مثال.امارات', 'راسلني على [email]'],
          ['<anna@example.org>', '<[email]>'],
          ['(anna@example.org)', '([email])'],
        ],
        'email',
      );
    });

    it('sees through zero-width characters, bidi controls and soft hyphens typed inside an address', () => {
      const inside = [ZWSP, ZWJ, WORD_JOINER, SOFT_HYPHEN, RLO, LRI + PDI, LRM, BOM];
      for (const mark of inside) {
        const name = JSON.stringify(mark);
        expect(redact(`write to an${mark}na@example.org now`), `${name} in the local part`).to.equal('write to [email] now');
        expect(redact(`write to anna${mark}@example.org now`), `${name} before @`).to.equal('write to [email] now');
        expect(redact(`write to anna@${mark}example.org now`), `${name} after @`).to.equal('write to [email] now');
        expect(redact(`write to anna@exa${mark}mple.org now`), `${name} in the domain`).to.equal('write to [email] now');
      }
    });

    it('reads a full-width ＠ as @', () => {
      expectCases([['anna＠example.org', '[email]'], [`anna${ZWSP}＠example.org`, '[email]']], 'email');
    });
  });

  describe('phone numbers', () => {
    it('takes Polish, Greek, Hungarian and Emirati numbers in every common layout', () => {
      const numbers = [
        '+48 601 234 567', '+48-601-234-567', '+48.601.234.567', '(+48) 601 234 567', '0048 601 234 567', '+48 22 123 45 67', '+48 (22) 123-45-67',
        '+30 210 123 4567', '+30 691 234 5678', '+30-210-1234567', '0030 210 123 4567', '(+30) 6912345678',
        '+36 1 234 5678', '+36 (30) 123-4567', '+36-30-123-4567', '06 30 123 4567', '06-1-234-5678', '(06 30) 123 4567',
        '+971 50 123 4567', '+971-4-123-4567', '00971 50 123 4567', '+971 (0)4 123 4567', '050 123 4567', '04 123 4567',
      ];
      expectCases(numbers.map((n): Case => [`Call me on ${n} today`, 'Call me on [phone] today']), 'phone');
    });

    it('takes numbers written in Arabic-Indic and full-width digits', () => {
      expectCases(
        [
          ['اتصل ‎+٩٧١ ٥٠ ١٢٣ ٤٥٦٧', 'اتصل [phone]'],
          ['شماره ۰۹۱۲ ۳۴۵ ۶۷۸۹', 'شماره [phone]'],
          [fullWidth('call +48 601 234 567'), 'call [phone]'],
          [fullWidth('call 06 30 123 4567'), 'call [phone]'],
        ],
        'phone',
      );
    });

    it('sees through invisible characters and direction overrides typed between the digits', () => {
      const marks = [ZWSP, ZWJ, WORD_JOINER, SOFT_HYPHEN, RLO, LRI, PDI, LRM, BOM, '\u061c'];
      for (const mark of marks) {
        const name = JSON.stringify(mark);
        expect(redact(`call +48 601${mark} 234 567`), `${name} after a group`).to.equal('call [phone]');
        expect(redact(`call +48 601 2${mark}34 567`), `${name} inside a group`).to.equal('call [phone]');
        expect(redact(`call +${mark}48 601 234 567`), `${name} after +`).to.equal('call [phone]');
        expect(redact(`id 4405${mark}1401359`), `${name} in a long number`).to.equal('id [number]');
      }
      // An RLO that would show "765 432 106" for 0601234567 does not hide the digits either.
      expect(redact(`${RLO}0601234567`)).to.equal('[number]');
    });
  });

  describe('accounts, cards and national numbers', () => {
    it('takes IBANs in any case and grouping, also with invisible characters inside', () => {
      expectCases(
        [
          ['IBAN PL61 1090 1014 0000 0712 1981 2874.', 'IBAN [iban].'],
          ['iban pl61109010140000071219812874', 'iban [iban]'],
          ['GR16 0110 1250 0000 0001 2300 695', '[iban]'],
          ['HU42 1177 3016 1111 1018 0000 0000', '[iban]'],
          ['AE07 0331 2345 6789 0123 456', '[iban]'],
          [`PL61${ZWSP}1090 1014 0000 0712 1981 2874`, '[iban]'],
        ],
        'iban',
      );
    });

    it('takes Luhn-valid cards solid, in fours with spaces, dashes or dots, and Amex 4-6-5', () => {
      expectCases(
        [
          ['card 4111 1111 1111 1111', 'card [card]'],
          ['card 4111-1111-1111-1111', 'card [card]'],
          ['card 4111.1111.1111.1111', 'card [card]'],
          ['card 4111111111111111!', 'card [card]!'],
          ['amex 3782 822463 10005', 'amex [card]'],
          ['mc 5500 0000 0000 0004 ok', 'mc [card] ok'],
          [fullWidth('card 4111 1111 1111 1111'), 'card [card]'],
        ],
        'card',
      );
      // Fails Luhn: still a long number, so still hidden.
      expectCases([['card 4111 1111 1111 1112', 'card [number]']], 'number');
    });

    it('hides national identity numbers as long numbers (PESEL, AMKA, TAJ, SSN, Emirates ID)', () => {
      expectCases(
        [
          ['PESEL 44051401359', 'PESEL [number]'],
          ['AMKA 01019012345', 'AMKA [number]'],
          ['TAJ 123 456 788', 'TAJ [number]'],
          ['SSN 123-45-6789', 'SSN [number]'],
          ['Emirates ID 784-1985-1234567-1', 'Emirates ID [number]'],
          ['رقم الهوية ٧٨٤-١٩٨٥-١٢٣٤٥٦٧-١', 'رقم الهوية [number]'],
        ],
        'number',
      );
    });
  });

  describe('links with tokens', () => {
    it('replaces reset and sign-in tokens in queries, fragments and paths, keeping the host', () => {
      expectCases(
        [
          ['https://portal.example.gov/reset?token=8f3a9c2b7d1e4f60a1b2 did not work', 'https://portal.example.gov/reset?token=[token] did not work'],
          ['https://portal.example.gov/reset?token=abcdefghijklmnopqrstuvwxyzABCDEF', 'https://portal.example.gov/reset?token=[token]'],
          ['see http://x.example/login?session=5f2b8e91&lang=en.', 'see http://x.example/login?session=[token]&lang=en.'],
          ['www.example.gov/case/Zm9vYmFyYmF6cXV4eHl6/view', 'www.example.gov/case/[token]/view'],
          ['https://example.gov/#access_token=ya29a0AfH6SMBx', 'https://example.gov/#access_token=[token]'],
        ],
        'token',
      );
      // An address in a link is still an address.
      expect(redact('https://portal.example.gov/reset?user=anna@example.org')).to.equal('https://portal.example.gov/reset?user=[email]');
    });

    it('leaves readable links alone', () => {
      for (const text of ['https://www.example.gov/forms/apply?lang=en', 'www.example.gov/help', 'see https://example.gov/2024/03/report.', 'http://example.gov:8080/status']) {
        expect(redactPersonalData(text), text).to.deep.include({ text });
      }
    });
  });

  describe('what must stay', () => {
    it('leaves durations, scores, dates, times, amounts, percentages and versions', () => {
      const texts = [
        'Waited 3 days, then 2-3 weeks more; 45 minutes on hold.',
        'Score 9/10, NPS 37, rated 10 10 10, 100% sure, 24/7 service.',
        'On 15.03.2024 at 10:30, again 2024-03-15 and 03/15/2024, back in 05/2024 or Q3 2024.',
        'Paid €45.50, then 1 250,00 € and 350 zł, AED 1500, 12 500 Ft.',
        'Version 1.2.3, ticket #12345, 1999 was better, room 101.',
        'Θα περιμένω 3 μέρες. Vártam 3 napot. Czekałem 3 dni. انتظرت ٣ أيام.',
        fullWidth('3日待ちました、9点'),
        `می‌خواهم 3 روز صبر کنم 👩${ZWJ}💻`,
      ];
      for (const text of texts) expect(redactPersonalData(text), text).to.deep.include({ text });
    });

    it('keeps zero-width joiners and direction marks between letters (Persian spelling, emoji)', () => {
      const text = `خیلی‌ها 5 بار زنگ زدند ${LRM}OK${LRM} 👨${ZWJ}👩${ZWJ}👧`;
      expect(redact(text)).to.equal(text);
    });
  });

  describe('long adversarial input', () => {
    const repeat = (unit: string, length: number) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
    const slowest: Array<[string, number]> = [];
    after(() => {
      slowest.sort((a, b) => b[1] - a[1]);
      console.log(`redact: ${slowest.length} adversarial 100k-character inputs, slowest ${slowest.slice(0, 3).map(([u, ms]) => `${u} ${ms.toFixed(0)} ms`).join(', ')}`);
    });

    it('finishes on 100k-character strings built to make a pattern backtrack', () => {
      const units = [
        'a@', 'a.a@', 'a@a.', 'a' + ZWSP, ZWSP + '1', '1' + ZWSP + ' ', RLO + '1 ', '＋１ ', '１', '１２３ ', 'a＠',
        'https://', 'https://a/', 'www.', '?a=b&', '/aaaaaaaa1', 'https://a.b/?' + 'x'.repeat(40) + '=',
        '+1 ', '(0) ', '0 ', '4111 ', '1.', '1:', 'ab12 ', 'PL61', '٠ ', '1-', '12/', '15.03.2024 ',
      ];
      const inputs = [
        ...units.map((unit) => [unit, repeat(unit, 100_000)] as const),
        ['a…a@', repeat('a', 100_000) + '@'] as const,
        ['a@b.b.…1', 'a@' + repeat('b.', 100_000) + '1'] as const,
        ['https://…', 'https://example.org/' + repeat('a1', 100_000)] as const,
        ['1 + spaces', '1' + ' '.repeat(100_000) + '1'] as const,
      ];
      for (const [name, input] of inputs) {
        const start = performance.now();
        const output = redact(input);
        slowest.push([JSON.stringify(name), performance.now() - start]);
        expect(output, JSON.stringify(name)).to.be.a('string').with.length.above(0);
      }
    });
  });
});
