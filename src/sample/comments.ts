/**
 * Verbatims for the sample data: short, natural comments in English, Hungarian, Polish, Greek and
 * Arabic about what people actually write about public services — waiting, forms, staff, the portal
 * being down, fees. Some carry commas, double quotes and line breaks (so CSV quoting is exercised),
 * and a few carry synthetic personal data (an e-mail, a phone number, an IBAN-like account) for the
 * redaction step to find. Phone numbers use ranges set aside for fiction where one exists (UK 07700 900xxx).
 */
import { randomAddress, type Language } from './people.ts';
import type { SampleRandom } from './random.ts';

export const TOPICS = ['waiting', 'forms', 'staff', 'portal', 'fee', 'general'] as const;
export type Topic = (typeof TOPICS)[number];

interface Sentiments {
  readonly positive: readonly string[];
  readonly negative: readonly string[];
}

const BANK: Readonly<Record<Language, Readonly<Record<Topic, Sentiments>>>> = {
  en: {
    waiting: {
      positive: [
        'Much quicker than last year, I had an answer within a week.',
        'The wait was short and the text updates were really helpful.',
        'I expected to wait for months, but it took ten days. Impressed.',
      ],
      negative: [
        'Waited six weeks for a decision and nobody could tell me why.',
        'The queue at the branch was over an hour, with only two desks open.',
        'Every time I called I was told "it\'s in the system". For a month.',
        'Still waiting. No update, no e-mail, nothing.',
      ],
    },
    forms: {
      positive: [
        'The new online form is clear and it saved my progress.',
        'Filling in the application took ten minutes, well done.',
        'Clear instructions, and the checklist of documents was spot on.',
      ],
      negative: [
        'The form asks for the same information three times.',
        'Section 4 makes no sense, and the help text just repeats the question.',
        'I had to print, sign and scan the form, then upload it again because the file was "too large".',
        'Why do I have to send my birth certificate again? You already have it.',
      ],
    },
    staff: {
      positive: [
        'The lady at the front desk was patient and explained everything.',
        'Friendly, knowledgeable staff. Thank you!',
        'The advisor on the phone called me back, as promised, the same afternoon.',
      ],
      negative: [
        'The person on the phone was rude and hung up on me.',
        'Two members of staff gave me two different answers, so I had to come back.',
        'I was transferred four times and had to explain everything again each time.',
      ],
    },
    portal: {
      positive: [
        'The portal works well now, uploading documents was easy.',
        'Love the app, I can track my case from my phone.',
        'Logging in with the ID card reader was quick and painless.',
      ],
      negative: [
        'The portal was down again when I tried to submit, so I lost everything I had typed.',
        'Error 503 for two days. I gave up and went to the branch.',
        'The page said "Service temporarily unavailable" all weekend.',
        'The app logs me out every few minutes, it is unusable.',
      ],
    },
    fee: {
      positive: [
        'The fee was reasonable and the card payment went through instantly.',
        'Good that you can finally pay the fee online.',
      ],
      negative: [
        'Why is the fee 45 euros for a form I filled in myself?',
        'I was charged twice and I am still waiting for the refund.',
        'Nobody mentioned the extra fee until the very last step.',
      ],
    },
    general: {
      positive: ['Great service, thank you!', 'Everything went smoothly.', 'Simple, fast, no complaints.', 'Much better than it used to be.'],
      negative: ['Very frustrating experience overall.', 'I would not recommend this to anyone, sorry.', 'It should not be this hard.'],
    },
  },
  hu: {
    waiting: {
      positive: ['Gyorsabb volt, mint tavaly, egy héten belül megkaptam a választ.', 'Rövid volt a várakozás, az SMS-értesítések nagyon hasznosak voltak.'],
      negative: ['Hat hetet vártam a döntésre, és senki nem tudta megmondani, miért.', 'Több mint egy órát álltam sorban, pedig volt időpontom.'],
    },
    forms: {
      positive: ['Az új online űrlap egyértelmű, és elmenti, hol tartok.', 'Tíz perc alatt kitöltöttem a kérelmet, ügyes!'],
      negative: ['Az űrlap háromszor kéri ugyanazokat az adatokat.', 'Ki kellett nyomtatni, aláírni, majd beszkennelni a nyomtatványt – ez nevetséges.'],
    },
    staff: {
      positive: ['Az ügyintéző nagyon türelmes volt, és mindent elmagyarázott.', 'Kedves, segítőkész kollégák. Köszönöm!'],
      negative: ['Az ügyintéző udvariatlan volt, és letette a telefont.', 'Két ügyintéző két különböző választ adott.'],
    },
    portal: {
      positive: ['A portál most már jól működik, a dokumentumok feltöltése egyszerű volt.', 'Az alkalmazásban követni tudom, hol tart az ügyem.'],
      negative: ['A portál megint nem működött, amikor be akartam küldeni a kérelmet.', 'Két napig csak hibaüzenetet kaptam, végül személyesen mentem be.'],
    },
    fee: {
      positive: ['Az illeték elfogadható volt, és a kártyás fizetés azonnal ment.'],
      negative: ['Miért kell 12 000 forintot fizetni egy űrlapért, amit én töltöttem ki?', 'Kétszer vonták le a díjat, és még mindig nem kaptam vissza.'],
    },
    general: {
      positive: ['Kiváló szolgáltatás, köszönöm!', 'Minden gördülékenyen ment.'],
      negative: ['Összességében nagyon bosszantó élmény volt.', 'Ennek nem kellene ilyen nehéznek lennie.'],
    },
  },
  pl: {
    waiting: {
      positive: ['Dużo szybciej niż w zeszłym roku, odpowiedź dostałem w ciągu tygodnia.', 'Krótkie oczekiwanie, a powiadomienia SMS bardzo pomagają.'],
      negative: ['Czekałem sześć tygodni na decyzję i nikt nie potrafił powiedzieć dlaczego.', 'W kolejce stałam ponad godzinę, mimo że byłam umówiona.'],
    },
    forms: {
      positive: ['Nowy formularz online jest przejrzysty i zapisuje postęp.', 'Wypełnienie wniosku zajęło mi dziesięć minut, brawo.'],
      negative: ['Formularz trzy razy pyta o te same dane.', 'Musiałem wydrukować formularz, podpisać go i zeskanować – absurd.'],
    },
    staff: {
      positive: ['Konsultant był bardzo cierpliwy i wszystko mi wyjaśnił.', 'Miła i kompetentna obsługa. Dziękuję!'],
      negative: ['Pani przy okienku była niemiła i odesłała mnie do innego działu.', 'Przełączano mnie cztery razy i za każdym razem musiałem wszystko powtarzać.'],
    },
    portal: {
      positive: ['Portal działa teraz bez zarzutu, dodanie dokumentów było proste.', 'W aplikacji widzę, na jakim etapie jest moja sprawa.'],
      negative: ['Portal znowu nie działał, kiedy próbowałem wysłać wniosek.', 'Przez dwa dni widziałem tylko komunikat o błędzie.'],
    },
    fee: {
      positive: ['Opłata była rozsądna, a płatność kartą przeszła od razu.'],
      negative: ['Dlaczego opłata wynosi 100 zł za formularz, który wypełniłem sam?', 'Opłatę pobrano dwa razy i nadal czekam na zwrot.'],
    },
    general: {
      positive: ['Świetna obsługa, dziękuję!', 'Wszystko poszło sprawnie.'],
      negative: ['Ogólnie bardzo frustrujące doświadczenie.', 'To nie powinno być takie trudne.'],
    },
  },
  el: {
    waiting: {
      positive: ['Πολύ πιο γρήγορα από πέρυσι, πήρα απάντηση μέσα σε μία εβδομάδα.', 'Η αναμονή ήταν μικρή και τα μηνύματα ενημέρωσης πολύ χρήσιμα.'],
      negative: ['Περίμενα έξι εβδομάδες για μια απόφαση και κανείς δεν μπορούσε να μου πει γιατί.', 'Περίμενα στην ουρά πάνω από μία ώρα, παρόλο που είχα ραντεβού.'],
    },
    forms: {
      positive: ['Η νέα ηλεκτρονική φόρμα είναι σαφής και αποθηκεύει την πρόοδό μου.', 'Συμπλήρωσα την αίτηση σε δέκα λεπτά, μπράβο.'],
      negative: ['Η φόρμα ζητά τα ίδια στοιχεία τρεις φορές.', 'Έπρεπε να εκτυπώσω, να υπογράψω και να σκανάρω την αίτηση. Απίστευτο.'],
    },
    staff: {
      positive: ['Η υπάλληλος ήταν πολύ υπομονετική και μου εξήγησε τα πάντα.', 'Ευγενικό και ενημερωμένο προσωπικό. Ευχαριστώ!'],
      negative: ['Ο υπάλληλος στο τηλέφωνο ήταν αγενής και μου το έκλεισε.', 'Δύο υπάλληλοι μου έδωσαν δύο διαφορετικές απαντήσεις.'],
    },
    portal: {
      positive: ['Η πύλη λειτουργεί πλέον σωστά και το ανέβασμα των εγγράφων ήταν εύκολο.', 'Από την εφαρμογή βλέπω σε ποιο στάδιο είναι η υπόθεσή μου.'],
      negative: ['Η πύλη ήταν πάλι εκτός λειτουργίας όταν προσπάθησα να υποβάλω την αίτηση.', 'Δύο μέρες έβλεπα μόνο μήνυμα σφάλματος.'],
    },
    fee: {
      positive: ['Το παράβολο ήταν λογικό και η πληρωμή με κάρτα έγινε αμέσως.'],
      negative: ['Γιατί το παράβολο είναι 45 ευρώ για μια φόρμα που συμπλήρωσα μόνος μου;', 'Με χρέωσαν δύο φορές και ακόμα περιμένω την επιστροφή.'],
    },
    general: {
      positive: ['Εξαιρετική εξυπηρέτηση, ευχαριστώ!', 'Όλα πήγαν ομαλά.'],
      negative: ['Συνολικά, πολύ απογοητευτική εμπειρία.', 'Δεν θα έπρεπε να είναι τόσο δύσκολο.'],
    },
  },
  ar: {
    waiting: {
      positive: ['كانت الإجراءات أسرع بكثير من العام الماضي، وحصلت على الرد خلال أسبوع.', 'كان الانتظار قصيرًا، ورسائل التحديث النصية مفيدة جدًا.'],
      negative: ['انتظرت ستة أسابيع للحصول على قرار، ولم يستطع أحد أن يخبرني بالسبب.', 'وقفت في الطابور أكثر من ساعة رغم أن لدي موعدًا مسبقًا.'],
    },
    forms: {
      positive: ['الاستمارة الإلكترونية الجديدة واضحة وتحفظ ما أدخلته.', 'أكملت الطلب في عشر دقائق، أحسنتم.'],
      negative: ['الاستمارة تطلب المعلومات نفسها ثلاث مرات.', 'اضطررت إلى طباعة النموذج وتوقيعه ثم مسحه ضوئيًا، وهذا غير معقول.'],
    },
    staff: {
      positive: ['كانت الموظفة صبورة جدًا وشرحت لي كل شيء.', 'موظفون لطفاء وعلى دراية. شكرًا لكم!'],
      negative: ['كان الموظف على الهاتف غير مهذب وأغلق الخط في وجهي.', 'أعطاني موظفان إجابتين مختلفتين.'],
    },
    portal: {
      positive: ['البوابة تعمل الآن بشكل جيد، وكان تحميل المستندات سهلًا.', 'أستطيع متابعة طلبي من التطبيق على هاتفي.'],
      negative: ['كانت البوابة الإلكترونية معطلة مرة أخرى عندما حاولت تقديم الطلب.', 'لمدة يومين لم تظهر لي سوى رسالة خطأ.'],
    },
    fee: {
      positive: ['كانت الرسوم معقولة وتم الدفع بالبطاقة فورًا.'],
      negative: ['لماذا الرسوم 45 يورو مقابل نموذج ملأته بنفسي؟', 'تم خصم الرسوم مرتين وما زلت أنتظر استرداد المبلغ.'],
    },
    general: {
      positive: ['خدمة ممتازة، شكرًا لكم!', 'سار كل شيء بسلاسة.'],
      negative: ['بشكل عام، كانت تجربة محبطة جدًا.', 'لا ينبغي أن يكون الأمر بهذه الصعوبة.'],
    },
  },
};

