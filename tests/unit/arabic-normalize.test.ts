import {
  ARABIC_LETTER_FOLDS,
  ARABIC_MARKS_RE,
  BIDI_CONTROLS_RE,
  INVISIBLES_RE,
  TATWEEL,
  TATWEEL_RE,
  lowerLatin,
  normalizeArabic,
  toAsciiDigits,
} from '../../src/lib/arabic-normalize';

const cp = (c: number): string => String.fromCharCode(c);
const hex = (c: number): string => 'U+' + c.toString(16).toUpperCase().padStart(4, '0');

/** Every code point of an inclusive range. */
const range = (a: number, b: number): number[] => Array.from({ length: b - a + 1 }, (_, i) => a + i);

describe('normalizeArabic: Arabic marks are stripped', () => {
  // Every code point of every range: each sits between two letters that never compose with it.
  const marks = [
    ...range(0x0610, 0x061a),
    ...range(0x064b, 0x065f),
    0x0670,
    ...range(0x06d6, 0x06ed),
  ];
  it.each(marks.map((c) => [hex(c), c]))('%s', (_name, c) => {
    expect(normalizeArabic(`ب${cp(c)}ت`)).toBe('بت');
  });

  it.each([
    ['full tashkeel', 'مُحَمَّدٌ', 'محمد'],
    ['shadda + kasra', 'الإسْلامِيَّة', 'الاسلاميه'],
    ['superscript alef', 'هٰذا', 'هذا'],
    ['Quranic marks', 'الرَّحِيمِ ۝ ۞', 'الرحيم'],
    ['hamza above on alef composes then folds', 'ا\u0654حمد', 'احمد'],
    ['madda on alef composes then folds', 'ا\u0653من', 'امن'],
  ])('%s', (_name, input, expected) => {
    expect(normalizeArabic(input)).toBe(expected);
  });

  it('does not strip Arabic letters or punctuation outside the ranges', () => {
    expect(normalizeArabic('سؤال، جواب؛ لماذا؟')).toBe('سوال، جواب؛ لماذا؟');
  });
});

describe('normalizeArabic: tatweel', () => {
  it.each([
    ['single', 'كـتاب', 'كتاب'],
    ['run', 'الـــــرئيس', 'الرييس'],
    ['only tatweel', 'ـــ', ''],
    ['tatweel between words', 'قال ـــ وزير', 'قال وزير'],
  ])('%s', (_name, input, expected) => {
    expect(normalizeArabic(input)).toBe(expected);
  });
  it('exports TATWEEL as U+0640', () => expect(TATWEEL).toBe('\u0640'));
});

describe('normalizeArabic: zero-width and bidi controls', () => {
  const controls = [
    ...range(0x200b, 0x200f),
    ...range(0x202a, 0x202e),
    ...range(0x2066, 0x2069),
    0xfeff,
    // additions: Arabic letter mark, word joiner, soft hyphen
    0x061c,
    0x2060,
    0x00ad,
  ];
  it.each(controls.map((c) => [hex(c), c]))('%s inside a word', (_name, c) => {
    expect(normalizeArabic(`بروك${cp(c)}سل`)).toBe('بروكسل');
    expect(normalizeArabic(`Brus${cp(c)}sels`)).toBe('brussels');
  });

  it('strips a leading BOM and RTL embedding around a headline', () => {
    expect(normalizeArabic('\uFEFF\u202Bالناتو\u202C \u200Fيجتمع\u200F')).toBe('الناتو يجتمع');
  });

  it('keeps ZWJ inside emoji sequences but drops it between Arabic letters', () => {
    const family = '👨\u200D👩\u200D👧';
    const heartOnFire = '❤\uFE0F\u200D🔥';
    expect(normalizeArabic(family)).toBe(family);
    expect(normalizeArabic(heartOnFire)).toBe(heartOnFire);
    expect(normalizeArabic('ل\u200Dا')).toBe('لا');
  });
});

