import { cleanText, stableId, toFeedItem, toFeedMeta, type FeedArticle } from '../../src/lib/feed-item';

const site = { name: 'خليجي 247', description: 'أخبار', copyright: '© خليجي', baseUrl: 'https://k.example/' };
const article: FeedArticle = {
  documentId: 'doc123',
  locale: 'ar',
  title: '  عنوان الخبر\u000B ',
  slug: 'عنوان-الخبر',
  excerpt: 'ملخص',
  body: [{ type: 'paragraph', children: [{ type: 'text', text: 'نص' }] }],
  firstPublishedAt: '2026-01-01T10:00:00.000Z',
  publishedAt: '2026-01-03T10:00:00.000Z',
  updatedAt: '2026-01-02T10:00:00.000Z',
  section: { name: 'اقتصاد', slug: 'اقتصاد' },
  authors: [{ name: 'أ', slug: 'a' }, { name: '', slug: 'ghost' }, { name: 'ب', slug: 'b' }],
  tags: [{ name: 'نفط', slug: 'نفط' }],
  cover: { image: { url: '/uploads/x.jpg', width: 800, height: 600, mime: 'image/jpeg', alternativeText: 'بديل' }, caption: 'تعليق', credit: 'AFP' },
};

describe('stableId', () => {
  it('is a urn:uuid (version 5 layout), stable per document and locale', () => {
    const id = stableId('doc123', 'ar');
    expect(id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(stableId('doc123', 'ar')).toBe(id);
    expect(stableId('doc123', 'en')).not.toBe(id);
    expect(stableId('doc124', 'ar')).not.toBe(id);
  });
});

describe('toFeedItem', () => {
  it('maps an article to the neutral item', () => {
    const item = toFeedItem(article, { site, locale: 'ar', fullText: false, mediaBaseUrl: 'https://api.k.example' });
    expect(item).toEqual({
      id: stableId('doc123', 'ar'),
      url: `https://k.example/ar/${encodeURIComponent('اقتصاد')}/${encodeURIComponent('عنوان-الخبر')}`,
      title: 'عنوان الخبر',
      summary: 'ملخص',
      contentHtml: undefined,
      published: new Date('2026-01-01T10:00:00.000Z'),
      updated: new Date('2026-01-02T10:00:00.000Z'),
      authors: [{ name: 'أ', slug: 'a' }, { name: 'ب', slug: 'b' }],
      categories: [
        { kind: 'section', name: 'اقتصاد', slug: 'اقتصاد' },
        { kind: 'tag', name: 'نفط', slug: 'نفط' },
      ],
      image: { url: 'https://api.k.example/uploads/x.jpg', type: 'image/jpeg', width: 800, height: 600, caption: 'تعليق', credit: 'AFP', alt: 'بديل' },
      language: 'ar',
    });
  });

  it('renders the body only for full text, and the id does not follow title or slug edits', () => {
    const full = toFeedItem(article, { site, locale: 'ar', fullText: true });
    expect(full.contentHtml).toBe('<div dir="rtl" lang="ar"><p>نص</p></div>');
    const edited = toFeedItem({ ...article, title: 'جديد', slug: 'جديد' }, { site, locale: 'ar', fullText: true });
    expect(edited.id).toBe(full.id);
    expect(edited.url).not.toBe(full.url);
  });

  it('falls back to publishedAt without firstPublishedAt and drops unsafe media URLs', () => {
    const item = toFeedItem({ ...article, firstPublishedAt: null, cover: { image: { url: 'javascript:alert(1)' } } }, { site, locale: 'ar', fullText: false });
    expect(item.published.toISOString()).toBe('2026-01-03T10:00:00.000Z');
    expect(item.image).toBeUndefined();
  });
});

describe('cleanText', () => {
  it('drops tag-shaped sequences and XML-illegal characters, keeps comparisons and Arabic', () => {
    expect(cleanText('<script>alert(1)</script>عاجل <img src=x onerror=alert(2)>')).toBe('alert(1)عاجل');
    expect(cleanText('A < B and C > D')).toBe('A < B and C > D');
    expect(cleanText('x<!-- c -->y\u0000')).toBe('xy');
    expect(cleanText(42)).toBe('');
  });
});

describe('toFeedMeta', () => {
  it('takes title/description/copyright from the site and the newest date from items or the site', () => {
    const items = [toFeedItem(article, { site, locale: 'ar', fullText: false })];
    const meta = toFeedMeta({ site: { ...site, updatedAt: '2026-02-01T00:00:00.000Z' }, locale: 'ar', selfUrl: 'https://api/x', items, subtitle: 'اقتصاد' });
    expect(meta).toMatchObject({ title: 'خليجي 247 — اقتصاد', description: 'أخبار', copyright: '© خليجي', homeUrl: 'https://k.example/ar', language: 'ar' });
    expect(meta.updated.toISOString()).toBe('2026-02-01T00:00:00.000Z');
    expect(meta.hubUrl).toBeUndefined();
  });
});
