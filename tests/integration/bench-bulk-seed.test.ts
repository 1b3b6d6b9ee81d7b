/**
 * The benchmark's bulk seeder writes tables directly: this checks that Strapi
 * reads what it wrote exactly as documents created through the Document
 * Service (draft + published versions, relations, components, media), and
 * that the X-Query-Count instrument counts per request.
 */
import { startStrapi, type TestApp } from '../helpers/strapi';
import { bulkSeed } from '../../scripts/bench/bulk-seed';

const UID = 'api::article.article';
let app: TestApp;
let seeded: Awaited<ReturnType<typeof bulkSeed>>;

beforeAll(async () => {
  app = await startStrapi({ BENCH_QUERY_COUNT: 'true' });
  const progress: number[] = [];
  seeded = await bulkSeed(app.strapi, { articles: 40, batchSize: 15, authors: 6, tags: 12, onProgress: (done) => progress.push(done) });
  expect(progress).toEqual([0, 15, 30, 40]);
  // Written around the Document Service: the read model is reconciled, as the bench's seed step does.
  await app.strapi.service('api::article.read-model').reconcile();
});

afterAll(() => app?.stop());

describe('bench bulk seeder', () => {
  it('creates every article as a draft and a published version of one document', async () => {
    const docs = app.strapi.documents(UID);
    expect(await docs.count({ locale: 'ar', status: 'published' } as any)).toBe(40);
    expect(await docs.count({ locale: 'ar', status: 'draft' } as any)).toBe(40);
    const published = await docs.findMany({ locale: 'ar', status: 'published', fields: ['documentId'], limit: 100 } as any);
    expect(new Set(published.map((d: any) => d.documentId)).size).toBe(40);
    for (const d of published) expect(d.documentId).toMatch(/^[a-z0-9]{24}$/);
  });

  it('is read back with its relations, cover and related links, published pointing at published', async () => {
    const [slug] = seeded.sampleSlugs;
    expect(slug).toMatch(/[\u0621-\u064A]/);
    const res = await app.http().get(`/api/articles/slug/${encodeURIComponent(slug)}`);
    expect(res.status).toBe(200);
    const a = res.body.data;
    expect(a.slug).toBe(slug);
    expect(a.section.name).toEqual(expect.any(String));
    expect(a.authors.length).toBeGreaterThanOrEqual(1);
    expect(a.tags.length).toBeGreaterThanOrEqual(3);
    expect(a.cover.image.url).toMatch(/^\/uploads\/bench_cover_/);
    expect(a.body[0].type).toBe('paragraph');
    expect(a.relatedLinks.length).toBeGreaterThanOrEqual(1);
    const internal = a.relatedLinks.filter((l: any) => l.article);
    expect(internal.length).toBeGreaterThanOrEqual(1);
    for (const link of internal) expect(link.article.title).toBe(link.label);

    const draft: any = await app.strapi.documents(UID).findOne({
      documentId: a.documentId, locale: 'ar', status: 'draft', populate: { relatedLinks: { populate: ['article'] } },
    } as any);
    expect(draft.publishedAt).toBeNull();
    expect(draft.relatedLinks.filter((l: any) => l.article).map((l: any) => l.article.publishedAt)).toEqual(internal.map(() => null));
  });

  it('lists newest first in the card preset', async () => {
    const res = await app.http().get('/api/articles?pagination[pageSize]=5');
    expect(res.status).toBe(200);
    expect(res.body.meta.pagination.total).toBe(40);
    expect(res.body.data.map((a: any) => a.slug)).toEqual(seeded.sampleSlugs.slice(0, 5));
    expect(res.body.data[0].authors[0].avatar.url).toMatch(/^\/uploads\//);
  });

  it('adds more on a second run without colliding ids or slugs', async () => {
    await bulkSeed(app.strapi, { articles: 10, authors: 2, tags: 3 });
    expect(await app.strapi.documents(UID).count({ locale: 'ar', status: 'published' } as any)).toBe(50);
    const rows = await app.strapi.db.connection('articles').select('slug').whereNotNull('published_at');
    expect(new Set(rows.map((r: any) => r.slug)).size).toBe(50);
    // A document created afterwards through the Document Service still gets fresh ids.
    const created = await app.strapi.documents(UID).create({ locale: 'ar', data: { title: 'خبر بعد البذر' } } as any);
    expect(created.id).toBeGreaterThan(0);
  });

  it('reports the SQL statements of each request in X-Query-Count', async () => {
    // Both through Strapi's path (a sort takes them past the read model): the card preset costs more statements.
    const list = await app.http().get('/api/articles?pagination[pageSize]=20&sort=publishedAt:desc');
    const one = await app.http().get('/api/articles?pagination[pageSize]=1&fields[0]=title');
    expect(Number(list.headers['x-query-count'])).toBeGreaterThan(Number(one.headers['x-query-count']));
    expect(Number(one.headers['x-query-count'])).toBeGreaterThan(0);
  });

  it('takes its text from another source when given one (the search benchmark corpus)', async () => {
    let n = 0;
    const text = {
      title: () => `عنوان من مصدر آخر ${++n}`,
      excerpt: () => 'ملخص ثابت',
      body: () => [{ type: 'paragraph' as const, children: [{ type: 'text' as const, text: 'نص ثابت' }] }],
    };
    await bulkSeed(app.strapi, { articles: 3, authors: 1, tags: 3, text });
    const rows = await app.strapi.db.connection('articles').where('title', 'like', 'عنوان من مصدر آخر%').whereNotNull('published_at');
    expect(rows.map((r: any) => r.title).sort()).toEqual(['عنوان من مصدر آخر 1', 'عنوان من مصدر آخر 2', 'عنوان من مصدر آخر 3']);
    expect(rows.every((r: any) => r.excerpt === 'ملخص ثابت')).toBe(true);
    const body = typeof rows[0].body === 'string' ? JSON.parse(rows[0].body) : rows[0].body; // text on SQLite, jsonb on PostgreSQL
    expect(body).toEqual(text.body());
  });
});
