import { readingTimeLabel, readingTimeMinutes, WORDS_PER_MINUTE } from '../../src/lib/reading-time';

const words = (n: number, w = 'كلمة') => Array.from({ length: n }, () => w).join(' ');

describe('readingTimeMinutes', () => {
  it('uses 180 wpm for Arabic and 238 for English, rounding up', () => {
    expect(WORDS_PER_MINUTE).toEqual({ ar: 180, en: 238 });
    expect(readingTimeMinutes(words(180), 'ar')).toBe(1);
    expect(readingTimeMinutes(words(181), 'ar')).toBe(2);
    expect(readingTimeMinutes(words(238, 'word'), 'en')).toBe(1);
    expect(readingTimeMinutes(words(239, 'word'), 'en')).toBe(2);
  });

  it('counts Arabic words (with tashkeel and punctuation) as words', () => {
    expect(readingTimeMinutes(`${words(200, 'قَالَ،')}\n${words(200, 'الوزيرُ.')}`, 'ar')).toBe(3);
  });

  it('is 0 without text and at least 1 with any', () => {
    expect(readingTimeMinutes('', 'ar')).toBe(0);
    expect(readingTimeMinutes('  \n ', 'ar')).toBe(0);
    expect(readingTimeMinutes('كلمة', 'ar')).toBe(1);
  });

  it('unknown locales read at the English speed', () => {
    expect(readingTimeMinutes(words(239, 'mot'), 'fr')).toBe(2);
  });
});

describe('readingTimeLabel', () => {
  it.each([
    [0, 'أقل من دقيقة'],
    [1, 'دقيقة'],
    [2, 'دقيقتان'],
    [3, '3 دقائق'],
    [10, '10 دقائق'],
    [11, '11 دقيقة'],
    [99, '99 دقيقة'],
    [100, '100 دقيقة'],
    [103, '103 دقائق'],
  ])('ar %d → %s', (n, label) => {
    expect(readingTimeLabel(n, 'ar')).toBe(label);
  });

  it('Arabic-Indic digits on request', () => {
    expect(readingTimeLabel(3, 'ar', 'arab')).toBe('٣ دقائق');
    expect(readingTimeLabel(1500, 'ar', 'arab')).toBe('١٬٥٠٠ دقيقة');
  });

  it.each([
    [0, 'less than a minute'],
    [1, '1 minute'],
    [2, '2 minutes'],
  ])('en %d → %s', (n, label) => {
    expect(readingTimeLabel(n, 'en')).toBe(label);
  });
});
