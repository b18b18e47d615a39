import { expect } from '@open-wc/testing';
import { ibanValid, luhnValid } from '../../src/core/checksums.ts';
import { redact, redactPersonalData, REDACTION_PLACEHOLDERS, type RedactionKind } from '../../src/core/redact.ts';
import { composeComment, TOPICS } from '../../src/sample/comments.ts';
import { generateFeedbackRows } from '../../src/sample/generate.ts';
import { LANGUAGES } from '../../src/sample/people.ts';
import { createSampleRandom } from '../../src/sample/random.ts';

type Case = readonly [input: string, expected: string];

const NONE: Record<RedactionKind, number> = { email: 0, token: 0, phone: 0, ip: 0, iban: 0, card: 0, number: 0 };
const only = (kind: RedactionKind, n = 1): Record<RedactionKind, number> => ({ ...NONE, [kind]: n });

/** Each case must come out as written, and with exactly one redaction of `kind`. */
function expectEach(cases: readonly Case[], kind: RedactionKind): void {
  for (const [input, expected] of cases) {
    const result = redactPersonalData(input);
    expect(result.text, input).to.equal(expected);
    expect(result.counts, input).to.deep.equal(only(kind));
  }
}

/**
 * IBANs and card numbers below were checked outside this code: mod 97 of the rearranged IBAN with
 * Python's big integers (int(''.join(str(int(c, 36)) for c in s[4:] + s[:4])) % 97 == 1), and Luhn by
 * a separate Python loop. The test card numbers are the issuers' published ones.
 */
const VALID_IBANS = [
  'GB82 WEST 1234 5698 7654 32',
  'HU42 1177 3016 1111 1018 0000 0000',
  'PL61 1090 1014 0000 0712 1981 2874',
  'GR16 0110 1250 0000 0001 2300 695',
  'AE07 0331 2345 6789 0123 456',
  'DE89 3704 0044 0532 0130 00',
  'SA03 8000 0000 6080 1016 7519',
  'FR14 2004 1010 0505 0001 3M02 606',
  'NL91ABNA0417164300',
  'NO9386011117947',
];
/** The same accounts with one character changed, or a wrong length or country. */
const INVALID_IBANS = [
  'GB82 WEST 1234 5698 7654 33',
  'GB28 WEST 1234 5698 7654 32',
  'HU42 1177 3016 1111 1018 0000 0001',
  'PL61 1090 1014 0000 0712 1981 2875',
  'GR16 0110 1250 0000 0001 2300 694',
  'AE07 0331 2345 6789 0123 457',
  'GB82 WEST 1234 5698 7654 3',
  'XX82 WEST 1234 5698 7654 32',
  'GB82-WEST-1234-5698-7654-32',
  '',
];
const LUHN_VALID = ['4111 1111 1111 1111', '4111-1111-1111-1111', '5500 0000 0000 0004', '3782 822463 10005', '6011 1111 1111 1117',
  '4012888888881881', '3056 930902 5904', '4222222222222', '4111 1111 1111 1111 003', '٤١١١١١١١١١١١١١١١'];
const LUHN_INVALID = ['4111 1111 1111 1112', '1234 5678 9012 3456', '1177 3016 1111 1018', '12345698765433', '4111a1111', '0', ''];

