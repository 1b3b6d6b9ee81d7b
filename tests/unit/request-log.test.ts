import { MAX_LOGGED_URL, acceptRequestId, formatRequestLine, newRequestId, readableUrl } from '../../src/lib/request-log';

describe('request log line', () => {
  it('prints method, the URL as sent (Arabic decoded), status, duration, id and cache outcome', () => {
    const url = `/api/articles/slug/${encodeURIComponent('وزراء-خارجية')}?locale=ar`;
    expect(formatRequestLine({ method: 'GET', url, status: 200, durationMs: 3.14159, requestId: 'abc12345', cache: 'HIT' })).toBe(
      'GET /api/articles/slug/وزراء-خارجية?locale=ar 200 3.1 ms id=abc12345 cache=HIT',
    );
    expect(formatRequestLine({ method: 'POST', url: '/graphql', status: 400, durationMs: 27.6, requestId: 'abc12345' })).toBe(
      'POST /graphql 400 28 ms id=abc12345',
    );
  });

  it('keeps what separates parameters encoded, so the line still says what was sent', () => {
    expect(readableUrl('/api/search?q=%D9%86%D9%81%D8%B7%26x%3D1')).toBe('/api/search?q=نفط%26x%3D1');
  });

  it('never prints a forged line break, a control or a bidi override, nor broken encoding decoded', () => {
    expect(readableUrl('/api/search?q=a%0A%5B2026%5D%20http%3A%20GET%20%2Fadmin')).toBe('/api/search?q=a%0A%5B2026%5D%20http%3A%20GET%20%2Fadmin');
    expect(readableUrl('/api/search?q=%E2%80%AEabc')).toBe('/api/search?q=%E2%80%AEabc');
    expect(readableUrl('/api/search?q=%E0%A4%A')).toBe('/api/search?q=%E0%A4%A');
    expect(readableUrl('/api/x\ny')).toBe('/api/x%0Ay');
  });

  it('cuts an over-long URL and says how long it was', () => {
    const long = `/api/articles?q=${'a'.repeat(3000)}`;
    const out = readableUrl(long);
    expect(out.startsWith(long.slice(0, MAX_LOGGED_URL))).toBe(true);
    expect(out.endsWith(`…(${long.length} chars)`)).toBe(true);
  });

  it('keeps a proxy’s request id only when it looks like one', () => {
    expect(acceptRequestId('4f1c9d0e8a7b6c5d')).toBe('4f1c9d0e8a7b6c5d');
    expect(acceptRequestId('123e4567-e89b-12d3-a456-426614174000')).toBe('123e4567-e89b-12d3-a456-426614174000');
    for (const bad of [undefined, '', 'short', 'has space in it', 'x'.repeat(129), 'line\nbreak-1234']) expect(acceptRequestId(bad)).toBeNull();
    const id = newRequestId();
    expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect(acceptRequestId(id)).toBe(id);
    expect(newRequestId()).not.toBe(id);
  });
});
