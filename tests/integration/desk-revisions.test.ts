/**
 * The desk, revisions: one per save on every path (REST, GraphQL, the admin
 * API, the scheduler), "what was public at T" across edits, diff, restore as a
 * new draft, retention, and who may read them.
 */
import { startStrapi, type TestApp } from '../helpers/strapi';
import { Fixtures, paragraph } from '../helpers/fixtures';
import { adminUser, cm, connect, type AdminSession } from '../helpers/admin';
import { scheduleService } from '../../src/api/services';
import { createClassToken } from '../../src/infra/api-tokens';

let app: TestApp;
let f: Fixtures;
let sectionId: string;
let editor: AdminSession;
let reporter: AdminSession;
const KEEP = 4;
const UID = 'api::article.article';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const desk = (session: AdminSession) => ({
  get: (path: string, query: Record<string, string> = {}) => app.http().get(`/article-desk${path}`).query(query).set(session.auth),
  post: (path: string, body: Record<string, unknown> = {}, query: Record<string, string> = {}) => app.http().post(`/article-desk${path}`).query(query).set(session.auth).send(body),
});
const history = async (documentId: string, locale = 'ar') => {
  const res = await app.http().get(`/api/articles/${documentId}/revisions`).query({ locale, pageSize: '100' }).set(f.auth);
  expect(res.status).toBe(200);
  return res.body.data as Array<{ id: number; version: string; action: string; title: string; author: { kind: string; name: string }; restoredFrom: number | null }>;
};
const draft = (title: string, extra: Record<string, unknown> = {}) => f.article({ title, body: [paragraph(`نص ${title}`)], section: sectionId, ...extra }, { draft: true });

beforeAll(async () => {
  app = await startStrapi({ CRON_ENABLED: 'false', REVISIONS_KEEP: String(KEEP) });
  f = await Fixtures.create(app);
  sectionId = (await f.section('اقتصاد')).documentId;
  editor = await adminUser(app, 'newsroom-editor');
  reporter = await adminUser(app, 'newsroom-reporter');
});
afterAll(async () => {
  await app?.stop();
});

describe('a revision for every save, whatever the path', () => {
  it('REST: a draft create, a draft save, an update that publishes (draft + published revision), an unpublish', async () => {
    const a = await draft('أسعار الذهب');
    await f.put('articles', a.documentId, { title: 'أسعار الذهب ترتفع' }, { status: 'draft' });
    await f.put('articles', a.documentId, { excerpt: 'ملخص' }); // REST without status publishes
    const list = await history(a.documentId);
    expect(list.map((r) => [r.version, r.action, r.title])).toEqual([
      ['published', 'publish', 'أسعار الذهب ترتفع'],
      ['draft', 'update', 'أسعار الذهب ترتفع'],
      ['draft', 'update', 'أسعار الذهب ترتفع'],
      ['draft', 'create', 'أسعار الذهب'],
    ]);
    expect(list[0].author.kind).toBe('token');
    expect(list[0].author.name).toMatch(/^test-full-access/);

    const one = await app.http().get(`/api/articles/${a.documentId}/revisions/${list[0].id}`).set(f.auth);
    expect(one.body.data.content).toMatchObject({ title: 'أسعار الذهب ترتفع', excerpt: 'ملخص', section: sectionId, body: [paragraph('نص أسعار الذهب')] });
    expect(one.body.data.content.id).toBeUndefined();

    await app.strapi.documents(UID).unpublish({ documentId: a.documentId, locale: 'ar' } as any);
    const after = await history(a.documentId);
    expect(after[0]).toMatchObject({ version: 'published', action: 'unpublish', title: null, author: { kind: 'system', name: 'system' } });
  });

  it('GraphQL mutations are recorded with the token as author', async () => {
    const a = await draft('خبر من GraphQL');
    const res = await app
      .http()
      .post('/graphql')
      .set(f.auth)
      .send({ query: `mutation { updateArticle(documentId: "${a.documentId}", status: DRAFT, data: { title: "خبر معدل من GraphQL" }) { title } }` });
    expect(res.body.errors).toBeUndefined();
    const list = await history(a.documentId);
    expect(list[0]).toMatchObject({ version: 'draft', action: 'update', title: 'خبر معدل من GraphQL', author: { kind: 'token' } });
  });

  it('the admin (content-manager) save and publish are recorded with the editor as author', async () => {
    const api = cm(app, editor);
    const created = await api.create({ title: 'خبر من لوحة التحرير', body: [paragraph('نص')], section: connect(sectionId) });
    expect(created.status).toBe(201);
    const id = created.body.data.documentId;
    expect((await api.update(id, { title: 'خبر من لوحة التحرير (محدث)' })).status).toBe(200);
    expect((await api.publish(id)).status).toBe(200);
    const list = await history(id);
    expect(list.map((r) => [r.version, r.action])).toEqual([
      ['published', 'publish'],
      ['draft', 'update'],
      ['draft', 'create'],
    ]);
    expect(list.every((r) => r.author.kind === 'admin' && r.author.name.includes('newsroom-editor'))).toBe(true);
  });

  it('the scheduler publish is recorded with the scheduler as author', async () => {
    const a = await draft('خبر محظور', { scheduledPublishAt: new Date(Date.now() - 60_000).toISOString() });
    const tick = await scheduleService(app.strapi).runDue();
    expect(tick.done.map((d) => d.documentId)).toContain(a.documentId);
    const list = await history(a.documentId);
    expect(list[0]).toMatchObject({ version: 'published', action: 'publish', author: { kind: 'system', name: 'scheduler' } });
  });

  it('a failed save (400) leaves no revision', async () => {
    const a = await draft('خبر سليم');
    const before = (await history(a.documentId)).length;
    const res = await app.http().put(`/api/articles/${a.documentId}`).query({ status: 'draft' }).set(f.auth).send({ data: { title: '' } });
    expect(res.status).toBe(400);
    expect((await history(a.documentId)).length).toBe(before);
  });

  it(`keeps every published revision and the last ${KEEP} draft revisions of a version`, async () => {
    const a = await draft('خبر كثير التعديل');
    for (let i = 1; i <= 3; i++) await f.put('articles', a.documentId, { title: `نشر ${i}` });
    for (let i = 1; i <= 6; i++) await f.put('articles', a.documentId, { title: `مسودة ${i}` }, { status: 'draft' });
    const list = await history(a.documentId);
    expect(list.filter((r) => r.version === 'published').map((r) => r.title)).toEqual(['نشر 3', 'نشر 2', 'نشر 1']);
    expect(list.filter((r) => r.version === 'draft').map((r) => r.title)).toEqual(['مسودة 6', 'مسودة 5', 'مسودة 4', 'مسودة 3']);
  });
});