describe('redact', () => {
  describe('placeholders and API', () => {
    it('uses exactly the documented placeholders', () => {
      expect(REDACTION_PLACEHOLDERS).to.deep.equal({
        email: '[email]', token: '[token]', phone: '[phone]', ip: '[ip]', iban: '[iban]', card: '[card]', number: '[number]',
      });
      expect(Object.isFrozen(REDACTION_PLACEHOLDERS)).to.equal(true);
    });

    it('returns the input and zero counts for text with no digit and no @', () => {
      const text = 'Πολύ απογοητευτική εμπειρία, ευχαριστώ! — كانت تجربة محبطة جدًا.';
      expect(redactPersonalData(text)).to.deep.equal({ text, counts: NONE });
      expect(redact(text)).to.equal(text);
    });

    it('redact() gives the same text as redactPersonalData()', () => {
      const text = 'Call +36 30 123 4567 or write to anna.kovacs@example.org about case 123456.';
      expect(redact(text)).to.equal(redactPersonalData(text).text);
      expect(redact(text)).to.equal('Call [phone] or write to [email] about case [number].');
    });

    it('does not carry counts from one call into the next', () => {
      redactPersonalData('a@example.org 4111 1111 1111 1111');
      expect(redactPersonalData('nothing here, 42 times').counts).to.deep.equal(NONE);
      expect(redactPersonalData('b@example.org').counts).to.deep.equal(only('email'));
    });
  });

  describe('e-mail addresses', () => {
    it('replaces addresses in sentences in every language, keeping the punctuation around them', () => {
      expectEach([
        ['Please reply to anna.kovacs@example.org, not the address you have on file.', 'Please reply to [email], not the address you have on file.'],
        ['Az e-mail-címem: peter_nagy+ugyfel@mail.example.com', 'Az e-mail-címem: [email]'],
        ['Mój e-mail to piotr.nowak@poczta.example.pl.', 'Mój e-mail to [email].'],
        ['Το email μου είναι nikos.papadopoulos@example.gr.', 'Το email μου είναι [email].'],
        ['بريدي الإلكتروني هو layla.haddad@example.ae.', 'بريدي الإلكتروني هو [email].'],
        ['anna2@example.com is my address', '[email] is my address'],
        ['Email:ANNA.KOVACS@EXAMPLE.ORG', 'Email:[email]'],
        ['<john.o\'brien@example.co.uk>', '<[email]>'],
        ["I'm at 'anna@example.org'.", "I'm at '[email]'."],
        ['Write to me here:...emma.smith@example.org', 'Write to me here:...[email]'],
        ['(jose.garcía@exämple.com)', '([email])'],
      ], 'email');
    });

    it('takes the whole address before the digits in it are seen as a number', () => {
      expectEach([['Write to kovacs.123456@example.org today', 'Write to [email] today']], 'email');
    });

    it('leaves an @ that is not part of an address', () => {
      for (const text of ['we met @ the branch', '@support please help', 'info@localhost', 'user@host.1']) expect(redact(text)).to.equal(text);
    });
  });

  describe('IBANs', () => {
    it('ibanValid accepts accounts that pass mod 97 with their country length, in any case and grouping', () => {
      for (const iban of VALID_IBANS) expect(ibanValid(iban), iban).to.equal(true);
      expect(ibanValid('gb82 west 1234 5698 7654 32')).to.equal(true);
      expect(ibanValid('GB82WEST12345698765432')).to.equal(true);
    });

    it('ibanValid rejects a changed digit, swapped check digits, wrong length, unknown country and dashes', () => {
      for (const iban of INVALID_IBANS) expect(ibanValid(iban), iban).to.equal(false);
    });

    it('replaces valid IBANs in sentences, grouped or solid', () => {
      expectEach([
        ['Please refund the fee to GB82 WEST 1234 5698 7654 32.', 'Please refund the fee to [iban].'],
        ['A visszatérítést erre a számlára kérem: HU42 1177 3016 1111 1018 0000 0000', 'A visszatérítést erre a számlára kérem: [iban]'],
        ['Proszę o zwrot na konto PL61 1090 1014 0000 0712 1981 2874.', 'Proszę o zwrot na konto [iban].'],
        ['Παρακαλώ επιστρέψτε τα χρήματα στον λογαριασμό GR16 0110 1250 0000 0001 2300 695.', 'Παρακαλώ επιστρέψτε τα χρήματα στον λογαριασμό [iban].'],
        ['يرجى إعادة المبلغ إلى حسابي AE07 0331 2345 6789 0123 456.', 'يرجى إعادة المبلغ إلى حسابي [iban].'],
        ['IBAN:NL91ABNA0417164300;', 'IBAN:[iban];'],
        ['DE89370400440532013000', '[iban]'],
        ['my iban is gb82 west 1234 5698 7654 32', 'my iban is [iban]'],
        ['NO9386011117947 takk', '[iban] takk'],
      ], 'iban');
    });

    it('stops at the country length, so the word after an IBAN survives', () => {
      expectEach([
        ['PL61 1090 1014 0000 0712 1981 2874 dziękuję', '[iban] dziękuję'],
        ['PL61 1090 1014 0000 0712 1981 2874 i dziękuję', '[iban] i dziękuję'],
        ['SA03 8000 0000 6080 1016 7519 شكرا', '[iban] شكرا'],
      ], 'iban');
    });

    it('sends an IBAN that fails mod 97 to the long-digit rule', () => {
      expectEach([
        ['Konto: HU42 1177 3016 1111 1018 0000 0001', 'Konto: HU[number]'],
        ['PL61 1090 1014 0000 0712 1981 2875.', 'PL[number].'],
        ['GB82 WEST 1234 5698 7654 33', 'GB82 WEST [number]'],
      ], 'number');
    });
  });

  describe('payment cards', () => {
    it('luhnValid agrees with the published test numbers, ignoring spaces and dashes', () => {
      for (const card of LUHN_VALID) expect(luhnValid(card), card).to.equal(true);
      for (const digits of LUHN_INVALID) expect(luhnValid(digits), digits).to.equal(false);
    });

    it('replaces Luhn-valid numbers of 13–19 digits written solid, in fours, or 4-6-5', () => {
      expectEach([
        ['I was charged twice on card 4111 1111 1111 1111, please check.', 'I was charged twice on card [card], please check.'],
        ['Karta: 5500-0000-0000-0004.', 'Karta: [card].'],
        ['Amex 3782 822463 10005', 'Amex [card]'],
        ['4012888888881881 is the card', '[card] is the card'],
        ['Η κάρτα μου 6011 1111 1111 1117.', 'Η κάρτα μου [card].'],
        ['old card 4222222222222', 'old card [card]'],
        ['19 digits: 4111 1111 1111 1111 003', '19 digits: [card]'],
        ['البطاقة ٤١١١ ١١١١ ١١١١ ١١١١', 'البطاقة [card]'],
      ], 'card');
    });

    it('turns a 16-digit run that fails Luhn into [number], not [card]', () => {
      expectEach([
        ['card 4111 1111 1111 1112 declined', 'card [number] declined'],
        ['Kártyaszám: 1234-5678-9012-3456', 'Kártyaszám: [number]'],
        ['1234567890123456', '[number]'],
      ], 'number');
    });

    it('takes groups split by dots, runs of spaces or a mix of separators, and leaves the decision to Luhn', () => {
      expectEach([
        ['Card 4111.1111.1111.1111 was charged twice', 'Card [card] was charged twice'],
        ['4111  1111  1111  1111', '[card]'],
        ['card:4111   1111 1111    1111.', 'card:[card].'],
        ['4111 1111-1111 1111', '[card]'],
        ['4111.1111 1111-1111', '[card]'],
        ['Amex 3782 822463 10005', 'Amex [card]'],
        ['Amex 3782.822463.10005', 'Amex [card]'],
        ['Amex 3782  822463  10005', 'Amex [card]'],
        ['4111\u00a01111\u00a01111\u00a01111', '[card]'],
        ['البطاقة ٤١١١.١١١١.١١١١.١١١١', 'البطاقة [card]'],
      ], 'card');
      // Pass 6 does not join across dots, so a dotted card that fails Luhn is taken whole by the card pass.
      expectEach([
        ['card 4111.1111.1111.1112 declined', 'card [number] declined'],
        ['4111  1111  1111  1112', '[number]'],
        ['4111.1111 1111-1112', '[number]'],
        ['0411.1111.1111.1111', '[number]'],
      ], 'number');
    });
  });

  describe('IP addresses', () => {
    it('replaces IPv4 addresses with octets up to 255', () => {
      expectEach([
        ['Blocked from 192.168.1.254 again', 'Blocked from [ip] again'],
        ['IP: 10.0.0.1.', 'IP: [ip].'],
        ['203.0.113.7:8080 timed out', '[ip]:8080 timed out'],
        ['A hiba a 172.16.254.1 címről jött.', 'A hiba a [ip] címről jött.'],
      ], 'ip');
    });

    it('replaces IPv6 addresses: full, compressed and with an IPv4 tail', () => {
      expectEach([
        ['from 2001:0db8:85a3:0000:0000:8a2e:0370:7334 today', 'from [ip] today'],
        ['2001:db8::8a2e:370:7334', '[ip]'],
        ['localhost is ::1.', 'localhost is [ip].'],
        ['fe80::1ff:fe23:4567:890a', '[ip]'],
        ['mapped ::ffff:192.0.2.128 here', 'mapped [ip] here'],
        ['64:ff9b::192.0.2.33', '[ip]'],
      ], 'ip');
    });

    it('leaves versions, times, MAC addresses and out-of-range octets', () => {
      for (const text of ['1.2.3.4.5', 'v1.2.3.4', 'version 2.14.3', '256.1.1.1', '10:15:00', '12:30', 'MAC 00:1A:2B:3C:4D:5E',
        '1:2:3:4:5:6:7:8:9', 'std::vector', '1.250.000.000 Ft']) {
        expect(redact(text), text).to.equal(text);
      }
    });
  });

  describe('phone numbers', () => {
    it('replaces international and national numbers in every language', () => {
      expectEach([
        ['You can call me back on +44 20 7946 0958.', 'You can call me back on [phone].'],
        ['Office: (020) 7946 0958, ext. 12', 'Office: [phone], ext. 12'],
        ['Kérem, hívjanak vissza a +36 30 123 4567 számon.', 'Kérem, hívjanak vissza a [phone] számon.'],
        ['Hívjon: 06 30 123 4567!', 'Hívjon: [phone]!'],
        ['Tel.: 06-1-234-5678', 'Tel.: [phone]'],
        ['Proszę o kontakt pod numerem +48 512 345 678.', 'Proszę o kontakt pod numerem [phone].'],
        ['Μπορείτε να με καλέσετε στο +30 210 123 4567.', 'Μπορείτε να με καλέσετε στο [phone].'],
        ['يمكنكم الاتصال بي على الرقم +971 50 123 4567.', 'يمكنكم الاتصال بي على الرقم [phone].'],
        ['From abroad: 0044 20 7946 0958', 'From abroad: [phone]'],
        ['+447700900123 is my mobile', '[phone] is my mobile'],
        ['+44 (0)20 7946 0958', '[phone]'],
        ['+1 (202) 555-0123', '[phone]'],
        ['tel. 06.30.123.4567', 'tel. [phone]'],
        ['Call me (+36 30 123 4567) after five.', 'Call me ([phone]) after five.'],
        ['رقمي +٩٧١ ٥٠ ١٢٣ ٤٥٦٧ شكرا', 'رقمي [phone] شكرا'],
        ['رقمي ٠٥٠ ١٢٣ ٤٥٦٧', 'رقمي [phone]'],
      ], 'phone');
    });

    it('replaces North American numbers written 3-3-4, leaving an extension', () => {
      expectEach([
        ['Call me at 555-123-4567.', 'Call me at [phone].'],
        ['555.123.4567', '[phone]'],
        ['(555) 123-4567', '[phone]'],
        ['(555)123-4567 after 5', '[phone] after 5'],
        ['Tel 555 123 4567', 'Tel [phone]'],
        ['1-555-123-4567', '[phone]'],
        ['1.555.123.4567', '[phone]'],
        ['1 (555) 123-4567', '[phone]'],
        ['555-123-4567 ext. 89', '[phone] ext. 89'],
        ['555.123.4567x12', '[phone]x12'],
      ], 'phone');
    });

    it('takes one slash after an area code, and ends the number at any other slash', () => {
      expectEach([
        ['Hívjon: 050/123 45 67', 'Hívjon: [phone]'],
        ['Tel. 030/1234567', 'Tel. [phone]'],
        ['Telefon: 089 / 123 456 78', 'Telefon: [phone]'],
        ['0664/123 45 67', '[phone]'],
        ['+43 664/123 45 67', '[phone]'],
        ['06 1/234 5678', '[phone]'],
        ['06-30/123-4567', '[phone]'],
        ['٠٥٠/١٢٣ ٤٥ ٦٧', '[phone]'],
        ['Call 06 30 123 4567/2024', 'Call [phone]/2024'],
        ['Open 24/7: 06 30 123 4567', 'Open 24/7: [phone]'],
      ], 'phone');
    });

    it('leaves too-short numbers and amounts after a plus', () => {
      for (const text of ['+5 points', '+36 30', '+1 250 Ft', 'up +12% since 2019']) expect(redact(text), text).to.equal(text);
    });
  });

  describe('other long numbers', () => {
    it('replaces runs of six or more digits, alone or grouped by spaces and dashes', () => {
      expectEach([
        ['My case number is 20240315001.', 'My case number is [number].'],
        ['Customer ID 4829113', 'Customer ID [number]'],
        ['Ügyszám: 123456/2024', 'Ügyszám: [number]/2024'],
        ['Konto 1177 3016 1111 1018', 'Konto [number]'],
        ['Számlaszám: 11773016-11111018', 'Számlaszám: [number]'],
        ['SSN 123-45-6789', 'SSN [number]'],
        ['ref ABC1234567', 'ref ABC[number]'],
        ['Zadzwoń 512 345 678', 'Zadzwoń [number]'],
        ['12 34 56 78 90', '[number]'],
        ['on 2024-03-15 ref 123456', 'on 2024-03-15 ref [number]'],
        ['رقم الحساب ١٢٣٤٥٦٧٨', 'رقم الحساب [number]'],
        ['Ο αριθμός υπόθεσης είναι 987654.', 'Ο αριθμός υπόθεσης είναι [number].'],
      ], 'number');
    });

    it('counts each long group when a date keeps the run from being one number', () => {
      const result = redactPersonalData('2024-03-15 123456 654321');
      expect(result.text).to.equal('2024-03-15 [number] [number]');
      expect(result.counts).to.deep.equal(only('number', 2));
      expect(redactPersonalData('at 47.497912, 19.040235').text).to.equal('at 47.[number], 19.[number]');
      expect(redactPersonalData('at 47.497912, 19.040235').counts).to.deep.equal(only('number', 2));
    });

    it('treats thousands grouped by spaces with no currency as a number: it cannot be told from a phone', () => {
      expect(redact('1 250 000')).to.equal('[number]');
      expect(redact('1 250 000 Ft')).to.equal('1 250 000 Ft');
    });

    it('joins groups across runs of spaces', () => {
      expectEach([
        ['Konto 1177  3016  1111  1018', 'Konto [number]'],
        ['+36 30  123  4567', '+[number]'],
      ], 'number');
    });

    it('judges what follows a date, or comes before a time, as a run of its own', () => {
      expectEach([
        ['15.03.2024 4111 1111 1111 1112', '15.03.2024 [number]'],
        ['15/03/2024 06 30 123 4567 hívtam', '15/03/2024 [number] hívtam'],
        ['Konto 1177 3016 1111 1018 10:30-kor', 'Konto [number] 10:30-kor'],
        ['tel. 06.30 123 4567', 'tel. 06.30 [number]'],
        // A slash is a date only in a date's shape: here the run after it is the whole number.
        ['12/345 678 901', '12/[number]'],
      ], 'number');
    });
  });

  describe('no false positives', () => {
    const UNCHANGED = [
      // dates and times
      '2024-03-15', '2024-03-15T10:30:00Z', '2024-03-15 10:30:00', '15/03/2024', '15.03.2024', '05.10.2024', '3/15/2024', '03/15/2024 10:15:00',
      '15-03-2024', '2024.03.15', '15.03.2024 10:30', '15/03/2024 10:30', '2024.03.15 10:30', 'On 15 March 2024 10:30', 'March 15 2024',
      '15 03 2024', 'Jan 5 2024 at 10:30', 'years 2019 2020 2021', '10:30', '10:15:00', '12:30-13:45', '09.30-10.30', '9:00–17:00', 'from 2024-03-15 to 2024-03-20',
      'The 2019-2024 period', 'since 2019', 'in 1990-1995', 'Az ügyintézés 2024.03.15-én kezdődött, 10:30-kor.',
      '05/10/2024 10:30', '2024/03/15 10:30', '05/2024 10:30', 'valid 01/2025 - 12/2025', '1.2.3.4.5.6.7.8.9.10.11.12.13.14',
      'Ügyfélszám nélkül is segítettek, 2024. március 15-én.',
      // scores and small numbers
      '9/10', 'gave it 10', '0-10 scale', 'Score: 9 10 9', 'I would rate them 10 10 10', 'Ratio 3:1', 'Psalm 23:1-6', '85%', '100 %', '-10%',
      'ticket 12345', 'ref 98765, room 101', 'Error 503 for two days.', 'It took 3-4 weeks, 10-15 minutes on hold, 24/7 support.',
      'COVID-19', 'Windows 11', 'iPhone 15 Pro', 'A4 paper', 'Form B-12', 'ISO 9001', 'v1.2.3', 'version 2.14.3, build 2024.1', 'version 1.100.200.3000',
      'build 2024.1111.2222', 'open 24/7', '3/4 1234',
      // amounts
      '€1,250.00', '$49.99', '1 250 Ft', '12 500 zł', '1.250,00 €', '£3,000', 'AED 1,500', 'AED 1500000', '1 250 000 Ft', '12 500 000 Ft',
      '€1 250 000', '$1,250,000.00', 'AED 1,500,000', '1 250 000,00', '2 500 000 forintot', 'Zapłaciłem 1 250,50 zł i czekałem od 8:00 do 15:30.',
      'Miért kell 12 000 forintot fizetni egy űrlapért?', 'Dlaczego opłata wynosi 100 zł?', 'Γιατί το παράβολο είναι 45 ευρώ;',
      'Πλήρωσα 1.250,00 € στις 15/03/2024 στις 10:30.', 'Βαθμολογία 8/10, από το 2019.', 'Περίμενα 45 λεπτά, 2 ώρες.',
      'دفعت 1,500 درهم في 15/03/2024 الساعة 10:30.', 'دفعت ١٬٥٠٠ درهم يوم ١٥/٠٣/٢٠٢٤', 'التقييم ٩/١٠', '٢٠٢٤-٠٣-١٥', 'لماذا الرسوم 45 يورو؟',
      'الرسوم 1250000 درهم', '1 500 000 dirhams',
      // words and symbols
      'The lady at the front desk was patient and explained everything.', 'Kedves, segítőkész kollégák. Köszönöm!',
      'Miła i kompetentna obsługa. Dziękuję!', 'Ευγενικό και ενημερωμένο προσωπικό. Ευχαριστώ!', 'موظفون لطفاء وعلى دراية. شكرًا لكم!',
      'std::vector', 'C++ and C# are fine', 'Zażółć gęślą jaźń', 'Árvíztűrő tükörfúrógép',
    ];

    it('keeps dates, times, scores, amounts, versions and plain text in five languages unchanged', () => {
      for (const text of UNCHANGED) {
        const result = redactPersonalData(text);
        expect(result.text, text).to.equal(text);
        expect(result.counts, text).to.deep.equal(NONE);
      }
    });
  });

  describe('counts', () => {
    it('counts each kind separately in one comment', () => {
      const text =
        'Write to anna@example.org or call +36 30 123 4567 / 06 30 765 4321. Refund to HU42 1177 3016 1111 1018 0000 0000, ' +
        'not card 4111 1111 1111 1111. Login failed from 192.168.0.10 and ::1, case 987654.';
      const result = redactPersonalData(text);
      expect(result.text).to.equal(
        'Write to [email] or call [phone] / [phone]. Refund to [iban], not card [card]. Login failed from [ip] and [ip], case [number].',
      );
      expect(result.counts).to.deep.equal({ email: 1, token: 0, phone: 2, ip: 2, iban: 1, card: 1, number: 1 });
    });

    it('places PII at the very start and end of the text', () => {
      expect(redact('+36 30 123 4567')).to.equal('[phone]');
      expect(redact('anna@example.org')).to.equal('[email]');
      expect(redact('123456')).to.equal('[number]');
      expect(redact('1.2.3.4')).to.equal('[ip]');
      expect(redact('4111111111111111 then 123456789')).to.equal('[card] then [number]');
    });
  });

  describe('running time', () => {
    // Loose bounds: a sanity check against exponential backtracking, not a benchmark.
    const LIMIT_MS = 500;
    const timed = (text: string): number => {
      const start = performance.now();
      redactPersonalData(text);
      return performance.now() - start;
    };
    const repeat = (unit: string, length: number): string => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

    it('handles 100k characters of digits and separators quickly', () => {
      const random = createSampleRandom(11);
      const separators = ['', '', ' ', ' ', '-', '.', ':', '(', ')', '+', '/', ','];
      const parts: string[] = [];
      let length = 0;
      while (length < 100_000) {
        const part = String(random.int(10)) + random.pick(separators);
        parts.push(part);
        length += part.length;
      }
      expect(timed(parts.join(''))).to.be.below(LIMIT_MS);
      expect(timed(repeat('1', 100_000))).to.be.below(LIMIT_MS);
      expect(timed(repeat('1 ', 100_000))).to.be.below(LIMIT_MS);
      expect(timed(repeat('12-', 100_000))).to.be.below(LIMIT_MS);
    });

    it('handles 10k-character adversarial strings quickly', () => {
      const units = ['a.', 'a@', 'a.a@', 'a@a.', 'x@a-a', '1.', '1:', ':', '1::', '12:30:', '1.1.1.1.', 'ab12 ', 'AB12', 'GB82WEST', 'a1',
        '+1 ', '0(', '(0) ', '0 ', '٠ ', 'a-', '4111 ', '4111  ', '4111.', '1  ', '050/123 ', '12 / 123 ', '05/2024 ', '15.03.2024 '];
      for (const unit of units) expect(timed(repeat(unit, 10_000)), unit).to.be.below(LIMIT_MS);
      expect(timed(repeat('a.', 10_000) + ' @x')).to.be.below(LIMIT_MS);
      expect(timed(repeat('a', 10_000) + '@')).to.be.below(LIMIT_MS);
      expect(timed('a@' + repeat('b.', 10_000) + '1')).to.be.below(LIMIT_MS);
      expect(timed('a@' + repeat('b-', 10_000) + '.c1')).to.be.below(LIMIT_MS);
      // The card lookbehind reads back over a run of spaces: only at a digit, once per run.
      expect(timed('1' + ' '.repeat(10_000) + '1')).to.be.below(LIMIT_MS);
      expect(timed(repeat('1' + ' '.repeat(500), 10_000))).to.be.below(LIMIT_MS);
    });
  });

  describe('sample comments', () => {
    // The generator's own formats, matched independently of the code under test: randomAddress() in
    // people.ts, phoneNumber() and ibanLike() in comments.ts.
    const SAMPLE_EMAIL = /[a-z]+\.[a-z]+@example\.com/g;
    const SAMPLE_PHONE = /\+\d{2,3}(?: \d+)+/g;
    const SAMPLE_IBAN = /[A-Z]{2}\d{2}(?: \d{4})+/g;
    const matches = (text: string, pattern: RegExp): number => text.match(pattern)?.length ?? 0;

    it('redacts exactly the personal data the generator put in 4000 comments, and nothing else', () => {
      const random = createSampleRandom(2024);
      const seen = { email: 0, phone: 0, iban: 0 };
      for (let i = 0; i < 4000; i++) {
        const comment = composeComment(random, {
          language: random.pick(LANGUAGES),
          // Refund complaints carry the account numbers; give them a larger share.
          topic: random.chance(0.4) ? 'fee' : random.pick(TOPICS),
          positive: random.chance(0.3),
        });
        seen.email += matches(comment, SAMPLE_EMAIL);
        seen.phone += matches(comment, SAMPLE_PHONE);
        seen.iban += matches(comment, SAMPLE_IBAN);
        // ibanLike() draws its check digits at random: about 1 in 97 passes mod 97 by chance.
        const expected = comment
          .replace(SAMPLE_EMAIL, '[email]')
          .replace(SAMPLE_PHONE, '[phone]')
          .replace(SAMPLE_IBAN, (iban) => (ibanValid(iban) ? '[iban]' : `${iban.slice(0, 2)}[number]`));
        expect(redact(comment), comment).to.equal(expected);
      }
      // Not vacuous: each kind turned up often enough to matter.
      expect(seen.email).to.be.above(20);
      expect(seen.phone).to.be.above(20);
      expect(seen.iban).to.be.above(100);
    });

    it('leaves no address, phone or account number in 2000 generated feedback rows', () => {
      let withPersonalData = 0;
      for (const row of generateFeedbackRows({ seed: 5, rows: 2000 })) {
        // The comment is the last column, also in rows whose columns were shifted on purpose.
        const comment = row[row.length - 1]!;
        const redacted = redact(comment);
        if (redacted !== comment) withPersonalData++;
        expect(redacted, comment).not.to.include('@');
        expect(matches(redacted, SAMPLE_PHONE), comment).to.equal(0);
        expect(matches(redacted, SAMPLE_IBAN), comment).to.equal(0);
        // No run of six digits, with or without single spaces between them, survives.
        expect(redacted, comment).not.to.match(/\d(?: ?\d){5}/);
        // The respondent column is an address or a 7-digit customer number.
        expect(redact(row[0]!).trim(), row[0]).to.be.oneOf(['[email]', '[number]']);
      }
      expect(withPersonalData).to.be.above(10);
    });
  });
});
