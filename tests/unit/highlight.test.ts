import { buildSnippet, escapeHtml, searchKey } from '../../src/lib/highlight';

describe('buildSnippet', () => {
  it('marks matches in the original spelling (hamza, tashkeel, ة kept)', () => {
    expect(buildSnippet({ body: 'ارتفعت أَسْعَارُ النفط في الأسواق' }, ['اسعار'])).toBe(
      'ارتفعت <mark>أَسْعَارُ</mark> النفط في الأسواق',
    );
    expect(buildSnippet({ body: 'افتتاح مدرسة جديدة' }, ['مدرسه'])).toBe('افتتاح <mark>مدرسة</mark> جديدة');
  });

  it('matches a word carrying a conjunction or article', () => {
    expect(buildSnippet({ body: 'صعد الذهب والفضة' }, ['فضه'])).toBe('صعد الذهب <mark>والفضة</mark>');
    expect(searchKey('والفضه')).toBe('فضه');
    expect(searchKey('ولد')).toBe('ولد'); // too short to strip
  });

  it('escapes everything else', () => {
    const html = buildSnippet({ body: '<b>خبر</b> & "النفط" <script>' }, ['النفط']);
    expect(html).toBe('&#60;b&#62;خبر&#60;/b&#62; &#38; &#34;<mark>النفط</mark>&#34; &#60;script&#62;');
  });

  it('cuts a window around the first match with ellipses', () => {
    const body = Array.from({ length: 100 }, (_, i) => `w${i}`).join(' ');
    const html = buildSnippet({ body }, ['w50'], { words: 10, lead: 3 });
    expect(html).toBe('…w47 w48 w49 <mark>w50</mark> w51 w52 w53 w54 w55 w56…');
    expect(buildSnippet({ body }, ['w99'], { words: 4, lead: 2 })).toBe('…w96 w97 w98 <mark>w99</mark>');
  });

  it('falls back to excerpt, then title, then the unmarked start', () => {
    expect(buildSnippet({ title: 'قمة الخليج', excerpt: 'ملخص', body: 'نص' }, ['الخليج'])).toBe('قمة <mark>الخليج</mark>');
    expect(buildSnippet({ title: 't', excerpt: 'ملخص <قصير>', body: 'نص' }, ['غير'])).toBe('ملخص &#60;قصير&#62;');
    expect(buildSnippet({ title: 't', excerpt: '', body: 'نص الخبر' }, ['غير'])).toBe('نص الخبر');
  });

  it('escapeHtml covers the five special characters', () => {
    expect(escapeHtml(`<>&"'`)).toBe('&#60;&#62;&#38;&#34;&#39;');
  });
});

describe('buildSnippet marks every match in the window', () => {
  it('also the matches after the first, written with tatweel, tashkeel or a proclitic', () => {
    expect(buildSnippet({ body: 'النفط ثم الغاز ثم بالنـفـطِ أخيرا' }, ['النفط'])).toBe(
      '<mark>النفط</mark> ثم الغاز ثم <mark>بالنـفـطِ</mark> أخيرا',
    );
  });
  it('finds a match late in a long body', () => {
    const body = Array.from({ length: 300 }, (_, i) => (i === 250 ? 'الأسعارُ' : `كلمة${i}`)).join(' ');
    expect(buildSnippet({ body }, ['اسعار'], { words: 5, lead: 1 })).toBe('…كلمة249 <mark>الأسعارُ</mark> كلمة251 كلمة252 كلمة253…');
  });
});
