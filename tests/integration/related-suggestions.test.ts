/**
 * POST /article-related/suggestions: the admin's related-story suggestions for
 * the version being edited — the form's unsaved text drives them, for a draft
 * never published and for a story not saved yet; published stories of the
 * locale only, never the story itself nor one it already links to.
 */
import { startStrapi, type TestApp } from '../helpers/strapi';
import { Fixtures, paragraph } from '../helpers/fixtures';
import { adminUser, type AdminSession } from '../helpers/admin';

let app: TestApp;
let f: Fixtures;
let editor: AdminSession;
let reporter: AdminSession;
let nobody: AdminSession;
const ids: Record<string, string> = {};

const suggest = (session: AdminSession | null, body: Record<string, unknown>, query: Record<string, string> = { locale: 'ar' }) => {
  const req = app.http().post('/article-related/suggestions').query(query);
  return (session ? req.set(session.auth) : req).send(body);
};
const idsOf = (res: { body: any }) => res.body.data.map((a: any) => a.documentId);

beforeAll(async () => {
  app = await startStrapi({ CRON_ENABLED: 'false' });
  f = await Fixtures.create(app);
  const economy = (await f.section('اقتصاد')).documentId;
  const sport = (await f.section('رياضة')).documentId;
  const oil = (await f.tag('النفط')).documentId;
  const art = async (key: string, title: string, section: string, extra: Record<string, unknown> = {}, options = {}) => {
    ids[key] = (await f.article({ title, body: [paragraph('تفاصيل لاحقة')], section, ...extra }, options)).documentId;
  };
  await art('oilOld', 'أسعار النفط ترتفع في الأسواق الخليجية', economy, { tags: [oil] });
  await art('oilNew', 'النفط يواصل الارتفاع', sport);
  await art('football', 'مباراة كرة القدم في الدوري', sport);
  await art('unpublished', 'النفط في مسودة لم تنشر', economy, { tags: [oil] }, { draft: true });
  await art('english', 'Oil prices rise', (await f.section('Economy', 'en')).documentId, {}, { locale: 'en' });
  // The story being edited: a draft never published, saved about football, linking to one oil story already.
  await art('editing', 'مباراة ودية', sport, { relatedLinks: [{ label: 'سابق', article: { connect: [{ documentId: ids.oilOld, locale: 'ar' }] } }] }, { draft: true });

  editor = await adminUser(app, 'newsroom-editor');
  reporter = await adminUser(app, 'newsroom-reporter');
  const bare = await app.strapi.service('admin::role').create({ name: 'بلا مقالات', code: 'no-articles', description: 'no permissions' });
  nobody = await adminUser(app, bare.code);
});
afterAll(async () => {
  await app?.stop();
});

describe('related-story suggestions in the admin', () => {
  it('for a story not saved yet: its typed text finds published stories of the locale, with what a related link needs', async () => {
    const res = await suggest(editor, { title: 'النفط والاسواق', excerpt: 'ارتفاع الأسعار' });
    expect(res.status).toBe(200);
    expect(idsOf(res)).toEqual(expect.arrayContaining([ids.oilOld, ids.oilNew]));
    expect(idsOf(res)).not.toContain(ids.unpublished);
    expect(idsOf(res)).not.toContain(ids.english);
    expect(idsOf(res)).not.toContain(ids.football);
    expect(res.body.meta).toEqual({ locale: 'ar' });
    const first = res.body.data.find((a: any) => a.documentId === ids.oilOld);
    expect(first).toEqual({
      id: expect.any(Number),
      documentId: ids.oilOld,
      locale: 'ar',
      title: 'أسعار النفط ترتفع في الأسواق الخليجية',
      slug: expect.any(String),
      firstPublishedAt: expect.any(String),
      section: { name: 'اقتصاد', slug: expect.any(String) },
    });
    // `id` is the draft row, the one the content manager's relation input connects.
    const draftRow = await app.strapi.db.query('api::article.article').findOne({ where: { id: first.id } });
    expect(draftRow).toMatchObject({ documentId: ids.oilOld, publishedAt: null });
  });

  it('for a draft being edited: the form text, not the saved one, drives them; never itself nor a story it links to', async () => {
    const saved = await suggest(editor, { documentId: ids.editing, title: 'مباراة ودية' });
    expect(saved.status).toBe(200);
    expect(idsOf(saved)).toContain(ids.football);
    expect(idsOf(saved)).not.toContain(ids.editing);

    const typed = await suggest(editor, { documentId: ids.editing, title: 'النفط يرتفع', excerpt: '' });
    expect(idsOf(typed)).toContain(ids.oilNew);
    expect(idsOf(typed)).not.toContain(ids.oilOld); // saved link
    expect(idsOf(typed)).not.toContain(ids.editing);
    const excluded = await suggest(editor, { documentId: ids.editing, title: 'النفط يرتفع', exclude: [ids.oilNew] });
    expect(idsOf(excluded)).not.toContain(ids.oilNew);
    expect((await suggest(editor, { title: 'النفط', limit: 1 })).body.data).toHaveLength(1);
  });

  it('a reporter may ask too; a user who may not read articles is refused (403), no session is 401', async () => {
    expect((await suggest(reporter, { title: 'النفط' })).status).toBe(200);
    const refused = await suggest(nobody, { title: 'النفط' });
    expect(refused.status).toBe(403);
    expect((await suggest(null, { title: 'النفط' })).status).toBe(401);
    const token = await app.apiToken('full-access');
    expect((await app.http().post('/article-related/suggestions').set({ Authorization: `Bearer ${token}` }).send({ title: 'النفط' })).status).toBe(401);
  });

  it('bad input is a 400 naming the field; an unknown story a 404', async () => {
    const cases: Array<[Record<string, unknown>, string, Record<string, string>?]> = [
      [{ title: 5 }, 'title'],
      [{ title: 'ن'.repeat(251) }, 'title'],
      [{ excerpt: ['x'] }, 'excerpt'],
      [{ limit: 0 }, 'limit'],
      [{ limit: '2.5' }, 'limit'],
      [{ limit: 21 }, 'limit'],
      [{ exclude: 'abc' }, 'exclude'],
      [{ exclude: ['../x'] }, 'exclude.0'],
      [{ documentId: 'NOT A ID' }, 'documentId'],
      [{ sort: 'title' }, 'sort'],
      [{ title: 'النفط' }, 'locale', { locale: 'xx' }],
      [{ title: 'النفط' }, 'q', { q: 'x' }],
    ];
    for (const [body, field, query] of cases) {
      const res = await suggest(editor, body, query);
      expect([field, res.status]).toEqual([field, 400]);
      expect(res.body.error.details.errors[0].path.join('.')).toBe(field);
    }
    const unknown = await suggest(editor, { documentId: 'zzzzzzzzzzzzzzzzzzzzzzzz', title: 'النفط' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.details.errors[0].path).toEqual(['documentId']);
    // Another locale's version does not exist in Arabic.
    expect((await suggest(editor, { documentId: ids.english, title: 'Oil' })).status).toBe(404);
    const english = await suggest(editor, { documentId: ids.english, title: 'Oil prices' }, { locale: 'en' });
    expect(english.status).toBe(200);
    expect(idsOf(english)).toEqual([]);
  });

  it('a text with nothing to match on suggests nothing (an empty form)', async () => {
    const res = await suggest(editor, {});
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([]);
  });
});
