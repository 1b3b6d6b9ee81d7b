import { startStrapi, type TestApp } from '../helpers/strapi';
import { paragraph } from '../helpers/fixtures';
import { adminUser, cm, connect, type AdminSession } from '../helpers/admin';
import { ensureNewsroomRoles } from '../../src/bootstrap/newsroom-roles';

let app: TestApp;
let chiefAdmin: AdminSession; // Strapi's Super Admin: makes the "other people's" articles
const sessions: Record<string, AdminSession> = {};
let sectionId: string;

const ROLES = ['newsroom-reporter', 'newsroom-editor', 'newsroom-editor-in-chief'] as const;
type Role = (typeof ROLES)[number];

const article = (title: string) => ({ title, body: [paragraph('نص الخبر')], section: connect(sectionId) });

/** A fresh article of someone else's, as a draft or published. */
async function othersArticle(published: boolean): Promise<string> {
  const api = cm(app, chiefAdmin);
  const res = await api.create(article(`خبر زميل ${Math.random()}`));
  expect(res.status).toBe(201);
  const id = res.body.data.documentId;
  if (published) expect((await api.publish(id)).status).toBe(200);
  return id;
}

beforeAll(async () => {
  app = await startStrapi({ CRON_ENABLED: 'false' });
  chiefAdmin = await adminUser(app, 'strapi-super-admin');
  for (const role of ROLES) sessions[role] = await adminUser(app, role);
  const section = await app.strapi.documents('api::section.section').create({ locale: 'ar', data: { name: 'محليات' } } as any);
  sectionId = section.documentId;
});
afterAll(async () => {
  await app?.stop();
});

// Expected HTTP status per role × action against the admin (content-manager) API.
const MATRIX: Record<Role, Record<string, number>> = {
  'newsroom-reporter': { create: 201, updateOwn: 200, updateOther: 403, publish: 403, unpublish: 403, delete: 403 },
  'newsroom-editor': { create: 201, updateOwn: 200, updateOther: 200, publish: 200, unpublish: 200, delete: 403 },
  'newsroom-editor-in-chief': { create: 201, updateOwn: 200, updateOther: 200, publish: 200, unpublish: 200, delete: 200 },
};

describe.each(ROLES)('%s on articles', (role) => {
  const expected = MATRIX[role];
  const api = () => cm(app, sessions[role]);

  it(`create → ${expected.create}, update own → ${expected.updateOwn}`, async () => {
    const created = await api().create(article('خبر جديد من الميدان'));
    expect(created.status).toBe(expected.create);
    const id = created.body.data.documentId;
    const updated = await api().update(id, { title: 'خبر جديد من الميدان (محدث)' });
    expect(updated.status).toBe(expected.updateOwn);
    const stored = await app.strapi.documents('api::article.article').findOne({ documentId: id, locale: 'ar' } as any);
    expect(stored?.title).toBe('خبر جديد من الميدان (محدث)');
  });

  it(`update someone else's → ${expected.updateOther}`, async () => {
    const id = await othersArticle(false);
    const res = await api().update(id, { title: 'تعديل على خبر زميل' });
    expect(res.status).toBe(expected.updateOther);
    const stored = await app.strapi.documents('api::article.article').findOne({ documentId: id, locale: 'ar' } as any);
    expect(stored?.title === 'تعديل على خبر زميل').toBe(expected.updateOther === 200);
  });

  it(`publish → ${expected.publish} (also for an own draft)`, async () => {
    const id = await othersArticle(false);
    expect((await api().publish(id)).status).toBe(expected.publish);
    const own = await api().create(article('خبري أنا'));
    expect((await api().publish(own.body.data.documentId)).status).toBe(expected.publish);
    const live = await app.strapi.documents('api::article.article').findOne({ documentId: id, locale: 'ar', status: 'published' } as any);
    expect(live !== null).toBe(expected.publish === 200);
  });

  it(`unpublish → ${expected.unpublish}`, async () => {
    const id = await othersArticle(true);
    expect((await api().unpublish(id)).status).toBe(expected.unpublish);
    const live = await app.strapi.documents('api::article.article').findOne({ documentId: id, locale: 'ar', status: 'published' } as any);
    expect(live === null).toBe(expected.unpublish === 200);
  });

  it(`delete → ${expected.delete}`, async () => {
    const id = await othersArticle(false);
    expect((await api().delete(id)).status).toBe(expected.delete);
    const left = await app.strapi.documents('api::article.article').findOne({ documentId: id, locale: 'ar' } as any);
    expect(left === null).toBe(expected.delete === 200);
  });
});