/** Sentences that hand over personal data; {phone}, {email} and {iban} are filled in with synthetic values. */
const PERSONAL_DATA: Readonly<Record<Language, readonly [phone: string, email: string, account: string]>> = {
  en: ['You can call me back on {phone}.', 'Please reply to {email}, not the address you have on file.', 'Please refund the fee to {iban}.'],
  hu: ['Kérem, hívjanak vissza a {phone} számon.', 'Az e-mail-címem: {email}', 'A visszatérítést erre a számlára kérem: {iban}'],
  pl: ['Proszę o kontakt pod numerem {phone}.', 'Mój e-mail to {email}.', 'Proszę o zwrot na konto {iban}.'],
  el: ['Μπορείτε να με καλέσετε στο {phone}.', 'Το email μου είναι {email}.', 'Παρακαλώ επιστρέψτε τα χρήματα στον λογαριασμό {iban}.'],
  ar: ['يمكنكم الاتصال بي على الرقم {phone}.', 'بريدي الإلكتروني هو {email}.', 'يرجى إعادة المبلغ إلى حسابي {iban}.'],
};

const digits = (random: SampleRandom, count: number): string => {
  let text = '';
  for (let i = 0; i < count; i++) text += String(random.int(10));
  return text;
};

function phoneNumber(random: SampleRandom, language: Language): string {
  switch (language) {
    case 'en':
      return `+44 7700 900${digits(random, 3)}`;
    case 'hu':
      return `+36 30 ${digits(random, 3)} ${digits(random, 4)}`;
    case 'pl':
      return `+48 5${digits(random, 2)} ${digits(random, 3)} ${digits(random, 3)}`;
    case 'el':
      return `+30 69${digits(random, 1)} ${digits(random, 3)} ${digits(random, 4)}`;
    case 'ar':
      return `+971 50 ${digits(random, 3)} ${digits(random, 4)}`;
  }
}

