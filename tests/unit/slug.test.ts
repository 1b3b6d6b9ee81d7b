import {
  SLUG_MAX_LENGTH,
  SLUG_REGEX_SOURCE,
  isValidSlug,
  slugify,
  truncateSlug,
  uniqueSlug,
  withSuffix,
} from '../../src/lib/slug';

// Compiled exactly as Strapi compiles a UID attribute's `regex` option: no flags.
const strapiRe = new RegExp(SLUG_REGEX_SOURCE);

const HEADLINE = 'وزراء خارجية «الناتو» يجتمعون في بروكسل لبحث الإنفاق الدفاعي';

describe('slugify', () => {
  it.each([
    ['Arabic news headline', HEADLINE, 'وزراء-خارجية-الناتو-يجتمعون-في-بروكسل-لبحث-الإنفاق-الدفاعي'],
    ['English headline', 'NATO Ministers Meet in Brussels!', 'nato-ministers-meet-in-brussels'],
    ['tashkeel removed', 'مُحَمَّدٌ يَكْتُبُ الرِّسَالَةَ', 'محمد-يكتب-الرسالة'],
    ['superscript alef / Quranic marks removed', 'هٰذا ۝ كتاب', 'هذا-كتاب'],
    ['tatweel removed', 'الـــرئيس يـقـول', 'الرئيس-يقول'],
    ['Arabic-Indic digits', '٢٠٢٥', '2025'],
    ['Persian digits', '۱۴۰۳', '1403'],
    ['digits in a title', 'انتخابات ٢٠٢٥: النتائج', 'انتخابات-2025-النتائج'],
    ['hamza forms, ة and ى are kept', 'إيران تؤكد أن آلية الأمم المتحدة على ما يرام', 'إيران-تؤكد-أن-آلية-الأمم-المتحدة-على-ما-يرام'],
    ['ئ and ٱ kept', 'رئيس ٱلوزراء', 'رئيس-ٱلوزراء'],
    ['Persian letters kept (not folded)', 'کتاب ایران', 'کتاب-ایران'],
    ['Kurdish/Urdu/Sindhi letters kept', 'ئەم ۓ ۺ ڤ', 'ئەم-ۓ-ۺ-ڤ'],
    ['Latin diacritics removed', 'Café Crème Ångström', 'cafe-creme-angstrom'],
    ['non-decomposing Latin letters transliterated', 'Straße Øresund Łódź', 'strasse-oresund-lodz'],
    ['dotted capital I', 'İSTANBUL', 'istanbul'],
    ['full-width Latin via NFKC', 'ＮＡＴＯ ２０２５', 'nato-2025'],
    ['presentation forms via NFKC', '\uFEFB \uFEE3\uFEA4\uFEE4\uFEAA', 'لا-محمد'],
    ['mixed scripts', 'قمة NATO في Brussels ٢٠٢٥', 'قمة-nato-في-brussels-2025'],
    ['Arabic punctuation separates', 'ماذا؟ لماذا، كيف؛ متى', 'ماذا-لماذا-كيف-متى'],
    ['URL-hostile characters separate', 'a/b?c#d%e&f=g+h', 'a-b-c-d-e-f-g-h'],
    ['underscore, dot and apostrophe separate', "it's_a.test", 'it-s-a-test'],
    ['runs of separators collapse, edges trimmed', '  --  «خبر» --- عاجل!!  ', 'خبر-عاجل'],
    ['emoji become separators', 'عاجل 🔥 الآن 👨\u200D👩\u200D👧', 'عاجل-الآن'],
    ['other scripts become separators', 'Athens Αθήνα أثينا', 'athens-أثينا'],
  ])('%s', (_name, input, expected) => {
    expect(slugify(input)).toBe(expected);
  });

  it.each([
    ['RLM at the end', 'بروكسل\u200F', 'بروكسل'],
    ['ZWNJ inside a word joins, not splits', 'برو\u200Cكسل', 'بروكسل'],
    ['RLE/PDF wrapping', '\u202Bالناتو\u202C', 'الناتو'],
    ['isolates', '\u2067خبر\u2069 \u2066NATO\u2069', 'خبر-nato'],
    ['BOM', '\uFEFFعاجل', 'عاجل'],
  ])('invisible controls: %s', (_name, input, expected) => {
    expect(slugify(input)).toBe(expected);
  });

  it.each([
    ['punctuation only', '!!! ... ؟؟ «» ---'],
    ['empty', ''],
    ['whitespace only', ' \n\t '],
    ['marks and tatweel only', '\u064E\u0651ـــ'],
    ['emoji only', '🔥👍🏽'],
    ['controls only', '\u200F\u200B\uFEFF'],
  ])('returns "" for %s', (_name, input) => {
    expect(slugify(input)).toBe('');
  });

  it('is stable: slugify(slugify(x)) === slugify(x)', () => {
    for (const s of [HEADLINE, 'NATO Ministers Meet in Brussels!', 'Café ٢٠٢٥ مُحَمَّد']) {
      expect(slugify(slugify(s))).toBe(slugify(s));
    }
  });
});

