import { isNotModified, strongEtag, toHttpDate } from '../../src/lib/http-cache';

describe('conditional GET', () => {
  const etag = strongEtag(['rss', 'ar', 3]);
  const modified = new Date('2026-01-02T10:00:00.750Z');

  it('builds strong, input-sensitive ETags', () => {
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
    expect(strongEtag(['rss', 'ar', 3])).toBe(etag);
    expect(strongEtag(['rss', 'ar', 4])).not.toBe(etag);
  });

  it('matches If-None-Match lists, weak forms and *', () => {
    expect(isNotModified({ 'if-none-match': etag }, etag, modified)).toBe(true);
    expect(isNotModified({ 'if-none-match': `"a", W/${etag}` }, etag, modified)).toBe(true);
    expect(isNotModified({ 'if-none-match': '*' }, etag, modified)).toBe(true);
    expect(isNotModified({ 'if-none-match': '"other"' }, etag, modified)).toBe(false);
  });

  it('uses If-Modified-Since only without If-None-Match, at one-second resolution', () => {
    const header = toHttpDate(modified);
    expect(header).toBe('Fri, 02 Jan 2026 10:00:00 GMT');
    expect(isNotModified({ 'if-modified-since': header }, etag, modified)).toBe(true);
    expect(isNotModified({ 'if-modified-since': 'Fri, 02 Jan 2026 09:59:59 GMT' }, etag, modified)).toBe(false);
    expect(isNotModified({ 'if-modified-since': header, 'if-none-match': '"other"' }, etag, modified)).toBe(false);
    expect(isNotModified({ 'if-modified-since': 'garbage' }, etag, modified)).toBe(false);
    expect(isNotModified({}, etag, modified)).toBe(false);
  });
});
