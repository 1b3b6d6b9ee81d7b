import {
  hasExclusions, parseSearchQuery, positiveWords, toFts5Match, toWebsearch, withoutExclusions, SearchQueryError, MAX_QUERY_LENGTH,
} from '../../src/lib/search-query';

describe('parseSearchQuery', () => {
  it('normalises words and keeps them in order', () => {
    expect(parseSearchQuery('أسعارُ النفط ٢٠٢٥')).toEqual([[
      { words: ['اسعار'], negated: false },
      { words: ['النفط'], negated: false },
      { words: ['2025'], negated: false },
    ]]);
  });

  it('reads quoted phrases, exclusions and or (any case)', () => {
    expect(parseSearchQuery('"البنك المركزي" -الفائدة OR قطر')).toEqual([
      [{ words: ['البنك', 'المركزي'], negated: false }, { words: ['الفايده'], negated: true }],
      [{ words: ['قطر'], negated: false }],
    ]);
  });

  it('treats punctuation inside a word as a phrase and drops punctuation-only chunks', () => {
    expect(parseSearchQuery('covid-19 ، !!')).toEqual([[{ words: ['covid', '19'], negated: false }]]);
  });

  it('an unterminated quote runs to the end; a lone "-" is not an exclusion', () => {
    expect(parseSearchQuery('"ميناء جبل علي')).toEqual([[{ words: ['ميناء', 'جبل', 'علي'], negated: false }]]);
    expect(parseSearchQuery('دبي - أبوظبي')).toEqual([[
      { words: ['دبي'], negated: false },
      { words: ['ابوظبي'], negated: false },
    ]]);
  });

  it('drops groups made only of exclusions, and dangling or', () => {
    expect(parseSearchQuery('or قطر or -عمان')).toEqual([[{ words: ['قطر'], negated: false }]]);
  });

  it.each([[''], ['   '], ['-النفط'], ['-"a b"'], ['!!! ؟؟'], ['x'.repeat(MAX_QUERY_LENGTH + 1)], [undefined], [['a']]])(
    'refuses %j',
    (q) => {
      expect(() => parseSearchQuery(q)).toThrow(SearchQueryError);
    },
  );

  it('accepts exactly the maximum length', () => {
    expect(parseSearchQuery('ب'.repeat(MAX_QUERY_LENGTH))).toHaveLength(1);
  });
});

describe('rendering', () => {
  const q = parseSearchQuery('"البنك المركزي" -الفائدة or قطر');

  it('for websearch_to_tsquery', () => {
    expect(toWebsearch(q)).toBe('"البنك المركزي" -الفايده or قطر');
  });

  it('for FTS5, with every term quoted so words like NOT or NEAR stay words', () => {
    expect(toFts5Match(q)).toBe('(("البنك المركزي")) NOT "الفايده" OR ("قطر")');
    expect(toFts5Match(parseSearchQuery('not near and'))).toBe('("not" AND "near" AND "and")');
  });

  it('positiveWords lists what to highlight, without exclusions', () => {
    expect(positiveWords(q)).toEqual(['البنك', 'المركزي', 'قطر']);
  });

  it('withoutExclusions keeps what ranking weighs; hasExclusions tells whether anything was dropped', () => {
    expect(toWebsearch(withoutExclusions(q))).toBe('"البنك المركزي" or قطر');
    expect(hasExclusions(q)).toBe(true);
    expect(hasExclusions(parseSearchQuery('قطر or "البنك المركزي"'))).toBe(false);
  });
});
