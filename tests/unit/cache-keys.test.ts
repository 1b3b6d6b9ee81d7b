import { articleChangeKeys, collectKeys, documentKeys, headerKeys, listingKeys, listKey, requestKey, type SchemaLookup } from '../../src/lib/cache-keys';
import { publicChange, splitEvictions } from '../../src/lib/publication';
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
    expect([...collectKeys(body, 'api::article.article', lookup, listingKeys('ar'))].sort()).toEqual(
      ['article:a1', 'article:a9', 'author:khalid', 'author:reem', 'author:u1', 'author:u2', 'list:ar', 'lists', `section:${encodeURIComponent('سياسة')}`, 'section:s1'].sort(),
    );
  });

  it('does not mark a single document as a list, and ignores unknown attributes', () => {
    const keys = collectKeys({ data: { documentId: 'u1', slug: 'reem', articles: [{ documentId: 'a1' }], extra: { documentId: 'zz' } } }, 'api::author.author', lookup);
    expect([...keys].sort()).toEqual(['article:a1', 'author:reem', 'author:u1']);
  });

  it('gives every slugged type percent-encoded header-safe keys', () => {
    expect(documentKeys('api::tag.tag', { documentId: 't', slug: 'النفط' })).toEqual(['tag:t', 'tag:%D8%A7%D9%84%D9%86%D9%81%D8%B7']);
    expect(documentKeys('api::site.site', { documentId: 'x' })).toEqual(['site']);
    expect(documentKeys('plugin::upload.file', { documentId: 'x' })).toEqual(['file:x']);
    expect(documentKeys('plugin::users-permissions.user', { documentId: 'x' })).toEqual([]);
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

  it('marks soft-evicted entries stale, serves them for the window only, and a hard eviction removes them', () => {
    let now = 1_000;
    const cache = new KeyedCache({ maxEntries: 10, maxBytes: 1e6, ttlMs: 60_000, staleMs: 5_000, now: () => now });
    cache.set('/a', entry(['article:1']));
    cache.set('/b', entry(['article:1']));
    expect(cache.evict(['article:1'], { soft: true })).toBe(2);
    expect(cache.get('/a')?.staleSince).toBe(1_000);
    now += 4_000;
    expect(cache.evict(['article:1'], { soft: true })).toBe(2);
    expect(cache.get('/a')?.staleSince).toBe(1_000); // the window runs from the first eviction
    now += 2_000;
    expect(cache.get('/a')).toBeUndefined();
    expect(cache.evict(['article:1'])).toBe(1); // /b, still stale, goes for good
    expect(cache.get('/b')).toBeUndefined();
    const noWindow = new KeyedCache({ maxEntries: 10, maxBytes: 1e6, ttlMs: 60_000 });
    noWindow.set('/a', entry(['k']));
    noWindow.evict(['k'], { soft: true });
    expect(noWindow.get('/a')).toBeUndefined();
  });

  it('refuses a render that began before an eviction of one of its keys, or a clear', () => {
    const cache = new KeyedCache({ maxEntries: 10, maxBytes: 1e6, ttlMs: 60_000 });
    const since = cache.begin();
    cache.evict(['article:1']);
    expect(cache.set('/a', entry(['article:1', 'list:ar']), since)).toBe(false);
    expect(cache.set('/b', entry(['article:2']), since)).toBe(true);
    cache.end();
    const later = cache.begin();
    expect(cache.set('/a', entry(['article:1']), later)).toBe(true);
    cache.clear();
    expect(cache.set('/c', entry(['x']), later)).toBe(false);
    cache.end();
    expect(cache.set('/c', entry(['x']), cache.begin())).toBe(true);
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
    const keys = headerKeys([...many, 'article:x', 'lists', 'list:ar:tag:x']);
    expect(keys.slice(0, 2)).toEqual(['lists', 'list:ar:tag:x']);
    expect(Buffer.byteLength(keys.join(' '))).toBeLessThanOrEqual(1200);
    expect(keys.length).toBeLessThan(many.length);
  });

  it('prints every key when they fit, and drops none of a small set', () => {
    expect(headerKeys(['article:a', 'section:s', 'list'])).toEqual(['list', 'article:a', 'section:s']);
    expect(headerKeys(['article:a', 'lists', 'list:en'])).toEqual(['lists', 'list:en', 'article:a']);
    const detail = headerKeys(['article:a', ...many.slice(0, 300)], 2000);
    expect(detail[0]).toBe('article:a');
    expect(Buffer.byteLength(detail.join(' '))).toBeLessThanOrEqual(2000);
  });
});

describe('scoped list keys', () => {
  it('name the locale and the one relation a list is filtered by, percent-encoded', () => {
    expect(listKey('ar')).toBe('list:ar');
    expect(listKey('ar', { kind: 'section', slug: 'اقتصاد' })).toBe(`list:ar:section:${encodeURIComponent('اقتصاد')}`);
    expect(listingKeys('en', { kind: 'tag', slug: 'oil' })).toEqual(['lists', 'list:en:tag:oil']);
    expect(listingKeys(null)).toEqual(['lists', 'list']);
  });

  it('a change to an article evicts it, its locale lists and every scope it had or has there, never another locale', () => {
    const keys = articleChangeKeys('a1', 'ar', [
      { locale: 'ar', section: { slug: 'old' }, authors: [{ slug: 'reem' }], tags: [] },
      { locale: 'ar', section: { slug: 'new' }, authors: [{ slug: 'reem' }, { slug: null }], tags: [{ slug: 'oil' }] },
    ]);
    expect(keys.sort()).toEqual(['article:a1', 'list', 'list:ar', 'list:ar:author:reem', 'list:ar:section:new', 'list:ar:section:old', 'list:ar:tag:oil'].sort());
    expect(keys.some((k) => k.startsWith('list:en'))).toBe(false);
  });
});

describe('publicChange', () => {
  const v = (locale: string, id: number, updatedAt = '2026-01-01T00:00:00.000Z') => ({ locale, id, updatedAt });

  it('sees nothing when the published versions are the same rows, unedited (a draft save)', () => {
    expect(publicChange([v('ar', 1), v('en', 2)], [v('en', 2), v('ar', 1)])).toEqual({ changed: [], removed: [] });
  });

  it('sees a republish (new row), an in-place edit, a first publish and an unpublish, per locale', () => {
    expect(publicChange([v('ar', 1)], [v('ar', 3)])).toEqual({ changed: ['ar'], removed: [] });
    expect(publicChange([v('ar', 1)], [v('ar', 1, '2026-01-02T00:00:00.000Z')])).toEqual({ changed: ['ar'], removed: [] });
    expect(publicChange([], [v('en', 4)])).toEqual({ changed: ['en'], removed: [] });
    expect(publicChange([v('ar', 1), v('en', 2)], [v('ar', 1)])).toEqual({ changed: ['en'], removed: ['en'] });
    expect(publicChange([{ locale: 'ar', id: 1, updatedAt: new Date(5) }], [{ locale: 'ar', id: 1, updatedAt: new Date(5) }]).changed).toEqual([]);
  });

  it('makes a key hard when any change names it hard', () => {
    expect(splitEvictions(['article:a', 'list:en'], ['article:a', 'list:ar', 'list:ar'])).toEqual({ hard: ['article:a', 'list:en'], soft: ['list:ar'] });
  });
});
