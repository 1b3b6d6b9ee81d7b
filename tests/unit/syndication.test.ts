import { Webhook } from 'standardwebhooks';
import { toFeedMeta, type FeedNotice } from '../../src/lib/feed-item';
import { renderFeed } from '../../src/lib/feeds';
import {
  checkEndpointData,
  eventTypeOf,
  nextAttempt,
  parseTakedown,
  retryDelaySeconds,
  subscribed,
  takedownStatus,
  withinRetention,
} from '../../src/lib/syndication';
import { feedsmithAtom, jsonFeedErrors, ninjsErrors, xmlErrors } from '../helpers/feed-checks';

const policy = { baseSeconds: 30, maxDelaySeconds: 6 * 3600, giveUpAfterSeconds: 24 * 3600 };

describe('takedowns', () => {
  it('a delete or a kill is canceled; an unpublish without a choice, or a withhold, is withheld', () => {
    expect(takedownStatus('delete')).toBe('canceled');
    expect(takedownStatus('delete', { kind: 'withhold' })).toBe('canceled');
    expect(takedownStatus('unpublish', { kind: 'kill' })).toBe('canceled');
    expect(takedownStatus('unpublish', { kind: 'withhold' })).toBe('withheld');
    expect(takedownStatus('unpublish')).toBe('withheld');
  });

  it('parses the admin choice, naming the field on bad input', () => {
    expect(parseTakedown(undefined)).toEqual({ errors: [] });
    expect(parseTakedown({ kind: 'kill', reason: '  خطأ  ' })).toEqual({ takedown: { kind: 'kill', reason: 'خطأ' }, errors: [] });
    expect(parseTakedown({ kind: 'withhold', reason: '' })).toEqual({ takedown: { kind: 'withhold' }, errors: [] });
    expect(parseTakedown('kill').errors[0].path).toEqual(['takedown']);
    expect(parseTakedown({ kind: 'erase' }).errors[0].path).toEqual(['takedown', 'kind']);
    expect(parseTakedown({ kind: 'kill', reason: 5 }).errors[0].path).toEqual(['takedown', 'reason']);
    expect(parseTakedown({ kind: 'kill', reason: 'x'.repeat(501) }).errors[0].path).toEqual(['takedown', 'reason']);
  });

  it('names the event of each change', () => {
    const v = (corrections: number) => ({ corrections });
    expect(eventTypeOf('publish', undefined, v(0))).toBe('article.published');
    expect(eventTypeOf('update', v(0), v(0))).toBe('article.updated');
    expect(eventTypeOf('update', v(0), v(1))).toBe('article.corrected');
    expect(eventTypeOf('update', v(2), v(1))).toBe('article.updated');
    expect(eventTypeOf('unpublish', v(0), undefined)).toBe('article.withheld');
    expect(eventTypeOf('unpublish', v(0), undefined, { kind: 'kill' })).toBe('article.killed');
    expect(eventTypeOf('delete', v(0), undefined)).toBe('article.deleted');
    expect(eventTypeOf('update', undefined, undefined)).toBeNull();
  });

  it('keeps a notice for the retention window', () => {
    const now = new Date('2030-01-08T00:00:00Z');
    expect(withinRetention(new Date('2030-01-01T00:00:00Z'), now, 7)).toBe(true);
    expect(withinRetention(new Date('2030-12-31T23:59:59Z'), new Date('2031-01-08T00:00:00Z'), 7)).toBe(false);
  });
});

