import { nginxConfig } from '../../scripts/bench/nginx';
import { scenarios } from '../../scripts/bench/scenarios';

describe('the nginx limit serves the bytes the app sent', () => {
  it('replays the Content-Encoding and Vary of a compressed body and compresses nothing itself', () => {
    const conf = nginxConfig('/tmp/x', 8080, { contentType: 'application/json; charset=utf-8', contentEncoding: 'br', vary: 'Accept-Encoding' });
    expect(conf).toContain('location = /list.json { default_type "application/json; charset=utf-8"; add_header Content-Encoding "br"; add_header Vary "Accept-Encoding"; }');
    expect(conf).toContain('gzip off;');
    expect(conf).toContain('listen 127.0.0.1:8080;');
  });

  it('adds no encoding header for an uncompressed body', () => {
    const conf = nginxConfig('/tmp/x', 8080, { contentType: 'application/json' });
    expect(conf).toContain('location = /list.json { default_type "application/json"; }');
    expect(conf).not.toContain('Content-Encoding');
  });
});

describe('single-URL scenarios', () => {
  const list = scenarios({ slug: 'قمة-الرياض', searchWord: 'الاقتصاد' });

  it('send Accept-Encoding: gzip, br on every read, as real clients do', () => {
    for (const s of list) expect([s.id, s.headers['accept-encoding']]).toEqual([s.id, 'gzip, br']);
  });

  it('measure the GraphQL list of 20 cards with the cache on and off, the same query', () => {
    const [warm, cold] = ['graphql', 'graphql-cold'].map((id) => list.find((s) => s.id === id)!);
    expect([warm.phase, cold.phase]).toEqual(['cache', 'nocache']);
    expect(cold.body).toBe(warm.body);
    expect(JSON.parse(cold.body!).query).toContain('articles(pagination: { pageSize: 20 }');
  });
});
