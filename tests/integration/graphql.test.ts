import { countQueries, startStrapi, type TestApp } from '../helpers/strapi';
import { Fixtures, paragraph } from '../helpers/fixtures';

let app: TestApp;
let f: Fixtures;
const s: Record<string, any> = {};

const gql = (query: string, variables: Record<string, unknown> = {}) => app.http().post('/graphql').send({ query, variables });

beforeAll(async () => {
  app = await startStrapi();
  f = await Fixtures.create(app);
  s.section = await f.section('رياضة');
  await f.put('sections', s.section.documentId, { name: 'Sports' }, { locale: 'en' });
  s.author = await f.author('نورة السويدي', 'ar', { email: 'noura@khaleeji247.example' });
  s.a1 = await f.article({ title: 'منتخب الإمارات يتأهل إلى نهائي كأس الخليج', body: [paragraph('فاز المنتخب')], section: s.section.documentId, authors: [s.author.documentId] });
  s.a2 = await f.article({ title: 'انطلاق بطولة الخليج للأندية', section: s.section.documentId, relatedLinks: [{ label: 'التأهل', article: s.a1.documentId }] });
  await f.put('articles', s.a1.documentId, { title: 'UAE reach the Gulf Cup final', section: s.section.documentId }, { locale: 'en' });
});
afterAll(async () => {
  await app?.stop();
});