describe('normalizeArabic: letter folds', () => {
  it.each([
    ['أ → ا', 'أحمد', 'احمد'],
    ['إ → ا', 'إسرائيل', 'اسراييل'],
    ['آ → ا', 'آمن', 'امن'],
    ['ٱ → ا', 'ٱلله', 'الله'],
    ['ى → ي', 'مستشفى', 'مستشفي'],
    ['ة → ه', 'مدرسة', 'مدرسه'],
    ['ؤ → و', 'مؤتمر', 'موتمر'],
    ['ئ → ي', 'رئيس', 'رييس'],
    ['Persian ک → ك', 'کتاب', 'كتاب'],
    ['Persian ی → ي', 'ایران', 'ايران'],
  ])('%s', (_name, input, expected) => {
    expect(normalizeArabic(input)).toBe(expected);
  });

  it('folds exactly the documented set', () => {
    expect(Object.keys(ARABIC_LETTER_FOLDS).sort()).toEqual(
      ['أ', 'إ', 'آ', 'ٱ', 'ى', 'ة', 'ؤ', 'ئ', 'ک', 'ی'].sort(),
    );
  });

  it('leaves unrelated letters alone (ء, ه, ي, ك, و, ا)', () => {
    expect(normalizeArabic('ء ه ي ك و ا')).toBe('ء ه ي ك و ا');
  });

  it('makes spelling variants of a query meet the indexed text', () => {
    const variants = ['أُسْتُرالْيَا', 'استراليا', 'أستراليا', 'استرالـيـا', 'إستراليا'];
    const forms = new Set(variants.map(normalizeArabic));
    expect([...forms]).toEqual(['استراليا']);
    expect(normalizeArabic('الإنفاق الدفاعي')).toBe(normalizeArabic('الانفاق الدفاعى'));
  });
});

