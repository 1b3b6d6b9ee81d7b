import { collectKeys, documentKeys, headerKeys, requestKey, type SchemaLookup } from '../../src/lib/cache-keys';
import { KeyedCache, etagOf } from '../../src/lib/keyed-cache';

const schema: Record<string, any> = {
  'api::article.article': {
    title: { type: 'string' },
    section: { type: 'relation', target: 'api::section.section' },
    authors: { type: 'relation', target: 'api::author.author' },
    relatedLinks: { type: 'component', component: 'content.related-link' },
  },
  'api::section.section': { name: { type: 'string' } },
  'api::author.author': { name: { type: 'string' }, articles: { type: 'relation', target: 'api::article.article' } },
  'content.related-link': { article: { type: 'relation', target: 'api::article.article' } },
};
const lookup: SchemaLookup = (uid) => schema[uid];

describe('collectKeys', () => {
  it('tags a list with every document it shows, following relations and components', () => {
    const body = {
      data: [
        {
          documentId: 'a1', title: 'x',
          section: { documentId: 's1', slug: 'سياسة' },
          authors: [{ documentId: 'u1', slug: 'reem' }, { documentId: 'u2', slug: 'khalid' }],
          relatedLinks: [{ article: { documentId: 'a9', slug: 'other' } }, { article: null, url: 'https://x' }],
        },
      ],
      meta: {},
    };
    expect([...collectKeys(body, 'api::article.article', lookup)].sort()).toEqual(
      ['article:a1', 'article:a9', 'author:khalid', 'author:reem', 'author:u1', 'author:u2', 'list', `section:${encodeURIComponent('سياسة')}`, 'section:s1'].sort(),
    );
  });

  it('does not mark a single document as a list, and ignores unknown attributes', () => {
    const keys = collectKeys({ data: { documentId: 'u1', slug: 'reem', articles: [{ documentId: 'a1' }], extra: { documentId: 'zz' } } }, 'api::author.author', lookup);
    expect([...keys].sort()).toEqual(['article:a1', 'author:reem', 'author:u1']);
  });

  it('gives every slugged type percent-encoded header-safe keys', () => {
    expect(documentKeys('api::tag.tag', { documentId: 't', slug: 'النفط' })).toEqual(['tag:t', 'tag:%D8%A7%D9%84%D9%86%D9%81%D8%B7']);
    expect(documentKeys('api::site.site', { documentId: 'x' })).toEqual(['site']);
    expect(documentKeys('plugin::upload.file', { documentId: 'x' })).toEqual([]);
  });
});

describe('requestKey', () => {
  it('sorts parameters and makes the default locale explicit', () => {
    expect(requestKey('/api/articles', 'b=2&a=1', 'ar')).toBe(requestKey('/api/articles', 'a=1&b=2&locale=ar', 'ar'));
    expect(requestKey('/api/articles', 'locale=en', 'ar')).not.toBe(requestKey('/api/articles', '', 'ar'));
    expect(requestKey('/api/articles', 'section=%D8%B3', 'ar')).toBe(requestKey('/api/articles', 'section=س', 'ar'));
  });
});

describe('KeyedCache', () => {
  const entry = (keys: string[], size = 10) => {
    const body = Buffer.alloc(size, 'x');
    return { body, etag: etagOf(body), headers: {}, keys };
  };

  it('evicts exactly the entries carrying a key', () => {
    const cache = new KeyedCache({ maxEntries: 10, maxBytes: 1e6, ttlMs: 60_000 });
    cache.set('/a', entry(['article:1', 'list']));
    cache.set('/b', entry(['article:2']));
    cache.set('/c', entry(['list']));
    expect(cache.evict(['article:1'])).toBe(1);
    expect(cache.get('/a')).toBeUndefined();
    expect(cache.get('/b')).toBeDefined();
    expect(cache.evict(['list'])).toBe(1);
    expect(cache.size).toBe(1);
  });

  it('stays within its entry and byte bounds, and forgets the keys of dropped entries', () => {
    const cache = new KeyedCache({ maxEntries: 3, maxBytes: 1e6, ttlMs: 60_000 });
    for (let i = 0; i < 5; i++) cache.set(`/${i}`, entry([`k${i}`, 'list']));
    expect(cache.size).toBe(3);
    expect(cache.get('/0')).toBeUndefined();
    expect(cache.evict(['k0', 'k1'])).toBe(0);
    const bytes = new KeyedCache({ maxEntries: 100, maxBytes: 3 * (1000 + 512), ttlMs: 60_000 });
    for (let i = 0; i < 10; i++) bytes.set(`/${i}`, entry(['list'], 1000));
    expect(bytes.size).toBe(3);
    expect(bytes.bytes).toBeLessThanOrEqual(3 * 1512);
    bytes.set('/huge', entry(['list'], 10_000));
    expect(bytes.get('/huge')).toBeUndefined();
  });

  it('gives the same strong ETag to the same bytes', () => {
    expect(etagOf(Buffer.from('سلام'))).toBe(etagOf(Buffer.from('سلام')));
    expect(etagOf(Buffer.from('a'))).not.toBe(etagOf(Buffer.from('b')));
    expect(etagOf(Buffer.from('a'))).toMatch(/^"[A-Za-z0-9_-]+"$/);
  });
});

describe('headerKeys', () => {
  const many = Array.from({ length: 400 }, (_, i) => `tag:${encodeURIComponent(`وسم-طويل-جدا-رقم-${i}`)}`);

  it('keeps a list response within the header budget, broad keys first', () => {
    const keys = headerKeys([...many, 'article:x', 'list', 'feed']);
    expect(keys.slice(0, 2)).toEqual(['list', 'feed']);
    expect(Buffer.byteLength(keys.join(' '))).toBeLessThanOrEqual(4096);
    expect(keys.length).toBeLessThan(many.length);
  });

  it('prints every key when they fit, and drops none of a small set', () => {
    expect(headerKeys(['article:a', 'section:s', 'list'])).toEqual(['list', 'article:a', 'section:s']);
    const detail = headerKeys(['article:a', ...many.slice(0, 300)], 2000);
    expect(detail[0]).toBe('article:a');
    expect(Buffer.byteLength(detail.join(' '))).toBeLessThanOrEqual(2000);
  });
});