describe('what was public at time T', () => {
  it('answers the published version live at each moment, not the drafts in between, and nothing before or after', async () => {
    const at = async (documentId: string, t: number) => app.http().get(`/api/articles/${documentId}/published-at`).query({ at: new Date(t).toISOString(), locale: 'ar' }).set(f.auth);
    const t0 = Date.now();
    await sleep(5);
    const a = await f.article({ title: 'الإصدار الأول', body: [paragraph('نص أول')], section: sectionId });
    await sleep(5);
    const t1 = Date.now();
    await sleep(5);
    await f.put('articles', a.documentId, { title: 'مسودة لم تنشر' }, { status: 'draft' });
    await sleep(5);
    const t2 = Date.now();
    await sleep(5);
    await f.put('articles', a.documentId, { title: 'الإصدار الثاني' });
    await sleep(5);
    const t3 = Date.now();
    await sleep(5);
    await app.strapi.documents(UID).unpublish({ documentId: a.documentId, locale: 'ar' } as any);
    await sleep(5);
    const t4 = Date.now();

    expect((await at(a.documentId, t0)).status).toBe(404);
    expect((await at(a.documentId, t1)).body.data.content.title).toBe('الإصدار الأول');
    expect((await at(a.documentId, t2)).body.data.content.title).toBe('الإصدار الأول');
    expect((await at(a.documentId, t3)).body.data.content.title).toBe('الإصدار الثاني');
    const gone = await at(a.documentId, t4);
    expect(gone.status).toBe(404);
    expect(gone.body.error.details.errors[0].path).toEqual(['at']);
    // Another locale's history is its own.
    expect((await app.http().get(`/api/articles/${a.documentId}/published-at`).query({ at: new Date(t3).toISOString(), locale: 'en' }).set(f.auth)).status).toBe(404);
    // The admin answers the same.
    const admin = await desk(editor).get(`/articles/${a.documentId}/published-at`, { at: new Date(t3).toISOString(), locale: 'ar' });
    expect(admin.body.data.content.title).toBe('الإصدار الثاني');
  });

  it('refuses a malformed instant with 400 naming `at`', async () => {
    const a = await draft('خبر');
    for (const bad of ['yesterday', '2026-13-45T99:00:00Z', '2026-03-01T14:05:00', '']) {
      const res = await app.http().get(`/api/articles/${a.documentId}/published-at`).query({ at: bad }).set(f.auth);
      expect([bad, res.status, res.body.error.details.errors[0].path]).toEqual([bad, 400, ['at']]);
    }
  });
});

