import fs from 'node:fs';
import path from 'node:path';
import { SitemapStream, streamToPromise } from 'sitemap';
import { renderNewsSitemap, renderSitemapIndex, renderUrlset } from '../../src/lib/sitemaps';
import { xmlErrors, xmlSchemaErrors } from '../helpers/feed-checks';

const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
const URLSET_OPEN = '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">';
const NEWS_OPEN = '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">';
// The sitemaps.org schema as the `sitemap` package ships it (the Google News schema is remote, so only plain urlsets).
const SITEMAP_XSD = {
  fileName: 'sitemap.xsd',
  contents: fs.readFileSync(path.resolve(path.dirname(require.resolve('sitemap')), '../../schema/sitemap.xsd'), 'utf8'),
};

const story = {
  url: `https://k.example/ar/${encodeURIComponent('اقتصاد')}/${encodeURIComponent('أسعار-النفط')}`,
  lastmod: new Date('2026-01-02T10:00:00.000Z'),
  title: 'أسعار النفط «ترتفع»',
  published: new Date('2026-01-02T09:00:00.000Z'),
};
const publication = { name: 'خليجي 247', language: 'ar' };
/** What the package wrote around the <url> elements: its output with them cut out. */
const withoutUrls = (xml: string) => xml.replace(/<url>[\s\S]*?<\/url>/g, '');

describe('the sitemap package (why the empty case is ours)', () => {
  it('still refuses to end a urlset with no URL', async () => {
    const stream = new SitemapStream({ xmlns: { news: true, xhtml: false, image: false, video: false } });
    const done = streamToPromise(stream);
    stream.end();
    await expect(done).rejects.toThrow('You ended the stream without writing anything');
  });
});

describe('renderUrlset', () => {
  it('with no entries is an empty urlset, well-formed, in the exact bytes the package writes around its URLs', async () => {
    const empty = await renderUrlset([]);
    expect(empty).toBe(`${DECLARATION}${URLSET_OPEN}</urlset>`);
    expect(empty).toBe(withoutUrls(await renderUrlset([story])));
    expect(await xmlErrors(empty)).toEqual([]);
  });

  it('with no entries is the sitemaps.org urlset element: the 2008 schema only asks for a <url> child', async () => {
    // sitemap.xsd declares <url maxOccurs="unbounded"> (so minOccurs 1); Google accepts an empty file.
    // A wrong root name or namespace would fail earlier, with "No matching global declaration".
    const errors = await xmlSchemaErrors(await renderUrlset([]), SITEMAP_XSD);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/Element '\{http:\/\/www\.sitemaps\.org\/schemas\/sitemap\/0\.9\}urlset': Missing child element\(s\)\. Expected is .*\{http:\/\/www\.sitemaps\.org\/schemas\/sitemap\/0\.9\}url \)/);
  });

  it('with entries is still written by the package and is valid against sitemap.xsd', async () => {
    const xml = await renderUrlset([story, { url: 'https://k.example/ar/x' }]);
    expect(xml).toBe(
      `${DECLARATION}${URLSET_OPEN}<url><loc>${story.url}</loc><lastmod>2026-01-02T10:00:00.000Z</lastmod></url><url><loc>https://k.example/ar/x</loc></url></urlset>`,
    );
    expect(await xmlErrors(xml)).toEqual([]);
    expect(await xmlSchemaErrors(xml, SITEMAP_XSD)).toEqual([]);
  });
});

describe('renderNewsSitemap', () => {
  it('with no entries is an empty urlset that declares the news namespace, as the package does', async () => {
    const empty = await renderNewsSitemap([], publication);
    expect(empty).toBe(`${DECLARATION}${NEWS_OPEN}</urlset>`);
    expect(empty).toBe(withoutUrls(await renderNewsSitemap([story], publication)));
    expect(await xmlErrors(empty)).toEqual([]);
  });

  it('with entries carries news:news per story and is well-formed', async () => {
    const xml = await renderNewsSitemap([story], publication);
    expect(xml.startsWith(`${DECLARATION}${NEWS_OPEN}<url><loc>${story.url}</loc>`)).toBe(true);
    expect(xml).toContain('<news:publication><news:name>خليجي 247</news:name><news:language>ar</news:language></news:publication>');
    expect(xml).toContain('<news:publication_date>2026-01-02T09:00:00.000Z</news:publication_date>');
    expect(xml).toContain('<news:title>أسعار النفط «ترتفع»</news:title>');
    expect(await xmlErrors(xml)).toEqual([]);
  });
});

describe('renderSitemapIndex', () => {
  it('with no entries is an empty, well-formed sitemapindex', async () => {
    const empty = await renderSitemapIndex([]);
    expect(empty).toBe(`${DECLARATION}<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></sitemapindex>`);
    expect(await xmlErrors(empty)).toEqual([]);
  });

  it('with entries lists each sitemap with its lastmod', async () => {
    const xml = await renderSitemapIndex([{ url: 'https://api.k.example/api/sitemaps/news?locale=ar', lastmod: story.lastmod }]);
    expect(xml).toContain('<sitemap><loc>https://api.k.example/api/sitemaps/news?locale=ar</loc><lastmod>2026-01-02T10:00:00.000Z</lastmod></sitemap>');
    expect(await xmlErrors(xml)).toEqual([]);
  });
});
