import { documentBody, epochMs, listBody, referencesOf } from '../../src/lib/read-model';
import { encodeBody, isCompressible, variantEtag } from '../../src/lib/compression';
import { listScope, plainListRequest } from '../../src/api/article/query';
import zlib from 'node:zlib';

describe('referencesOf', () => {
  it('lists every record a full article shows, once each, with slugs for the list scopes', () => {
    const refs = referencesOf({
      section: { documentId: 's1', slug: 'اقتصاد' },
      authors: [{ documentId: 'u1', slug: 'reem', avatar: { id: 7 } }, { documentId: 'u2', slug: null, avatar: null }],
      tags: [{ documentId: 't1', slug: 'oil' }, { documentId: 't1', slug: 'oil' }],
      cover: { image: { id: 7 } },
      seo: { ogImage: { id: 9 } },
      relatedLinks: [{ article: { documentId: 'a2' } }, { article: null }],
    });
    expect(refs).toEqual([
      { kind: 'section', ref: 's1', slug: 'اقتصاد' },
      { kind: 'author', ref: 'u1', slug: 'reem' },
      { kind: 'media', ref: '7', slug: null },
      { kind: 'author', ref: 'u2', slug: null },
      { kind: 'tag', ref: 't1', slug: 'oil' },
      { kind: 'media', ref: '9', slug: null },
      { kind: 'article', ref: 'a2', slug: null },
    ]);
    expect(referencesOf({})).toEqual([]);
  });
});

describe('bodies from stored JSON', () => {
  it('are Strapi REST bodies', () => {
    expect(JSON.parse(listBody(['{"a":1}', '{"b":2}'], { page: 2, pageSize: 2 }, 5))).toEqual({
      data: [{ a: 1 }, { b: 2 }],
      meta: { pagination: { page: 2, pageSize: 2, pageCount: 3, total: 5 } },
    });
    expect(JSON.parse(listBody([], { page: 1, pageSize: 25 }, 0)).meta.pagination.pageCount).toBe(0);
    expect(JSON.parse(documentBody('{"a":"ب"}', { servedLocale: 'ar' }))).toEqual({ data: { a: 'ب' }, meta: { servedLocale: 'ar' } });
  });

  it('sort by epoch milliseconds from any stored date form', () => {
    expect(epochMs(new Date(5))).toBe(5);
    expect(epochMs('2026-01-01T00:00:00.000Z')).toBe(Date.UTC(2026, 0, 1));
    expect(epochMs(17)).toBe(17);
    expect(epochMs(null)).toBeNull();
    expect(epochMs('not a date')).toBeNull();
  });
});

describe('plainListRequest', () => {
  const d = { locale: 'ar', pageSize: 25, maxLimit: 100 };
  it('takes pages, a locale, digits and one shortcut', () => {
    expect(plainListRequest({}, d)).toEqual({ locale: 'ar', page: 1, pageSize: 25, digits: 'latn' });
    expect(plainListRequest({ locale: 'en', digits: 'arab', pagination: { page: '3', pageSize: '20' }, tag: 'نفط' }, d)).toEqual({
      locale: 'en', page: 3, pageSize: 20, digits: 'arab', scope: { kind: 'tag', slug: 'نفط' },
    });
  });

  it('leaves everything else to the Strapi path, which has the errors', () => {
    for (const query of [
      { filters: { title: 'x' } }, { sort: 'title' }, { fields: ['title'] }, { populate: '*' }, { status: 'published' },
      { pagination: { pageSize: '101' } }, { pagination: { page: '0' } }, { pagination: { withCount: 'false' } }, { pagination: { start: '0' } },
      { pagination: 'x' }, { digits: 'roman' }, { section: 'a', tag: 'b' }, { section: '' }, { section: ['a', 'b'] }, { locale: ['ar', 'en'] },
    ]) {
      expect([query, plainListRequest(query as Record<string, unknown>, d)]).toEqual([query, null]);
    }
  });

  it('names a scope only for a list filtered by one shortcut and nothing else', () => {
    expect(listScope({ section: 's' })).toEqual({ kind: 'section', slug: 's' });
    expect(listScope({ section: 's', filters: {} })).toBeUndefined();
    expect(listScope({ section: 's', author: 'a' })).toBeUndefined();
  });
});

describe('compression of stored bodies', () => {
  const json = Buffer.from(JSON.stringify({ data: Array.from({ length: 50 }, (_, i) => ({ title: `أسعار النفط ترتفع ${i}` })) }));

  it('stores br and gzip that decode to the body, and skips small or binary bodies', () => {
    const encoded = encodeBody(json, 'application/json; charset=utf-8')!;
    expect(zlib.brotliDecompressSync(encoded.br!)).toEqual(json);
    expect(zlib.gunzipSync(encoded.gzip!)).toEqual(json);
    expect(encoded.br!.length).toBeLessThan(json.length / 4);
    expect(encodeBody(Buffer.from('{}'), 'application/json')).toBeUndefined();
    expect(encodeBody(json, 'image/jpeg')).toBeUndefined();
    expect(isCompressible('application/rss+xml')).toBe(true);
    expect(isCompressible('application/feed+json')).toBe(true);
  });

  it('marks encoded variants weak', () => {
    expect(variantEtag('"x"', 'br')).toBe('W/"x"');
    expect(variantEtag('"x"', null)).toBe('"x"');
    expect(variantEtag('W/"x"', 'gzip')).toBe('W/"x"');
  });
});
