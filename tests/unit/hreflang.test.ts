import { alternatesOf, editions, originalLocale, translationJsonLd } from '../../src/lib/hreflang';
import { renderUrlset } from '../../src/lib/sitemaps';
import { xmlErrors } from '../helpers/feed-checks';

const base = 'https://k.example';
const ar = { documentId: 'd1', locale: 'ar', slug: 'قمة-خليجية', section: { slug: 'سياسة' }, firstPublishedAt: '2030-01-01T08:00:00Z' };
const en = { documentId: 'd1', locale: 'en', slug: 'gulf-summit', section: { slug: 'politics' }, firstPublishedAt: '2030-01-01T09:00:00Z' };

describe('editions', () => {
  it('lists every edition by locale, with percent-encoded URLs; alternates leave out the edition itself', () => {
    const all = editions(base, [en, ar]);
    expect(all).toEqual([
      { locale: 'ar', url: `${base}/ar/${encodeURIComponent('سياسة')}/${encodeURIComponent('قمة-خليجية')}` },
      { locale: 'en', url: `${base}/en/politics/gulf-summit` },
    ]);
    expect(alternatesOf('ar', all)).toEqual([all[1]]);
    expect(alternatesOf('ar', editions(base, [ar]))).toEqual([]);
  });

  it('the edition published first is the original (ties: the default locale)', () => {
    expect(originalLocale([en, ar], 'ar')).toBe('ar');
    expect(originalLocale([{ ...en, firstPublishedAt: '2029-12-31T00:00:00Z' }, ar], 'ar')).toBe('en');
    expect(originalLocale([{ ...en, firstPublishedAt: ar.firstPublishedAt }, ar], 'ar')).toBe('ar');
    expect(originalLocale([{ ...en, firstPublishedAt: ar.firstPublishedAt }, ar], 'en')).toBe('en');
  });

  it('JSON-LD: workTranslation on the original, translationOfWork on the translation, nothing alone', () => {
    const all = editions(base, [ar, en]);
    expect(translationJsonLd('ar', all, 'ar')).toEqual({ workTranslation: [{ '@type': 'NewsArticle', '@id': all[1].url, url: all[1].url, inLanguage: 'en' }] });
    expect(translationJsonLd('en', all, 'ar')).toEqual({ translationOfWork: { '@type': 'NewsArticle', '@id': all[0].url, url: all[0].url, inLanguage: 'ar' } });
    expect(translationJsonLd('ar', editions(base, [ar]), 'ar')).toEqual({});
  });

  it('the sitemap writes reciprocal xhtml:link pairs only for stories with two editions', async () => {
    const all = editions(base, [ar, en]);
    const xml = await renderUrlset([{ url: all[0].url, alternates: all }, { url: `${base}/ar/news/x`, alternates: [{ locale: 'ar', url: `${base}/ar/news/x` }] }]);
    expect(await xmlErrors(xml)).toEqual([]);
    expect(xml).toContain('xmlns:xhtml="http://www.w3.org/1999/xhtml"');
    const [first, second] = xml.split('<url>').slice(1);
    expect(first).toContain(`<xhtml:link rel="alternate" hreflang="ar" href="${all[0].url}"/>`);
    expect(first).toContain(`<xhtml:link rel="alternate" hreflang="en" href="${all[1].url}"/>`);
    expect(second).not.toContain('xhtml:link');
    expect(await renderUrlset([{ url: `${base}/ar/news/x` }])).not.toContain('xhtml');
  });
});
