import { expect } from '@open-wc/testing';
import { tokenize } from '../../src/core/words.ts';
import { createSampleRandom } from '../../src/sample/random.ts';

describe('words', () => {
  describe('tokenize', () => {
    it('splits runs at punctuation, line breaks and dropped words, and drops stop words and numbers', () => {
      expect(tokenize('The portal was down again, so I waited 3 days.\nError page')).to.deep.equal([
        ['portal'],
        ['down', 'again'],
        ['so'],
        ['waited'],
        ['days'],
        ['error', 'page'],
      ]);
    });

    it('cuts out redaction placeholders, which also end a run', () => {
      expect(tokenize('Call me on [phone] or [email]')).to.deep.equal([['call']]);
      expect(tokenize('portal [number] crashed [iban][card] [ip]')).to.deep.equal([['portal'], ['crashed']]);
    });

    it('lower-cases with the final sigma and keeps the written form', () => {
      expect(tokenize('ΑΝΑΜΟΝΗΣ στην ΟΥΡΑ')).to.deep.equal([['αναμονης'], ['ουρα']]);
    });

    it('gives the same words as running Intl.Segmenter over the whole text', () => {
      const tricky = [
        'it’s an e-mail, not a letter',
        'Error 503 / 12.5% of 1,000 ١٢٫٥ x1 covid19',
        'kovacs@example.com wrote: "too large"…',
        'SMS-értesítések — mimo że był(a) umówiona',
        'abc\u202Fdef soft\u00ADhyphen zero\u200Bwidth',
        'كـتاب قصيرًا، مرة أخرى؟',
        '\u0301leading mark and trailing ’quote’',
        'Ελλάδα· «εισαγωγικά» ΟΔΟΣ',
        '東京で待った 👍🏽 emoji',
        'line\r\nbreak\u2028sep\ttab  double',
      ];
      for (const text of tricky) expect(tokenize(text), text).to.deep.equal(tokenize(text, { segmenterOnly: true }));
    });

    it('agrees with the segmenter on random mixtures of scripts, marks, spaces and symbols', () => {
      const pieces = ['a', 'Z', 'é', 'ő', 'ł', 'α', 'Ω', 'ς', 'ή', 'ж', 'ب', 'ة', 'ـ', '\u064B', '\u0670', '\u0301', '0', '٣', ' ', '\n', '\r\n',
        '\u00A0', '\u202F', '\u200B', '\u200D', '\u00AD', '.', ',', "'", '’', '-', '_', '«', '?', '؟', '٫', '·', '@', '%', '😀', '👍🏽', '東',
        'ש', '׳', '՚', '\uFEFF', '[email]', 'İ', 'ß'];
      const random = createSampleRandom(5);
      for (let i = 0; i < 3000; i++) {
        let text = '';
        for (let k = random.between(1, 12); k > 0; k--) text += random.pick(pieces);
        expect(tokenize(text), JSON.stringify(text)).to.deep.equal(tokenize(text, { segmenterOnly: true }));
      }
    });

    it('agrees with the segmenter on every punctuation character before and after a word', () => {
      let checked = 0;
      for (let unit = 0; unit < 0x10000; unit++) {
        const c = String.fromCharCode(unit);
        if (!/\p{P}/u.test(c)) continue;
        const text = `ab${c} ${c}cd ${c}12 34${c} αβ${c} ${c}γδ بت${c} ${c}ثج ${c}${c}ef${c}${c} gh${c}ij`;
        expect(tokenize(text), `U+${unit.toString(16)}`).to.deep.equal(tokenize(text, { segmenterOnly: true }));
        checked++;
      }
      expect(checked).to.be.greaterThan(500);
    });
  });
});
