import { articleUrl } from '../../src/lib/article-url';

describe('articleUrl', () => {
  it('percent-encodes Arabic segments and trims the base URL', () => {
    expect(articleUrl({ baseUrl: 'https://khaleeji247.example/', locale: 'ar', sectionSlug: 'سياسة', slug: 'وزراء-الناتو' })).toBe(
      'https://khaleeji247.example/ar/%D8%B3%D9%8A%D8%A7%D8%B3%D8%A9/%D9%88%D8%B2%D8%B1%D8%A7%D8%A1-%D8%A7%D9%84%D9%86%D8%A7%D8%AA%D9%88',
    );
  });

  it('round-trips through URL parsing and falls back to "news" without a section', () => {
    const url = articleUrl({ baseUrl: 'https://x.example', locale: 'en', sectionSlug: null, slug: 'nato-ministers' });
    expect(url).toBe('https://x.example/en/news/nato-ministers');
    const ar = new URL(articleUrl({ baseUrl: 'https://x.example', locale: 'ar', sectionSlug: 'اقتصاد', slug: 'أسعار-النفط' }));
    expect(decodeURIComponent(ar.pathname)).toBe('/ar/اقتصاد/أسعار-النفط');
  });
});
