import { clientSubject, findUrlProblem, isApiPath, isBearer, isPublicSurface, surfaceOf } from '../../src/lib/request-checks';

describe('request checks', () => {
  it('recognises the public surfaces case-insensitively, as the router matches', () => {
    for (const p of ['/api/articles', '/API/articles', '/Api', '/graphql', '/GraphQL', '/preview/articles/x']) expect(isPublicSurface(p)).toBe(true);
    for (const p of ['/admin', '/apix', '/uploads/a.png', '/content-manager/x']) expect(isPublicSurface(p)).toBe(false);
    expect(isApiPath('/API/Articles')).toBe(true);
    expect(isApiPath('/graphql')).toBe(false);
    expect([surfaceOf('/api/search'), surfaceOf('/API/SEARCH'), surfaceOf('/graphql'), surfaceOf('/preview/a'), surfaceOf('/api/articles'), surfaceOf('/api/searches')]).toEqual([
      'search', 'search', 'graphql', 'preview', 'api', 'api',
    ]);
    expect([surfaceOf('/api/articles/abc/related'), surfaceOf('/api/articles/abc'), surfaceOf('/api/articles/abc/related/x')]).toEqual(['search', 'api', 'api']);
  });

  it('names the query parameter holding a control character or broken percent-encoding', () => {
    expect(findUrlProblem('/api/articles', 'filters[title][$eq]=a%00b')).toEqual({ param: 'filters[title][$eq]', message: 'must not contain control characters' });
    expect(findUrlProblem('/api/search', 'q=%E0%A4%A')).toEqual({ param: 'q', message: 'is not valid percent-encoding' });
    expect(findUrlProblem('/api/search', 'q%07=1')).toEqual({ param: 'q\u0007', message: 'must not contain control characters' });
    expect(findUrlProblem('/api/articles/a%00', '')).toEqual({ param: 'path', message: 'must not contain control characters' });
    expect(findUrlProblem('/api/articles/%ZZ', '')).toEqual({ param: 'path', message: 'is not valid percent-encoding' });
  });

  it('lets whitespace, Arabic and ordinary punctuation through', () => {
    expect(findUrlProblem(`/api/articles/slug/${encodeURIComponent('أسعار-النفط')}`, `q=${encodeURIComponent('"البنك المركزي"\t-الفائدة\n')}&a=b+c&flag`)).toBeNull();
  });

  it('accepts exactly "Bearer <token>"', () => {
    for (const ok of ['Bearer abc', 'bearer abc', 'BEARER  a.b-c_d~e+f/g=']) expect(isBearer(ok)).toBe(true);
    for (const bad of ['Basic eDp5', 'Bearer', 'Bearer ', 'Bearer a b', 'Token x', 'abc']) expect(isBearer(bad)).toBe(false);
  });

  it('groups IPv6 addresses by /64 and keeps IPv4 as it is', () => {
    expect(clientSubject('203.0.113.7')).toBe('203.0.113.7');
    expect(clientSubject('::ffff:203.0.113.7')).toBe('203.0.113.7');
    const a = clientSubject('2001:db8:1:2::1');
    expect(a).toBe('2001:db8:1:2::/64');
    expect(clientSubject('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe(a);
    expect(clientSubject('2001:db8:1:2:0:0:0:9')).toBe(a);
    expect(clientSubject('2001:db8:1:3::1')).not.toBe(a);
    expect(clientSubject('::1')).toBe('0:0:0:0::/64');
    expect(clientSubject('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  });
});