describe('slugify: length', () => {
  const long = Array.from({ length: 12 }, () => HEADLINE).join(' — ');
  const full = slugify(long, 10_000);

  it('defaults to 120 characters', () => {
    expect(SLUG_MAX_LENGTH).toBe(120);
    expect(full.length).toBeGreaterThan(120);
    expect(slugify(long).length).toBeLessThanOrEqual(120);
  });

  it.each([120, 60, 33, 20])('cuts at a word boundary (max %i)', (max) => {
    const s = slugify(long, max);
    expect(s.length).toBeLessThanOrEqual(max);
    expect(s.length).toBeGreaterThan(max / 2);
    expect(full.startsWith(s)).toBe(true);
    expect(full[s.length]).toBe('-'); // the next character of the full slug is a boundary
    expect(s.endsWith('-')).toBe(false);
    expect(strapiRe.test(s)).toBe(true);
  });

  it('cuts exactly when the boundary falls right after the limit', () => {
    expect(truncateSlug('abc-def', 3)).toBe('abc');
    expect(truncateSlug('abc-def', 4)).toBe('abc');
  });

  it('hard-cuts a single over-long word', () => {
    const word = 'ب'.repeat(300);
    expect(slugify(word)).toBe('ب'.repeat(120));
  });

  it('hard-cuts rather than collapsing to a stub when the only boundary is early', () => {
    const s = slugify('a ' + 'x'.repeat(200), 120);
    expect(s).toBe('a-' + 'x'.repeat(118));
  });

  it('returns short input unchanged', () => {
    expect(truncateSlug('abc', 120)).toBe('abc');
  });
});

