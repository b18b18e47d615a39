import { expect } from '@open-wc/testing';
import { ara, ell, eng, hun, pol } from 'stopword';
import { countThemeValues, extractThemes, pickVerbatims, type ThemeCount } from '../../src/core/themes.ts';
import { scanComments, tokenize } from '../../src/core/words.ts';
import { REDACTION_PLACEHOLDERS, redact } from '../../src/core/redact.ts';
import { composeComment, TOPICS } from '../../src/sample/comments.ts';
import { LANGUAGES } from '../../src/sample/people.ts';
import { createSampleRandom } from '../../src/sample/random.ts';

/**
 * Expected themes below are worked out by hand from the stop lists: for each comment, strike the stop words,
 * numbers and placeholders, split at punctuation, count each word and neighbouring pair once per comment.
 */

/** The stop lists folded the way a reader would: lower case; Greek without accents and with σ for ς. */
const greekPlain = (word: string): string => word.normalize('NFD').replace(/\p{M}/gu, '').replace(/ς/g, 'σ');
const STOP = new Set([eng, ara, ell, hun, pol].flat().map((word) => greekPlain(word.toLowerCase())));
const isStopWord = (word: string): boolean => STOP.has(greekPlain(word.toLowerCase()));
const themeWords = (themes: readonly ThemeCount[]): string[] => themes.flatMap(({ theme }) => theme.split(' '));


