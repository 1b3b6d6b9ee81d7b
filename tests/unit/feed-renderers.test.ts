import { toFeedMeta } from '../../src/lib/feed-item';
import { FEED_FORMATS, renderFeed } from '../../src/lib/feeds';
import { feedsmithAtom, feedsmithJson, feedsmithRss, jsonFeedErrors, rowan, xmlErrors } from '../helpers/feed-checks';

/** A feed with nothing in it: a new edition, or a filter no published story matches yet. */
const meta = toFeedMeta({
  site: { name: 'خليجي 247', description: 'أخبار الخليج', copyright: '© خليجي 247', baseUrl: 'https://k.example' },
  locale: 'ar',
  selfUrl: 'https://api.k.example/api/feeds/rss?locale=ar',
  items: [],
});
const render = (format: (typeof FEED_FORMATS)[number]) => renderFeed(format, meta, [], 'https://k.example');

describe('feeds with no items', () => {
  it('RSS is a well-formed channel with its metadata and no <item>', async () => {
    const xml = render('rss');
    expect(await xmlErrors(xml)).toEqual([]);
    expect(xml).not.toContain('<item>');
    expect(rowan(xml)).toMatchObject({ title: 'خليجي 247', language: 'ar', items: [] });
    expect(feedsmithRss(xml).atom?.links?.[0]).toMatchObject({ rel: 'self', href: meta.selfUrl });
  });

  it('Atom is a well-formed feed with xml:lang and no <entry>', async () => {
    const xml = render('atom');
    expect(await xmlErrors(xml)).toEqual([]);
    expect(xml).toMatch(/<feed [^>]*xml:lang="ar"/);
    expect(xml).not.toContain('<entry>');
    expect(feedsmithAtom(xml)).toMatchObject({ title: { value: 'خليجي 247' } });
    expect(rowan(xml).items).toEqual([]);
  });

  it('JSON Feed keeps the required items array and validates against the 1.1 schema', () => {
    const json = JSON.parse(render('json'));
    expect(json.items).toEqual([]);
    expect(jsonFeedErrors(json)).toEqual([]);
    expect(feedsmithJson(json)).toMatchObject({ title: 'خليجي 247', language: 'ar' });
    expect(json._rights).toEqual({ copyright: '© خليجي 247' });
  });

  it('ninjs is an empty array', () => {
    expect(JSON.parse(render('ninjs'))).toEqual([]);
  });
});