describe('GraphQL', () => {
  it('lists articles with relations in the default locale (ar)', async () => {
    const res = await gql(`{ articles(sort: "firstPublishedAt:desc") { documentId title slug locale section { name slug } authors { name slug } } }`);
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    const list = res.body.data.articles;
    expect(list.map((a: any) => a.documentId)).toEqual([s.a2.documentId, s.a1.documentId]);
    expect(list[1]).toMatchObject({ locale: 'ar', section: { name: 'رياضة', slug: 'رياضة' }, authors: [{ name: 'نورة السويدي' }] });
  });

  it('takes a locale argument', async () => {
    const res = await gql(`query($locale: I18NLocaleCode) { articles(locale: $locale) { title section { name } } }`, { locale: 'en' });
    expect(res.body.data.articles).toEqual([{ title: 'UAE reach the Gulf Cup final', section: { name: 'Sports' } }]);
    const sections = await gql(`{ sections(locale: "en") { name slug } authors { name } tags { name } }`);
    expect(sections.body.data.sections).toEqual([{ name: 'Sports', slug: 'sports' }]);
    expect(sections.body.data.authors).toEqual([{ name: 'نورة السويدي' }]);
  });

  it('finds an article by Arabic slug with articleBySlug', async () => {
    const res = await gql(`query($slug: String!) { articleBySlug(slug: $slug) { documentId title body relatedLinks { label article { title } } } }`, { slug: s.a2.slug });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.articleBySlug).toMatchObject({ documentId: s.a2.documentId, relatedLinks: [{ label: 'التأهل', article: { title: s.a1.title } }] });
    const en = await gql(`{ articleBySlug(slug: "uae-reach-the-gulf-cup-final", locale: "en") { title locale } }`);
    expect(en.body.data.articleBySlug).toEqual({ title: 'UAE reach the Gulf Cup final', locale: 'en' });
    const missing = await gql(`{ articleBySlug(slug: "لا-يوجد") { title } }`);
    expect(missing.body.data.articleBySlug).toBeNull();
  });

  it('Article.alternates gives the other published editions, as REST does (read model, resolvers, articleBySlug)', async () => {
    const rest = (await app.http().get('/api/articles')).body.data;
    const restOf = (id: string) => rest.find((a: any) => a.documentId === id).alternates;
    expect(restOf(s.a1.documentId)).toEqual([{ locale: 'en', url: expect.stringMatching(/\/en\/sports\/uae-reach-the-gulf-cup-final$/) }]);
    expect(restOf(s.a2.documentId)).toEqual([]);
    const query = `{ articles(sort: "firstPublishedAt:desc") { documentId alternates { locale url } } }`;
    // Anonymous: answered from the read model; with a token: Strapi's resolvers and one batched editions query.
    const token = await app.apiToken('read-only');
    for (const headers of [{}, { Authorization: `Bearer ${token}` }]) {
      const res = await app.http().post('/graphql').set(headers).send({ query });
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data.articles).toEqual(rest.map((a: any) => ({ documentId: a.documentId, alternates: restOf(a.documentId) })));
    }
    const { result, sql } = await countQueries(app.strapi, () =>
      app.http().post('/graphql').set({ Authorization: `Bearer ${token}` }).send({ query: `{ articles { alternates { locale } } }` }),
    );
    expect(result.body.errors).toBeUndefined();
    // Both articles' editions in one query, not one per article.
    expect(sql.filter((q) => /^select .document_id., .locale., .slug., .first_published_at./.test(q.replace(/`?t0`?\./g, '').replace(/"?t0"?\./g, '')))).toHaveLength(1);
    const en = await gql(`{ articleBySlug(slug: "uae-reach-the-gulf-cup-final", locale: "en") { alternates { locale url } } }`);
    expect(en.body.data.articleBySlug.alternates).toEqual([{ locale: 'ar', url: expect.stringContaining('/ar/') }]);
  });

  it('does not expose author email in the schema', async () => {
    const res = await gql(`{ authors { name email } }`);
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toMatch(/email/);
  });

  it.each([
    ['pageSize over the maximum', `{ articles(pagination: { pageSize: 500 }) { title } }`, /pagination\.pageSize/],
    ['limit -1 (everything)', `{ articles(pagination: { limit: -1 }) { title } }`, /pagination\.limit/],
    ['unknown locale', `{ articles(locale: "fr") { title } }`, /locale/],
  ])('refuses %s with a clear error', async (_name, query, message) => {
    const res = await gql(query);
    expect(res.body.data?.articles ?? null).toBeNull();
    expect(res.body.errors[0].message).toMatch(message);
    expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a query deeper than the depth limit', async () => {
    const deep = `{ articles { section { articles { section { articles { section { articles { section { articles { title } } } } } } } } } }`;
    const res = await gql(deep);
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toMatch(/exceeds maximum operation depth/);
  });

  it('applies the default page size', async () => {
    for (let i = 0; i < 22; i++) {
      await app.strapi.documents('api::tag.tag').create({ locale: 'ar', data: { name: `وسم ${i}` } } as any);
    }
    const res = await gql(`{ tags { name } tags_connection { pageInfo { total pageSize } } }`);
    expect(res.body.data.tags).toHaveLength(20);
    expect(res.body.data.tags_connection.pageInfo).toEqual({ total: 22, pageSize: 20 });
  });

  it('cannot mutate as the public role', async () => {
    const res = await gql(`mutation { createTag(data: { name: "وسم" }) { name } }`);
    expect(res.body.errors[0].message).toMatch(/Forbidden/i);
  });

  it('loads the relations of a page of articles in a constant number of queries', async () => {
    const tag = await f.tag('كأس الخليج');
    for (let i = 0; i < 20; i++) {
      await app.strapi.documents('api::article.article').create({
        locale: 'ar',
        status: 'published',
        data: {
          title: `مباراة رقم ${i}`,
          section: s.section.documentId,
          authors: [s.author.documentId],
          tags: [tag.documentId],
          cover: { caption: `تعليق ${i}`, credit: 'وكالات' },
        },
      } as any);
    }
    const query = `query($n: Int) { articles(pagination: { pageSize: $n }, sort: "firstPublishedAt:desc") {
      title section { name } authors { name avatar { url } } tags { name } cover { caption credit image { url } } } }`;
    await new Promise((r) => setTimeout(r, 300)); // let publish events settle
    const five = await countQueries(app.strapi, () => gql(query, { n: 5 }));
    const twenty = await countQueries(app.strapi, () => gql(query, { n: 20 }));
    expect(twenty.result.body.errors).toBeUndefined();
    const list = twenty.result.body.data.articles;
    expect(list).toHaveLength(20);
    expect(list[0]).toEqual({
      title: 'مباراة رقم 19',
      section: { name: 'رياضة' },
      authors: [{ name: 'نورة السويدي', avatar: null }],
      tags: [{ name: 'كأس الخليج' }],
      cover: { caption: 'تعليق 19', credit: 'وكالات', image: null },
    });
    expect(twenty.count).toBe(five.count);
    expect(twenty.count).toBeLessThan(20);
    // A relation queried with its own arguments still goes through Strapi's resolver.
    const filtered = await gql(`{ articles(pagination: { pageSize: 2 }, sort: "firstPublishedAt:desc") { tags(filters: { name: { eq: "لا شيء" } }) { name } } }`);
    expect(filtered.body.data.articles).toEqual([{ tags: [] }, { tags: [] }]);
  });
});