describe('themes', () => {
  describe('extractThemes', () => {
    const english = [
      'The waiting time at the branch was terrible.',
      'Waiting time: far too long. The waiting time is a disgrace!',
      'Long waiting time, rude staff.',
      'Rude staff on the phone.',
      'The portal crashed twice.',
    ];

    it('ranks an English phrase first and drops the words it accounts for', () => {
      expect(extractThemes(english)).to.deep.equal([
        { theme: 'waiting time', count: 3 },
        { theme: 'rude staff', count: 2 },
        { theme: 'long', count: 2 },
      ]);
    });

    it('keeps a word of a phrase that is clearly more frequent than the phrase (Hungarian)', () => {
      const hungarian = [
        'Az ügyintéző udvariatlan volt és letette a telefont.',
        'Udvariatlan ügyintéző, hosszú sor.',
        'Hosszú sor és udvariatlan ügyintéző!',
        'A portál nem működik.',
      ];
      // udvariatlan 3 > 1.25 × 2 stays beside "udvariatlan ügyintéző"; hosszú and sor (2) go into "hosszú sor".
      // "u" (U+0075) sorts before "ü" (U+00FC).
      expect(extractThemes(hungarian)).to.deep.equal([
        { theme: 'udvariatlan', count: 3 },
        { theme: 'ügyintéző', count: 3 },
        { theme: 'hosszú sor', count: 2 },
        { theme: 'udvariatlan ügyintéző', count: 2 },
      ]);
    });

    it('does not join words across a stop word (Polish "się")', () => {
      const polish = [
        'Formularz się zawiesza i nie da się go wysłać.',
        'Formularz się zawiesza, znowu!',
        'Długi czas oczekiwania na decyzję.',
        'Czas oczekiwania był za długi.',
      ];
      expect(extractThemes(polish)).to.deep.equal([
        { theme: 'czas oczekiwania', count: 2 },
        { theme: 'długi', count: 2 },
        { theme: 'formularz', count: 2 },
        { theme: 'zawiesza', count: 2 },
      ]);
    });

    it('finds Arabic themes and drops في and غير', () => {
      const arabic = [
        'الموظف غير مهذب في الهاتف.',
        'وقت الانتظار طويل جدًا',
        'وقت الانتظار في الفرع طويل',
        'الموظف غير مهذب ولم يساعدني',
        'البوابة معطلة منذ يومين',
      ];
      expect(extractThemes(arabic)).to.deep.equal([
        { theme: 'وقت الانتظار', count: 2 },
        { theme: 'الموظف', count: 2 },
        { theme: 'طويل', count: 2 },
        { theme: 'مهذب', count: 2 },
      ]);
    });

    it('treats Arabic words with and without vowel marks as one', () => {
      expect(extractThemes(['طويل جدًا', 'طويل جدا', 'طويل جدًا'])).to.deep.equal([{ theme: 'طويل جدًا', count: 3 }]);
    });

    it('folds Greek capitals, accents and final sigma together and shows the commonest written form', () => {
      const greek = ['Ώρες αναμονής στο γκισέ.', 'ΩΡΕΣ ΑΝΑΜΟΝΗΣ ΣΤΟ ΓΚΙΣΕ', 'Ατελείωτες ώρες αναμονής.'];
      // γκισέ / γκισε is a 1–1 tie: the accented form wins.
      expect(extractThemes(greek)).to.deep.equal([
        { theme: 'ώρες αναμονής', count: 3 },
        { theme: 'γκισέ', count: 2 },
      ]);
    });

    it('never lists a stop word in any of the five languages', () => {
      const mixed = [
        'The staff and the manager were rude',
        'Η ουρά και η αναμονή στο γκισέ',
        'Az ügyintéző és a főnöke',
        'Urzędnik się spóźnił i się nie przejął',
        'الموظف في المكتب كان غائبا في الصباح',
      ];
      const themes = extractThemes([...mixed, ...mixed], { limit: 100 });
      expect(themes.length).to.be.greaterThan(10);
      for (const word of ['the', 'and', 'και', 'η', 'στο', 'és', 'a', 'się', 'i', 'nie', 'في', 'كان']) {
        expect(themeWords(themes), word).not.to.include(word);
      }
      expect(themeWords(themes).filter(isStopWord)).to.deep.equal([]);
    });

    it('also drops the few function words the stop lists lack', () => {
      // ΕΙΠΑΝ / είπαν is a 1–1 tie: the accented form wins though it comes second.
      const comments = [
        'Not my fault. Why? Nothing works',
        'ΜΟΥ ΕΙΠΑΝ ΟΤΙ ΗΤΑΝ ΜΙΑ ΦΟΡΑ',
        'Γιατί μου το είπαν; Ήταν ένα λάθος',
        'not fault, nothing works',
      ];
      expect(extractThemes(comments)).to.deep.equal([
        { theme: 'fault', count: 2 },
        { theme: 'works', count: 2 },
        { theme: 'είπαν', count: 2 },
      ]);
    });

    it('counts two words as a phrase only when nothing but spaces separates them', () => {
      const themes = extractThemes(['The queue. Staff were rude.', 'Queue; staff are rude', 'queue!\nStaff', 'queue, rude']);
      expect(themes).to.deep.equal([
        { theme: 'queue', count: 4 },
        { theme: 'rude', count: 3 },
        { theme: 'staff', count: 3 },
      ]);
      expect(extractThemes(['queue   staff', 'Queue staff!'])).to.deep.equal([{ theme: 'queue staff', count: 2 }]);
    });

    it('counts a word once per comment however often it repeats', () => {
      // "again" (1) goes into "portal again" (1); "portal" (2 > 1.25 × 1) stays.
      expect(extractThemes(['Portal, portal, PORTAL!', 'The portal again.'], { minCount: 1 })).to.deep.equal([
        { theme: 'portal', count: 2 },
        { theme: 'portal again', count: 1 },
      ]);
    });

    it('drops numbers in any digits, and a number ends a phrase', () => {
      expect(extractThemes(['Error 503 again', 'error 503', 'Fee ٤٥ euros', 'fee 45 euros'])).to.deep.equal([
        { theme: 'error', count: 2 },
        { theme: 'euros', count: 2 },
        { theme: 'fee', count: 2 },
      ]);
    });

    it('never turns a redaction placeholder into a theme', () => {
      const every = Object.values(REDACTION_PLACEHOLDERS).join(' ');
      const redacted = ['[phone]', '[phone] [email]', 'Call [phone]', 'no [email] please', every, `${every}, ${every}`, '[IBAN] [Card]'];
      expect(extractThemes([...redacted, ...redacted], { minCount: 1 })).to.deep.equal([
        { theme: 'call', count: 2 },
        { theme: 'please', count: 2 },
      ]);
      // The word itself, written out, is still a word.
      expect(extractThemes(['The phone line [phone] was dead', 'phone line dead again [number]'])).to.deep.equal([
        { theme: 'phone line', count: 2 },
        { theme: 'dead', count: 2 },
      ]);
    });

    it('applies minCount and limit', () => {
      expect(extractThemes(english, { minCount: 3 })).to.deep.equal([{ theme: 'waiting time', count: 3 }]);
      expect(extractThemes(english, { limit: 1 })).to.deep.equal([{ theme: 'waiting time', count: 3 }]);
      expect(extractThemes(english, { limit: 0 })).to.deep.equal([]);
      const all = extractThemes(english, { minCount: 1, limit: 100 });
      expect(all.map(({ theme }) => theme)).to.include.members(['disgrace', 'portal crashed', 'crashed twice', 'far']);
      expect(all.every(({ count }) => count >= 1)).to.equal(true);
    });

    it('breaks ties by code-unit order, whatever the input order', () => {
      const words = ['zebra', 'Éclair', 'apple', 'delay'];
      const comments = [...words, ...words];
      const expected = [
        { theme: 'apple', count: 2 },
        { theme: 'delay', count: 2 },
        { theme: 'zebra', count: 2 },
        // "é" is U+00E9, after "z"; localeCompare would put it after "delay".
        { theme: 'éclair', count: 2 },
      ];
      expect(extractThemes(comments)).to.deep.equal(expected);
      expect(extractThemes([...comments].reverse())).to.deep.equal(expected);
    });

    it('returns nothing for no comments, or comments with nothing to count', () => {
      expect(extractThemes([])).to.deep.equal([]);
      expect(extractThemes(['', '   ', 'the and of', '!!!', '42'])).to.deep.equal([]);
    });

    it('finds themes in the sample generator’s negative comments, none of them a stop word', () => {
      const random = createSampleRandom(11);
      const comments: string[] = [];
      for (let i = 0; i < 3000; i++) {
        // Redacted as in the worker, which runs redact before themes.
        comments.push(redact(composeComment(random, { language: random.pick(LANGUAGES), topic: random.pick(TOPICS), positive: false })));
      }
      const themes = extractThemes(comments);
      expect(themes.length).to.equal(8);
      expect(themeWords(themes).filter(isStopWord)).to.deep.equal([]);
      expect(comments.some((text) => text.includes('[email]') || text.includes('[iban]'))).to.equal(true);
      for (const word of ['email', 'phone', 'iban', 'number', 'example.com']) expect(themeWords(themes)).not.to.include(word);
      // The fast path and the segmenter agree on real comments too.
      for (const text of comments.slice(0, 400)) expect(tokenize(text), text).to.deep.equal(tokenize(text, { segmenterOnly: true }));
    });
  });

  describe('scanComments', () => {
    it('gives extractThemes and pickVerbatims the same answers as the plain strings', () => {
      const comments = ['Long waiting time, rude staff.', 'Waiting time: far too long.', 'Rude staff on the phone.', 'waiting time again', ''];
      const scan = scanComments(comments);
      const themes = extractThemes(comments, { minCount: 1 });
      expect(extractThemes(scan, { minCount: 1 })).to.deep.equal(themes);
      expect(pickVerbatims(scan, themes, 3)).to.deep.equal(pickVerbatims(comments, themes, 3));
      // Looking up theme words adds to the scan's vocabulary; a second round must not be thrown by that.
      const withUnseen = [{ theme: 'unseen word', count: 2 }, ...themes];
      expect(pickVerbatims(scan, withUnseen, 3)).to.deep.equal(pickVerbatims(comments, withUnseen, 3));
      expect(extractThemes(scan, { minCount: 1 })).to.deep.equal(themes);
    });
  });

  describe('countThemeValues', () => {
    it('counts non-empty values ignoring case and spaces, named by their commonest spelling', () => {
      const values = ['Waiting', 'waiting ', 'Staff', '', '  ', 'Forms', 'STAFF', 'Staff', 'Waiting', 'forms', 'Fees', 'Long  wait', 'long wait'];
      expect(countThemeValues(values)).to.deep.equal([
        { theme: 'Staff', count: 3 },
        { theme: 'Waiting', count: 3 },
        { theme: 'Forms', count: 2 },
        { theme: 'Long wait', count: 2 },
      ]);
      expect(countThemeValues(values, { limit: 1 })).to.deep.equal([{ theme: 'Staff', count: 3 }]);
      expect(countThemeValues(values, { minCount: 1 }).at(-1)).to.deep.equal({ theme: 'Fees', count: 1 });
    });

    it('returns nothing for no values', () => {
      expect(countThemeValues([])).to.deep.equal([]);
      expect(countThemeValues(['', ' '])).to.deep.equal([]);
    });
  });

  describe('pickVerbatims', () => {
    const themes: ThemeCount[] = [
      { theme: 'waiting time', count: 5 },
      { theme: 'rude staff', count: 3 },
    ];
    const comments = [
      'The waiting time was long and I had to come back twice.',
      'Waiting time was awful, two hours at the branch for nothing.',
      'Rude staff at the counter, they did not even look at me.',
      'Waiting time!',
      'Nothing to do with anything at all in this comment here.',
    ];

    it('spreads the picks over the themes, earlier comment first on a tie', () => {
      // Round 1: #0 and #1 both score 5 (#0 is earlier); "waiting time" then weighs 1.25, so #2 (3) beats #1.
      expect(pickVerbatims(comments, themes, 3)).to.deep.equal([0, 2, 1]);
    });

    it('fills up with comments that mention no theme, and prefers moderate length', () => {
      // #3 mentions a theme but is 13 characters: 0.49 × 0.31 still beats nothing, then #4 fills up.
      expect(pickVerbatims(comments, themes, 10)).to.deep.equal([0, 2, 1, 3, 4]);
      const long = `Waiting time ${'and more waiting '.repeat(60)}`;
      expect(pickVerbatims([long, comments[1]!], themes, 1)).to.deep.equal([1]);
    });

    it('shows a text only once however it is spaced or capitalised', () => {
      const repeated = [
        'Rude staff at the counter, they did not even look at me.',
        '  rude STAFF at the counter, they did not   even look at me. ',
        'Rude staff again on the phone, and nobody called me back.',
        'rude staff at the counter, they did not even look at me.',
      ];
      expect(pickVerbatims(repeated, themes, 5)).to.deep.equal([0, 2]);
    });

    it('matches themes through Greek case and accent folding', () => {
      const greek = ['Καμία σχέση με το θέμα, απλώς ένα σχόλιο εδώ.', 'ΤΕΡΑΣΤΙΑ ΑΝΑΜΟΝΗ ΣΤΟ ΓΚΙΣΕ ΚΑΘΕ ΦΟΡΑ ΠΟΥ ΠΗΓΑ ΕΚΕΙ'];
      expect(pickVerbatims(greek, [{ theme: 'τεράστια αναμονή', count: 2 }], 1)).to.deep.equal([1]);
    });

    it('respects the limit, skips empty comments and is deterministic', () => {
      expect(pickVerbatims(comments, themes, 0)).to.deep.equal([]);
      expect(pickVerbatims([], themes, 3)).to.deep.equal([]);
      expect(pickVerbatims(['', '   '], themes, 3)).to.deep.equal([]);
      expect(pickVerbatims(comments, themes, 2)).to.deep.equal(pickVerbatims(comments, themes, 2));
      // No themes: by length factor, then position.
      expect(pickVerbatims(['Short.', ...comments], [], 3)).to.deep.equal([1, 2, 3]);
    });
  });
});