describe('SLUG_REGEX_SOURCE (compiled without flags, like Strapi)', () => {
  it('is plain ASCII with explicit ranges: no \\p{…}, no need for the u flag', () => {
    expect(/^[\x20-\x7E]+$/.test(SLUG_REGEX_SOURCE)).toBe(true);
    expect(SLUG_REGEX_SOURCE).not.toMatch(/\\p\{/);
    expect(SLUG_REGEX_SOURCE).toContain('\\u0621-\\u063A');
    expect(strapiRe.flags).toBe('');
  });

  it('survives a round trip through schema.json', () => {
    const fromJson = new RegExp(JSON.parse(JSON.stringify({ regex: SLUG_REGEX_SOURCE })).regex);
    expect(fromJson.test('وزراء-خارجية')).toBe(true);
    expect(fromJson.test('a b')).toBe(false);
  });

  const titles = [
    HEADLINE,
    'NATO Ministers Meet in Brussels!',
    'مُحَمَّدٌ يَكْتُبُ ـــ الرسالة ٢٠٢٥',
    'إيران تؤكد أن آلية الأمم المتحدة على ما يرام',
    'Café Straße ۱۴۰۳ کتاب ایران ۀ ۓ ۺ',
    'A/B?C#D%E',
    '\u202Bالناتو\u202C 🔥',
    Array.from({ length: 20 }, () => HEADLINE).join(' '),
  ];
  it.each(titles.map((t) => [t.slice(0, 40), t]))('accepts slugify(%s)', (_name, title) => {
    const s = slugify(title);
    expect(s).not.toBe('');
    expect(strapiRe.test(s)).toBe(true);
    expect(isValidSlug(s)).toBe(true);
  });

  it.each([
    ['upper case', 'Nato'],
    ['space', 'nato summit'],
    ['slash', 'nato/summit'],
    ['question mark', 'nato?summit'],
    ['hash', 'nato#summit'],
    ['percent', 'nato%20summit'],
    ['percent-encoded Arabic', '%D9%85'],
    ['leading dash', '-nato'],
    ['trailing dash', 'nato-'],
    ['double dash', 'nato--summit'],
    ['dash only', '-'],
    ['empty', ''],
    ['underscore', 'nato_summit'],
    ['dot', 'nato.summit'],
    ['tashkeel', 'مُحمد'],
    ['tatweel', 'كـتاب'],
    ['RLM', 'خبر\u200F'],
    ['ZWNJ', 'بر\u200Cوكسل'],
    ['Arabic comma', 'خبر،عاجل'],
    ['Arabic question mark', 'لماذا؟'],
    ['Arabic-Indic digit', 'عام-٢٠٢٥'],
    ['newline', 'nato\nsummit'],
    ['emoji', 'nato-🔥'],
    ['accented Latin', 'café'],
  ])('rejects %s', (_name, bad) => {
    expect(strapiRe.test(bad)).toBe(false);
    expect(isValidSlug(bad)).toBe(false);
  });

  it('isValidSlug enforces the 120 limit, the regex alone does not', () => {
    expect(isValidSlug('a'.repeat(120))).toBe(true);
    expect(isValidSlug('a'.repeat(121))).toBe(false);
    expect(strapiRe.test('a'.repeat(121))).toBe(true);
  });
});

describe('withSuffix', () => {
  it.each([
    ['n = 1 returns base', 'خبر', 1, 'خبر'],
    ['n = 0 returns base', 'خبر', 0, 'خبر'],
    ['n = 2', 'خبر', 2, 'خبر-2'],
    ['n = 10', 'nato', 10, 'nato-10'],
  ])('%s', (_name, base, n, expected) => {
    expect(withSuffix(base, n)).toBe(expected);
  });

  it.each([2, 9, 10, 99, 100, 12345])('stays within maxLength with a long base (n = %i)', (n) => {
    const base = slugify(Array.from({ length: 10 }, () => HEADLINE).join(' '));
    expect(base.length).toBeGreaterThan(100);
    const s = withSuffix(base, n);
    expect(s.length).toBeLessThanOrEqual(120);
    expect(s.endsWith(`-${n}`)).toBe(true);
    expect(s).not.toContain('--');
    expect(isValidSlug(s)).toBe(true);
  });

  it('respects a custom maxLength', () => {
    const s = withSuffix('abcdef-ghijkl', 3, 10);
    expect(s).toBe('abcdef-3');
    expect(withSuffix('x'.repeat(20), 7, 10)).toBe('xxxxxxxx-7');
  });
});

describe('uniqueSlug', () => {
  const takenIn =
    (taken: string[], probes: string[] = []) =>
    async (candidate: string): Promise<boolean> => {
      probes.push(candidate);
      return taken.includes(candidate);
    };

  it('returns the base when free', async () => {
    await expect(uniqueSlug('خبر', takenIn([]))).resolves.toBe('خبر');
  });

  it('appends -2 on the first collision', async () => {
    await expect(uniqueSlug('خبر', takenIn(['خبر']))).resolves.toBe('خبر-2');
  });

  it('appends -3 when -2 is also taken, probing in order', async () => {
    const probes: string[] = [];
    await expect(uniqueSlug('nato', takenIn(['nato', 'nato-2'], probes))).resolves.toBe('nato-3');
    expect(probes).toEqual(['nato', 'nato-2', 'nato-3']);
  });

  it('keeps suffixed candidates within maxLength', async () => {
    const base = 'ب'.repeat(120);
    const s = await uniqueSlug(base, takenIn([base, withSuffix(base, 2)]));
    expect(s.endsWith('-3')).toBe(true);
    expect(s.length).toBeLessThanOrEqual(120);
  });

  it('rejects an empty base (the caller must pass a fallback)', async () => {
    await expect(uniqueSlug('', takenIn([]))).rejects.toThrow(/fallback/);
  });

  it('gives up instead of looping forever when everything is taken', async () => {
    await expect(uniqueSlug('x', async () => true)).rejects.toThrow(/no free slug/);
  });
});