/** Shaped like an IBAN (country, two check digits, groups of four) but not a valid one. */
function ibanLike(random: SampleRandom, language: Language): string {
  const country = { en: 'GB', hu: 'HU', pl: 'PL', el: 'GR', ar: 'AE' }[language];
  const groups = { en: 4, hu: 6, pl: 6, el: 6, ar: 5 }[language];
  const parts = [`${country}${digits(random, 2)}`];
  for (let i = 0; i < groups; i++) parts.push(digits(random, 4));
  return parts.join(' ');
}

export interface CommentRequest {
  readonly language: Language;
  readonly topic: Topic;
  readonly positive: boolean;
}

/** Share of comments with a second sentence; of those, how many put it on a new line. */
const SECOND_SENTENCE = 0.22;
const ON_NEW_LINE = 0.45;
const WINDOWS_NEW_LINE = 0.15;
/** Personal data for the redaction step: contact details anywhere, an account number in refund complaints. */
const WITH_CONTACT_DETAILS = 0.03;
const WITH_ACCOUNT_NUMBER = 0.2;

export function composeComment(random: SampleRandom, { language, topic, positive }: CommentRequest): string {
  const bank = BANK[language];
  const tone = (t: Topic): readonly string[] => (positive ? bank[t].positive : bank[t].negative);
  let text = random.pick(tone(topic));
  if (random.chance(SECOND_SENTENCE)) {
    const other = topic === 'general' ? random.pick(TOPICS) : 'general';
    const next = random.pick(tone(other));
    if (next !== text) {
      const separator = random.chance(ON_NEW_LINE) ? (random.chance(WINDOWS_NEW_LINE) ? '\r\n' : '\n') : ' ';
      text += separator + next;
    }
  }
  // Someone asking for a refund gives their account number; anyone may leave a phone or an address.
  const [phone, email, account] = PERSONAL_DATA[language];
  if (topic === 'fee' && !positive && random.chance(WITH_ACCOUNT_NUMBER)) {
    text += ' ' + account.replace('{iban}', ibanLike(random, language));
  } else if (random.chance(WITH_CONTACT_DETAILS)) {
    text += ' ' + (random.chance(0.5) ? phone.replace('{phone}', phoneNumber(random, language)) : email.replace('{email}', randomAddress(random, language)));
  }
  return text;
}