describe('normalizeArabic: digits', () => {
  it('Arabic-Indic U+0660–0669 → 0-9', () => {
    expect(normalizeArabic('٠١٢٣٤٥٦٧٨٩')).toBe('0123456789');
  });
  it('Persian U+06F0–06F9 → 0-9', () => {
    expect(normalizeArabic('۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789');
  });
  it('digits in context', () => {
    expect(normalizeArabic('قمة ٢٠٢٥ في ۱۴۰۳')).toBe('قمه 2025 في 1403');
  });
  it('toAsciiDigits converts only digits', () => {
    expect(toAsciiDigits('عام ٢٠٢٥ و۱۴۰۳ Ab!')).toBe('عام 2025 و1403 Ab!');
  });
});

describe('normalizeArabic: Latin, other scripts, emoji', () => {
  it.each([
    ['ASCII upper', 'NATO Ministers', 'nato ministers'],
    ['Latin-1 upper keeps accents', 'ÀÉÎÕÜ Ç', 'àéîõü ç'],
    ['Latin Extended', 'ŁÓDŹ ĞÜŞ', 'łódź ğüş'],
    ['dotted capital I → plain i', 'İSTANBUL', 'istanbul'],
    ['full-width Latin via NFKC', 'ＮＡＴＯ', 'nato'],
    ['mixed Arabic/Latin', 'قمة NATO في Brussels', 'قمه nato في brussels'],
    ['Greek untouched', 'ΑΘΗΝΑ', 'ΑΘΗΝΑ'],
    ['Cyrillic untouched', 'МОСКВА', 'МОСКВА'],
    ['emoji untouched', 'خبر 🔥 عاجل 👍🏽 🇸🇦', 'خبر 🔥 عاجل 👍🏽 🇸🇦'],
  ])('%s', (_name, input, expected) => {
    expect(normalizeArabic(input)).toBe(expected);
  });

  it('lowerLatin does not touch Greek, Arabic or emoji', () => {
    expect(lowerLatin('ABC Ω ب 😀 É')).toBe('abc Ω ب 😀 é');
  });
});

describe('normalizeArabic: presentation forms (NFKC)', () => {
  it.each([
    ['lam-alef ligature U+FEFB', '\uFEFB', 'لا'],
    ['Allah ligature U+FDF2', '\uFDF2', 'الله'],
    ['salla ligature U+FDFA', '\uFDFA', 'صلي الله عليه وسلم'],
    ['contextual forms U+FE70 block', '\uFEE3\uFEA4\uFEE4\uFEAA', 'محمد'],
    ['isolated taa marbuta folds after NFKC', '\uFE93', 'ه'],
    ['alef with hamza form folds after NFKC', '\uFE83', 'ا'],
    ['U+FB50 block: alef wasla isolated', '\uFB50', 'ا'],
    ['Arabic-Indic digits stay digits after NFKC', '\u0663', '3'],
  ])('%s', (_name, input, expected) => {
    expect(normalizeArabic(input)).toBe(expected);
  });
});

describe('normalizeArabic: whitespace', () => {
  it.each([
    ['collapses runs', 'a   b\t\tc', 'a b c'],
    ['trims', '  سلام  ', 'سلام'],
    ['newlines and NBSP', 'سطر\n\n\u00A0ثاني\r\n', 'سطر ثاني'],
    ['ideographic / thin spaces', 'a\u3000b\u2009c\u202Fd', 'a b c d'],
    ['deleted controls do not leave double spaces', 'a \u200B b', 'a b'],
    ['whitespace only', ' \n\t ', ''],
    ['empty', '', ''],
  ])('%s', (_name, input, expected) => {
    expect(normalizeArabic(input)).toBe(expected);
  });
});

describe('normalizeArabic: real article text', () => {
  const body =
    'تتسارع وتيرة المناقشات داخل الاتحاد الأوروبي حول سبل زيادة الإنفاق الدفاعي، ويعقد وزراء خارجية الدول الأعضاء في حلف شمال الأطلسي «الناتو» غداً (الخميس)، اجتماعات تستمر يومين في العاصمة البلجيكية بروكسل.';

  it('normalises the body as expected', () => {
    expect(normalizeArabic(body)).toBe(
      'تتسارع وتيره المناقشات داخل الاتحاد الاوروبي حول سبل زياده الانفاق الدفاعي، ويعقد وزراء خارجيه الدول الاعضاء في حلف شمال الاطلسي «الناتو» غدا (الخميس)، اجتماعات تستمر يومين في العاصمه البلجيكيه بروكسل.',
    );
  });

  it('finds differently spelled queries in the normalised body', () => {
    const index = normalizeArabic(body);
    for (const q of ['الإنفاق الدفاعي', 'الأوروبى', 'العاصمة البلجيكية', 'الأَطْلَسِيّ', 'غدًا']) {
      expect(index).toContain(normalizeArabic(q));
    }
  });
});

describe('normalizeArabic: output invariants and idempotence', () => {
  const samples = [
    'وزراء خارجية «الناتو» يجتمعون في بروكسل لبحث الإنفاق الدفاعي',
    'مُحَمَّدٌ ـــ أحمد  \u200F٢٠٢٥',
    'Café CRÈME ﷲ ﻻ ۱۴۰۳',
    'J\u030C and e\u200B\u0301', // lower-casing / deletion create composable pairs
    '👨\u200D👩\u200D👧 \u200D😀',
    'İ\u0307 A\u0328\u0301',
  ];

  // Deterministic pseudo-random strings over the tricky alphabet.
  const alphabet = [
    'ا', 'أ', 'إ', 'آ', 'ٱ', 'ى', 'ي', 'ة', 'ؤ', 'ئ', 'ک', 'ی', 'ب', 'ل',
    '\u064E', '\u0651', '\u0653', '\u0654', '\u0655', '\u0670', '\u06E1', '\u0615', TATWEEL,
    '\u200B', '\u200C', '\u200D', '\u200F', '\u202B', '\u2067', '\uFEFF', '\u061C',
    '٣', '۷', '7', 'A', 'J', 'e', 'E', 'İ', '\u0301', '\u030C', '\u0327', '\u0307',
    ' ', '  ', '\t', '\n', '\u00A0', '\uFEFB', '\uFDF2', '\uFE93', 'Ω', '😀', '👍🏽', '\uFE0F', '،', '-',
  ];
  let seed = 0x2025;
  const rand = (): number => {
    // mulberry32
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const fuzz = Array.from({ length: 2000 }, () =>
    Array.from({ length: 1 + Math.floor(rand() * 12) }, () => alphabet[Math.floor(rand() * alphabet.length)]).join(''),
  );

  it.each(samples.map((s) => [JSON.stringify(s), s]))('idempotent on %s', (_name, s) => {
    const once = normalizeArabic(s);
    expect(normalizeArabic(once)).toBe(once);
  });

  it('idempotent on 2000 generated strings', () => {
    const failures = fuzz.filter((s) => normalizeArabic(normalizeArabic(s)) !== normalizeArabic(s));
    expect(failures).toEqual([]);
  });

  it('outputs contain no marks, tatweel, controls, folded letters, non-ASCII digits or A-Z', () => {
    const folds = new RegExp(`[${Object.keys(ARABIC_LETTER_FOLDS).join('')}]`);
    const bad = fuzz
      .concat(samples)
      .map(normalizeArabic)
      .filter(
        (o) =>
          // a ZWJ kept inside an emoji sequence is the only allowed control
          o.replace(/\u200D/g, '') !== o.replace(/\u200D/g, '').replace(INVISIBLES_RE, '') ||
          /[\u0660-\u0669\u06F0-\u06F9A-Z]/.test(o) ||
          folds.test(o) ||
          /\s\s|^\s|\s$|[\t\n\u00A0]/.test(o) ||
          o !== o.normalize('NFKC'),
      );
    expect(bad).toEqual([]);
  });

  it('the exported regexes match what normalizeArabic deletes', () => {
    expect('مُحَمَّد'.replace(ARABIC_MARKS_RE, '')).toBe('محمد');
    expect('كـــتاب'.replace(TATWEEL_RE, '')).toBe('كتاب');
    expect('\u200Fنص\u202C'.replace(BIDI_CONTROLS_RE, '')).toBe('نص');
    // global regexes are reusable (String#replace resets lastIndex)
    expect('مُ'.replace(ARABIC_MARKS_RE, '')).toBe('م');
  });
});
