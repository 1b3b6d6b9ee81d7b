import { startStrapi, type TestApp } from '../helpers/strapi';
import { Fixtures, paragraph } from '../helpers/fixtures';

let app: TestApp;
let f: Fixtures;
let section: any;
let existing: any;

const snapshot = async () => {
  const rows = await app.strapi.db.query('api::article.article').findMany({ orderBy: { id: 'asc' }, populate: ['relatedLinks'] });
  return JSON.stringify(rows);
};

beforeAll(async () => {
  app = await startStrapi();
  f = await Fixtures.create(app);
  section = await f.section('سياسة');
  existing = await f.article({ title: 'خبر قائم', body: [paragraph('نص')], section: section.documentId });
});
afterAll(async () => {
  await app?.stop();
});

const base = () => ({ title: 'عنوان صالح', section: section.documentId });

const cases: Array<[string, () => Record<string, unknown>, string[]]> = [
  ['missing title', () => ({ section: section.documentId }), ['title']],
  ['blank title', () => ({ ...base(), title: '   ' }), ['title']],
  ['over-long title', () => ({ ...base(), title: 'ع'.repeat(251) }), ['title']],
  ['over-long excerpt', () => ({ ...base(), excerpt: 'ع'.repeat(601) }), ['excerpt']],
  ['related link with both url and article', () => ({ ...base(), relatedLinks: [{ label: 'x', url: 'https://a.example', article: existing.documentId }] }), ['relatedLinks', '0', 'article']],
  ['related link with neither url nor article', () => ({ ...base(), relatedLinks: [{ label: 'x' }] }), ['relatedLinks', '0', 'url']],
  ['related link without label', () => ({ ...base(), relatedLinks: [{ url: 'https://a.example' }] }), ['relatedLinks', '0', 'label']],
  ['javascript: related URL', () => ({ ...base(), relatedLinks: [{ label: 'x', url: 'javascript:alert(1)' }] }), ['relatedLinks', '0', 'url']],
  ['non-http related URL', () => ({ ...base(), relatedLinks: [{ label: 'x', url: 'ftp://files.example/a' }] }), ['relatedLinks', '0', 'url']],
  ['relative related URL', () => ({ ...base(), relatedLinks: [{ label: 'x', url: '/ar/politics/x' }] }), ['relatedLinks', '0', 'url']],
  ['javascript: canonical URL', () => ({ ...base(), seo: { canonicalUrl: 'javascript:alert(1)' } }), ['seo', 'canonicalUrl']],
  ['more than 10 related links', () => ({ ...base(), relatedLinks: Array.from({ length: 11 }, (_, i) => ({ label: `l${i}`, url: `https://a.example/${i}` })) }), ['relatedLinks']],
  ['unknown section id', () => ({ ...base(), section: 'doesnotexist0000000000000' }), ['section']],
  ['unknown author id', () => ({ ...base(), authors: ['nosuchauthor000000000000'] }), ['authors']],
  ['unknown related article', () => ({ ...base(), relatedLinks: [{ label: 'x', article: 'nosucharticle00000000000' }] }), ['relatedLinks', '0', 'article']],
  ['publishing without a section', () => ({ title: 'بلا قسم' }), ['section']],
];

describe('bad article input on create → 400 naming the field, nothing stored', () => {
  it.each(cases)('%s', async (_name, data, path) => {
    const before = await snapshot();
    const res = await app.http().post('/api/articles').set(f.auth).send({ data: data() });
    expect(res.status).toBe(400);
    expect(res.body.data).toBeNull();
    expect(res.body.error.name).toBe('ValidationError');
    const paths = res.body.error.details.errors.map((e: any) => e.path.map(String));
    expect(paths).toContainEqual(path);
    expect(await snapshot()).toBe(before);
  });
});

describe('bad article input on update → 400, the stored article unchanged', () => {
  it.each(cases.filter(([name]) => !['missing title', 'publishing without a section'].includes(name)))('%s', async (_name, data, path) => {
    const before = await snapshot();
    const res = await app.http().put(`/api/articles/${existing.documentId}`).set(f.auth).send({ data: data() });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors.map((e: any) => e.path.map(String))).toContainEqual(path);
    expect(await snapshot()).toBe(before);
  });

  it('removing the section of a published article', async () => {
    const before = await snapshot();
    const res = await app.http().put(`/api/articles/${existing.documentId}`).set(f.auth).send({ data: { section: null } });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0].path).toEqual(['section']);
    expect(await snapshot()).toBe(before);
  });
});

describe('other bad requests', () => {
  it('malformed JSON → 400 naming the body', async () => {
    const before = await snapshot();
    const res = await app.http().post('/api/articles').set(f.auth).set('Content-Type', 'application/json').send('{"data": {"title": ');
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ status: 400, name: 'ValidationError' });
    expect(res.body.error.details.errors[0].path).toEqual(['body']);
    expect(await snapshot()).toBe(before);
  });

  it('a draft without a section is fine (the section is needed only to publish), and publishing it is refused', async () => {
    const draft = await f.article({ title: 'مسودة بلا قسم' }, { draft: true });
    expect(draft.publishedAt).toBeNull();
    await expect(app.strapi.documents('api::article.article').publish({ documentId: draft.documentId, locale: 'ar' })).rejects.toThrow(/section/);
    const published = await app.strapi.db.query('api::article.article').count({ where: { documentId: draft.documentId, publishedAt: { $notNull: true } } });
    expect(published).toBe(0);
  });

  it.each([
    ['authors', { name: 'كاتب', socialLinks: [{ platform: 'x', url: 'javascript:alert(1)' }] }, ['socialLinks', '0', 'url']],
    ['authors', { name: '' }, ['name']],
    ['authors', { name: 'كاتب', email: 'not-an-email' }, ['email']],
    ['sections', { name: 'ع'.repeat(81) }, ['name']],
    ['tags', {}, ['name']],
  ])('bad %s input → 400', async (type, data, path) => {
    const before = (await app.http().get(`/api/${type}`)).body.data.length;
    const res = await app.http().post(`/api/${type}`).set(f.auth).send({ data });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors.map((e: any) => e.path.map(String))).toContainEqual(path);
    expect((await app.http().get(`/api/${type}`)).body.data.length).toBe(before);
  });

  it('a non-http site baseUrl → 400', async () => {
    const res = await app.http().put('/api/site').set(f.auth).send({ data: { name: 'خليجي 247', baseUrl: 'javascript:alert(1)' } });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0].path).toEqual(['baseUrl']);
  });
});