describe('retries', () => {
  it('backs off exponentially, capped, and dead-letters past the give-up age', () => {
    expect([1, 2, 3, 4].map((n) => retryDelaySeconds(n, policy))).toEqual([30, 60, 120, 240]);
    expect(retryDelaySeconds(20, policy)).toBe(6 * 3600);
    const created = new Date('2030-01-01T00:00:00Z');
    expect(nextAttempt(1, created, created, policy)).toEqual(new Date('2030-01-01T00:00:30Z'));
    expect(nextAttempt(12, created, new Date('2030-01-01T20:00:00Z'), policy)).toBeNull(); // 20 h + 6 h > 24 h
  });

  it('matches subscriptions by event type, locale and section (empty = all)', () => {
    const event = { type: 'article.killed' as const, locale: 'ar', sections: ['سياسة'] };
    expect(subscribed({ events: [], locales: [], sections: [] }, event)).toBe(true);
    expect(subscribed({ events: ['article.published'], locales: [], sections: [] }, event)).toBe(false);
    expect(subscribed({ events: [], locales: ['en'], sections: [] }, event)).toBe(false);
    expect(subscribed({ events: [], locales: ['ar'], sections: ['رياضة'] }, event)).toBe(false);
    expect(subscribed({ events: ['article.killed'], locales: ['ar'], sections: ['سياسة'] }, event)).toBe(true);
  });

  it('checks endpoints: http(s) URL, Standard Webhooks secret, known event types', () => {
    expect(checkEndpointData({ name: 'x', url: 'https://p.example/hook' }, true)).toEqual([]);
    expect(checkEndpointData({ url: 'ftp://p.example' }, true)[0].path).toEqual(['url']);
    expect(checkEndpointData({ url: 'https://p.example', secret: 'plain' }, true)[0].path).toEqual(['secret']);
    expect(checkEndpointData({ url: 'https://p.example', events: ['article.published', 'nope'] }, true)[0].path).toEqual(['events']);
    expect(checkEndpointData({ url: 'https://p.example', locales: 'ar' }, true)[0].path).toEqual(['locales']);
    expect(checkEndpointData({ enabled: false }, false)).toEqual([]);
  });

  it('the signature scheme partners verify (Standard Webhooks): tampering and other secrets fail', () => {
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const body = JSON.stringify({ id: 'evt_1', type: 'article.killed', data: { reason: 'خطأ' } });
    const at = new Date();
    const headers = { 'webhook-id': 'evt_1', 'webhook-timestamp': String(Math.floor(at.getTime() / 1000)), 'webhook-signature': new Webhook(secret).sign('evt_1', at, body) };
    expect(new Webhook(secret).verify(body, headers)).toMatchObject({ type: 'article.killed' });
    expect(() => new Webhook(secret).verify(body.replace('killed', 'published'), headers)).toThrow();
    expect(() => new Webhook('whsec_' + Buffer.from('another secret, 24 bytes').toString('base64')).verify(body, headers)).toThrow();
    const old = { ...headers, 'webhook-timestamp': String(Math.floor(at.getTime() / 1000) - 3600) };
    expect(() => new Webhook(secret).verify(body, old)).toThrow(); // outside the replay window
  });
});

describe('notices in the feed formats', () => {
  const meta = toFeedMeta({ site: { name: 'خليجي 247', baseUrl: 'https://k.example' }, locale: 'ar', selfUrl: 'https://api.k.example/api/feeds/atom?locale=ar', items: [] });
  const notice: FeedNotice = {
    id: 'urn:uuid:0b3c2f7e-1111-5222-8333-444455556666',
    url: 'https://k.example/ar/%D8%B3/x',
    language: 'ar',
    status: 'canceled',
    reason: 'معلومات خاطئة <وتحذير> & حذف',
    version: 4,
    changed: new Date('2030-01-02T03:04:05.000Z'),
    firstCreated: new Date('2030-01-01T00:00:00.000Z'),
  };

  it('ninjs: same uri, new version, pubstatus, reason as ednote, no headline or body; valid', () => {
    const [item] = JSON.parse(renderFeed('ninjs', meta, [], 'https://k.example', [notice]));
    expect(item).toMatchObject({ uri: notice.id, version: '4', pubstatus: 'canceled', versioncreated: '2030-01-02T03:04:05.000Z', firstcreated: '2030-01-01T00:00:00.000Z' });
    expect(item.descriptions).toEqual([{ role: 'ednote', contenttype: 'text/plain', value: notice.reason }]);
    expect(item.headlines).toBeUndefined();
    expect(item.bodies).toBeUndefined();
    expect(ninjsErrors(item)).toEqual([]);
  });

  it('JSON Feed: an item with the same id and a _newsroom status; valid JSON Feed 1.1', () => {
    const json = JSON.parse(renderFeed('json', meta, [], 'https://k.example', [{ ...notice, status: 'withheld' }]));
    expect(jsonFeedErrors(json)).toEqual([]);
    expect(json.items[0]).toMatchObject({ id: notice.id, url: notice.url, _newsroom: { status: 'withheld', version: 4, reason: notice.reason } });
    expect(json.items[0].title).toBeUndefined();
  });

  it('Atom: an RFC 6721 tombstone, escaped, well-formed, not an entry', async () => {
    const xml = renderFeed('atom', meta, [], 'https://k.example', [notice]);
    expect(await xmlErrors(xml)).toEqual([]);
    expect(xml).toContain('xmlns:at="http://purl.org/atompub/tombstones/1.0"');
    expect(xml).toContain(`<at:deleted-entry ref="${notice.id}" when="2030-01-02T03:04:05.000Z">`);
    expect(xml).toContain('<at:comment xml:lang="ar">معلومات خاطئة &lt;وتحذير&gt; &amp; حذف</at:comment>');
    expect(feedsmithAtom(xml).entries ?? []).toEqual([]);
  });

  it('RSS carries no notice', () => {
    expect(renderFeed('rss', meta, [], 'https://k.example', [notice])).not.toContain(notice.id);
  });
});
