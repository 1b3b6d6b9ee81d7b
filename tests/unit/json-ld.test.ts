import { newsArticleJsonLd, serializeJsonLd } from '../../src/lib/json-ld';

const publisher = { name: 'خليجي 247', baseUrl: 'https://khaleeji247.example/' };

describe('newsArticleJsonLd', () => {
  const article = {
    title: 'أسعار النفط',
    excerpt: 'ملخص',
    slug: 'أسعار-النفط',
    locale: 'ar',
    firstPublishedAt: '2025-03-01T12:00:00.000Z',
    publishedAt: '2025-03-02T12:00:00.000Z',
    updatedAt: '2025-03-03T12:00:00.000Z',
    section: { name: 'اقتصاد', slug: 'اقتصاد' },
    authors: [{ name: 'سارة', slug: 'سارة' }, { name: 'Ali', slug: null }],
    tags: [{ name: 'النفط' }, { name: null }],
    cover: { image: { url: '/uploads/oil.jpg' } },
    seo: { ogImage: { url: 'https://cdn.example/og.jpg' } },
  };

  it('builds a NewsArticle with absolute URLs', () => {
    const url = 'https://khaleeji247.example/ar/%D8%A7%D9%82%D8%AA%D8%B5%D8%A7%D8%AF/%D8%A3%D8%B3%D8%B9%D8%A7%D8%B1-%D8%A7%D9%84%D9%86%D9%81%D8%B7';
    expect(newsArticleJsonLd(article, publisher, { mediaBaseUrl: 'https://cms.example' })).toEqual({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'أسعار النفط',
      description: 'ملخص',
      datePublished: '2025-03-01T12:00:00.000Z',
      dateModified: '2025-03-03T12:00:00.000Z',
      author: [
        { '@type': 'Person', name: 'سارة', url: 'https://khaleeji247.example/ar/authors/%D8%B3%D8%A7%D8%B1%D8%A9' },
        { '@type': 'Person', name: 'Ali' },
      ],
      publisher: { '@type': 'Organization', name: 'خليجي 247', url: 'https://khaleeji247.example' },
      image: [
        { '@type': 'ImageObject', url: 'https://cms.example/uploads/oil.jpg' },
        { '@type': 'ImageObject', url: 'https://cdn.example/og.jpg' },
      ],
      inLanguage: 'ar',
      articleSection: 'اقتصاد',
      keywords: ['النفط'],
      isAccessibleForFree: true,
      mainEntityOfPage: { '@type': 'WebPage', '@id': url },
      url,
    });
  });

  it('lists the Discover renditions of the cover as ImageObjects with their size (16:9, 4:3, 1:1)', () => {
    const formats = {
      small: { url: '/uploads/small_oil.jpg', width: 500, height: 313 },
      discover_square: { url: '/uploads/discover_square_oil.jpg', width: 1200, height: 1200 },
      discover_wide: { url: '/uploads/discover_wide_oil.jpg', width: 1200, height: 675 },
      discover_standard: { url: '/uploads/discover_standard_oil.jpg', width: 1200, height: 900 },
    };
    const ld = newsArticleJsonLd(
      { ...article, cover: { image: { url: '/uploads/oil.jpg', width: 2000, height: 1250, formats } }, seo: { ogImage: { url: '/uploads/oil.jpg', width: 2000, height: 1250 } } },
      publisher,
      { mediaBaseUrl: 'https://cms.example' },
    );
    expect(ld.image).toEqual([
      { '@type': 'ImageObject', url: 'https://cms.example/uploads/discover_wide_oil.jpg', width: 1200, height: 675 },
      { '@type': 'ImageObject', url: 'https://cms.example/uploads/discover_standard_oil.jpg', width: 1200, height: 900 },
      { '@type': 'ImageObject', url: 'https://cms.example/uploads/discover_square_oil.jpg', width: 1200, height: 1200 },
      { '@type': 'ImageObject', url: 'https://cms.example/uploads/oil.jpg', width: 2000, height: 1250 },
    ]);
  });

  it('prefers the SEO description and canonical URL, and omits what is missing', () => {
    const ld = newsArticleJsonLd(
      { title: 'x', locale: 'en', seo: { metaDescription: 'seo', canonicalUrl: 'https://other.example/x' } },
      publisher,
    );
    expect(ld).toMatchObject({ description: 'seo', mainEntityOfPage: { '@id': 'https://other.example/x' } });
    expect(Object.keys(ld)).not.toEqual(expect.arrayContaining(['image', 'author', 'keywords', 'datePublished', 'articleSection']));
  });
});

describe('serializeJsonLd', () => {
  it('stays valid JSON and cannot close the script element', () => {
    const value = { headline: '</script><script>alert(1)</script> & <!-- \u2028' };
    const text = serializeJsonLd(value);
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(text)).toEqual(value);
  });
});