describe('the rest of each role', () => {
  const sectionsUrl = '/content-manager/collection-types/api::section.section';
  const siteUrl = '/content-manager/single-types/api::site.site';

  it('reporters read sections, tags and authors but cannot change them', async () => {
    const { auth } = sessions['newsroom-reporter'];
    for (const type of ['section', 'tag', 'author']) {
      const res = await app.http().get(`/content-manager/collection-types/api::${type}.${type}`).query({ locale: 'ar' }).set(auth);
      expect(res.status).toBe(200);
    }
    expect((await app.http().post(sectionsUrl).query({ locale: 'ar' }).set(auth).send({ name: 'قسم' })).status).toBe(403);
  });

  it('editors manage sections; only the editor-in-chief edits the site settings', async () => {
    const editor = sessions['newsroom-editor'].auth;
    const created = await app.http().post(sectionsUrl).query({ locale: 'ar' }).set(editor).send({ name: 'رياضة' });
    expect(created.status).toBe(201);
    expect((await app.http().put(siteUrl).query({ locale: 'ar' }).set(editor).send({ name: 'خليجي' })).status).toBe(403);
    const chief = sessions['newsroom-editor-in-chief'].auth;
    const res = await app.http().put(siteUrl).query({ locale: 'ar' }).set(chief).send({ name: 'خليجي 247', baseUrl: 'https://khaleeji247.example' });
    expect(res.status).toBe(200);
  });

  it('reporters cannot schedule: the schedule fields are not theirs to set', async () => {
    const api = cm(app, sessions['newsroom-reporter']);
    const res = await api.create({ ...article('خبر بموعد'), scheduledPublishAt: '2030-01-01T08:00:00.000Z' });
    expect(res.status).toBe(201);
    const stored: any = await app.strapi.documents('api::article.article').findOne({ documentId: res.body.data.documentId, locale: 'ar' } as any);
    expect(stored.scheduledPublishAt).toBeNull();
  });
});

describe('what reporters cannot do around an embargo and the media library', () => {
  it("a reporter's edit of a draft an editor scheduled clears the embargo: it goes back to review, not live", async () => {
    const reporter = cm(app, sessions['newsroom-reporter']);
    const created = await reporter.create(article('خبر ينتظر موعده'));
    const id = created.body.data.documentId;
    const editor = cm(app, sessions['newsroom-editor']);
    expect((await editor.update(id, { scheduledPublishAt: '2030-01-01T08:00:00.000Z', scheduledUnpublishAt: '2030-02-01T08:00:00.000Z' })).status).toBe(200);
    const draft = () => app.strapi.db.query('api::article.article').findOne({ where: { documentId: id, locale: 'ar', publishedAt: null } });
    expect((await draft()).scheduledPublishAt).not.toBeNull();
    // An editor's own edit keeps the schedule.
    expect((await editor.update(id, { excerpt: 'ملخص من المحرر' })).status).toBe(200);
    expect((await draft()).scheduledPublishAt).not.toBeNull();
    expect((await reporter.update(id, { title: 'خبر ينتظر موعده (بتعديل الكاتب)' })).status).toBe(200);
    const after = await draft();
    expect(after.title).toBe('خبر ينتظر موعده (بتعديل الكاتب)');
    expect(after.scheduledPublishAt).toBeNull();
    expect(after.scheduledUnpublishAt).not.toBeNull(); // taking a story down is never the risk
  });

  it('reporters cannot make the server fetch a URL into the media library; editors can', async () => {
    const url = '/upload/actions/upload-from-urls';
    const body = { urls: ['http://127.0.0.1:9/not-here.jpg'] };
    const refused = await app.http().post(url).set(sessions['newsroom-reporter'].auth).send(body);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/publish/);
    const allowed = await app.http().post(url).set(sessions['newsroom-editor'].auth).send(body).buffer(true).parse((res, done) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c));
      res.on('end', () => done(null, text));
    });
    expect(allowed.status).toBe(200);
    expect(allowed.body).toContain('event: file:error'); // loopback is on Strapi's SSRF block list
  });
});

describe('roles at bootstrap and user defaults', () => {
  it('creates the three roles once, however often bootstrap runs', async () => {
    const permissionsOf = async (ids: Record<string, number>) =>
      Promise.all(Object.values(ids).map((id) => app.strapi.db.query('admin::permission').count({ where: { role: { id } } })));
    const first = await ensureNewsroomRoles(app.strapi);
    const countsBefore = await permissionsOf(first);
    const second = await ensureNewsroomRoles(app.strapi);
    expect(second).toEqual(first);
    expect(await permissionsOf(second)).toEqual(countsBefore);
    expect(await app.strapi.db.query('admin::role').count({ where: { code: { $startsWith: 'newsroom-' } } })).toBe(3);
    const names = (await app.strapi.db.query('admin::role').findMany({ where: { code: { $startsWith: 'newsroom-' } } })).map((r: any) => r.name);
    expect(names.sort()).toEqual(['رئيس التحرير (Editor-in-chief)', 'كاتب (Reporter)', 'محرر (Editor)'].sort());
  });

  it('gives newsroom users the Arabic interface unless they chose another', async () => {
    const me = await app.http().get('/admin/users/me').set(sessions['newsroom-reporter'].auth);
    expect(me.body.data.preferedLanguage).toBe('ar');
    expect(chiefAdmin.user.preferedLanguage ?? null).toBeNull(); // Super Admin only: untouched
    const english = await adminUser(app, 'newsroom-editor', { preferedLanguage: 'en' });
    expect(english.user.preferedLanguage).toBe('en');
  });
});