describe('diff and restore', () => {
  it('diffs title, excerpt and body word by word; restore writes the old content back as a new draft revision', async () => {
    const a = await f.article({ title: 'وزراء الخارجية يجتمعون في بروكسل', excerpt: 'اجتماع طارئ', body: [paragraph('بدأ الاجتماع صباح اليوم')], section: sectionId });
    await f.put('articles', a.documentId, { title: 'وزراء الخارجية يجتمعون في باريس', body: [paragraph('بدأ الاجتماع مساء اليوم')] }, { status: 'draft' });
    const [latest, , first] = await history(a.documentId);
    expect(first.action).toBe('create');

    const diff = await desk(editor).get(`/revisions/${latest.id}/diff`);
    expect(diff.status).toBe(200);
    const title = diff.body.data.text.title as Array<{ value: string; added?: boolean; removed?: boolean }>;
    expect(title.filter((p) => p.removed).map((p) => p.value)).toEqual(['بروكسل']);
    expect(title.filter((p) => p.added).map((p) => p.value)).toEqual(['باريس']);
    expect(diff.body.data.text.body.filter((p: any) => p.added).map((p: any) => p.value)).toEqual(['مساء']);
    expect(diff.body.data.fields).toEqual(expect.arrayContaining(['body', 'title']));
    expect(diff.body.data.fields).not.toContain('excerpt');
    const against = await desk(editor).get(`/revisions/${latest.id}/diff`, { against: String(first.id) });
    expect(against.body.data.from.id).toBe(first.id);

    const restored = await desk(editor).post(`/revisions/${first.id}/restore`);
    expect(restored.status).toBe(200);
    expect(restored.body.data).toMatchObject({ version: 'draft', action: 'restore', restoredFrom: first.id, title: 'وزراء الخارجية يجتمعون في بروكسل' });
    const nowDraft = await app.strapi.documents(UID).findOne({ documentId: a.documentId, locale: 'ar', status: 'draft', populate: ['section'] } as any);
    expect(nowDraft).toMatchObject({ title: 'وزراء الخارجية يجتمعون في بروكسل', excerpt: 'اجتماع طارئ', body: [paragraph('بدأ الاجتماع صباح اليوم')], section: { documentId: sectionId } });
    const live = await app.strapi.documents(UID).findOne({ documentId: a.documentId, locale: 'ar', status: 'published' } as any);
    expect(live?.title).toBe('وزراء الخارجية يجتمعون في بروكسل'); // the published version is untouched
    const after = await history(a.documentId);
    expect(after.length).toBe(4); // nothing overwritten
    expect(after.slice(1).map((r) => r.id)).toEqual([latest.id, after[2].id, first.id]);
  });

  it('an unpublish revision has nothing to restore (400 naming `revision`); an unknown revision is 404', async () => {
    const a = await f.article({ title: 'خبر سيسحب', section: sectionId });
    await app.strapi.documents(UID).unpublish({ documentId: a.documentId, locale: 'ar' } as any);
    const [removal] = await history(a.documentId);
    const res = await desk(editor).post(`/revisions/${removal.id}/restore`);
    expect([res.status, res.body.error.details.errors[0].path]).toEqual([400, ['revision']]);
    expect((await desk(editor).get('/revisions/99999999')).status).toBe(404);
    expect((await desk(editor).get('/revisions/abc')).body.error.details.errors[0].path).toEqual(['revisionId']);
  });
});

describe('who may read revisions', () => {
  it('content API: the drafts permission (full-access, preview) yes; public, read-only and partner tokens 403', async () => {
    const a = await draft('خبر تحت الحظر');
    const [rev] = await history(a.documentId);
    const tokens = {
      'read-only': await app.apiToken('read-only'),
      partner: (await createClassToken(app.strapi, 'partner', 'شريك')).accessKey,
      preview: (await createClassToken(app.strapi, 'preview', 'معاينة')).accessKey,
    };
    const urls = [`/api/articles/${a.documentId}/revisions`, `/api/articles/${a.documentId}/revisions/${rev.id}`, `/api/articles/${a.documentId}/published-at?at=${encodeURIComponent(new Date().toISOString())}`];
    for (const url of urls) {
      expect((await app.http().get(url)).status).toBe(403);
      for (const who of ['read-only', 'partner'] as const) expect([who, (await app.http().get(url).set({ Authorization: `Bearer ${tokens[who]}` })).status]).toEqual([who, 403]);
    }
    const preview = await app.http().get(urls[1]).set({ Authorization: `Bearer ${tokens.preview}` });
    expect(preview.status).toBe(200);
    expect(preview.body.data.content.title).toBe('خبر تحت الحظر');
  });

  it('admin: editors read any story\'s history, reporters their own only; no session is 401', async () => {
    const own = await cm(app, reporter).create({ title: 'خبر المراسل', body: [paragraph('نص')], section: connect(sectionId) });
    const ownId = own.body.data.documentId;
    const others = await draft('خبر زميل');
    expect((await desk(reporter).get(`/articles/${ownId}/revisions`)).status).toBe(200);
    const refused = await desk(reporter).get(`/articles/${others.documentId}/revisions`);
    expect(refused.status).toBe(403);
    const [othersRev] = await history(others.documentId);
    expect((await desk(reporter).get(`/revisions/${othersRev.id}`)).status).toBe(403);
    expect((await desk(reporter).post(`/revisions/${othersRev.id}/restore`)).status).toBe(403);
    expect((await desk(editor).get(`/articles/${others.documentId}/revisions`)).body.data.length).toBe(1);
    expect((await app.http().get(`/article-desk/articles/${ownId}/revisions`)).status).toBe(401);
    expect((await app.http().get(`/article-desk/articles/${ownId}/revisions`).set(f.auth)).status).toBe(401); // an API token is not an admin session
  });
});
