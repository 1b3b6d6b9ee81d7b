/**
 * The admin's live-posting form (/live-desk, src/api/live/controllers/desk.ts)
 * and the posting rule (src/lib/live-desk.ts, held for the Content Manager too
 * by src/documents/live-assignment.ts): editors post anywhere and pin; a
 * reporter posts only to coverage they are assigned to (they created the story,
 * or their author profile is one of its authors), edits only their own entries,
 * never pins or deletes. Refusals are 4xx JSON errors naming why.
 */
import { startStrapi, type TestApp } from '../helpers/strapi';
import { Fixtures } from '../helpers/fixtures';
import { adminUser, cm, connect, type AdminSession } from '../helpers/admin';
import { openSse, originOf, type SseClient } from '../helpers/sse';

const CM_ENTRIES = '/content-manager/collection-types/api::live-entry.live-entry';

let app: TestApp;
let f: Fixtures;
let editor: AdminSession;
let assigned: AdminSession;
let stranger: AdminSession;
let creator: AdminSession;
let coverage: string;
let creatorsCoverage: string;
let plainArticle: string;
let assignedAuthor: string;
const streams: SseClient[] = [];

const desk = (s: AdminSession) => ({
  state: (id: string, locale = 'ar') => app.http().get(`/live-desk/coverage/${id}`).query({ locale }).set(s.auth),
  post: (id: string, body: unknown, locale = 'ar') => app.http().post(`/live-desk/coverage/${id}/entries`).query({ locale }).set(s.auth).send(body as object),
  put: (entry: string, body: unknown, locale = 'ar') => app.http().put(`/live-desk/entries/${entry}`).query({ locale }).set(s.auth).send(body as object),
  del: (entry: string, locale = 'ar') => app.http().delete(`/live-desk/entries/${entry}`).query({ locale }).set(s.auth),
});
const publicEntries = (id: string) => app.http().get(`/api/live/${id}/entries`).query({ locale: 'ar' });
const errorPath = (res: { body: any }) => res.body?.error?.details?.errors?.[0]?.path;
const entryCount = () => app.strapi.db.query('api::live-entry.live-entry').count();

beforeAll(async () => {
  app = await startStrapi({ CRON_ENABLED: 'false' });
  f = await Fixtures.create(app);
  editor = await adminUser(app, 'newsroom-editor');
  assigned = await adminUser(app, 'newsroom-reporter');
  stranger = await adminUser(app, 'newsroom-reporter');
  creator = await adminUser(app, 'newsroom-reporter');
  const section = (await f.section('محليات')).documentId;
  // The assigned reporter's author profile: same e-mail as her admin account.
  assignedAuthor = (await f.author('ليلى الحمادي', 'ar', { email: assigned.email.toUpperCase() })).documentId;
  const other = (await f.author('سالم الكتبي')).documentId;
  coverage = (await f.article({ title: 'تغطية مباشرة: الحالة الجوية', section, authors: [other, assignedAuthor], isLive: true })).documentId;
  plainArticle = (await f.article({ title: 'خبر عادي ليس تغطية مباشرة', section, authors: [assignedAuthor] })).documentId;
  // A live story the third reporter wrote herself (a draft: entries can be prepared before it is published).
  const own = await cm(app, creator).create({ title: 'تغطية مباشرة: افتتاح المعرض', isLive: true, section: connect(section) });
  expect(own.status).toBe(201);
  creatorsCoverage = own.body.data.documentId;
});
afterAll(async () => {
  for (const s of streams) s.close();
  await app?.stop();
});

describe('editors', () => {
  it('post a pinned key event from the form: live at once, on the stream and the public page', async () => {
    const sse = await openSse(`${await originOf(app.strapi.server.httpServer)}/api/live/${coverage}/stream`);
    streams.push(sse);
    const res = await desk(editor).post(coverage, { title: 'إغلاق طريق الوادي', text: 'أغلقت الشرطة الطريق.\n\nوتعمل الفرق على تحويل السير.', isKeyEvent: true, pinned: true });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ title: 'إغلاق طريق الوادي', pinned: true, isKeyEvent: true, mayEdit: true, mayDelete: true });
    const event = await sse.waitFor((e) => e.event === 'entry', 2000);
    expect(JSON.parse(event.data)).toMatchObject({ documentId: res.body.data.documentId, pinned: true, isKeyEvent: true });
    const page = (await publicEntries(coverage)).body.data;
    expect(page[0].documentId).toBe(res.body.data.documentId);
    expect(page[0].body).toHaveLength(2); // a paragraph per blank-line-separated part
  });

  it('see the coverage with every action offered', async () => {
    const res = await desk(editor).state(coverage);
    expect(res.status).toBe(200);
    expect(res.body.data.coverage).toMatchObject({ documentId: coverage, isLive: true, public: true });
    expect(res.body.data.access).toEqual({ mayPost: true, mayPin: true, reason: null });
  });
});

describe('reporters', () => {
  it('post to a coverage they are assigned to through their author profile, bylined with it', async () => {
    const res = await desk(assigned).post(coverage, { text: 'وصلنا إلى موقع السيول' });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ title: null, pinned: false, authors: ['ليلى الحمادي'], mayEdit: true, mayDelete: false });
    const state = (await desk(assigned).state(coverage)).body.data;
    expect(state.access).toEqual({ mayPost: true, mayPin: false, reason: null });
    // Newest first; her own entry editable, the editor's not.
    expect(state.entries.map((e: any) => [e.text, e.mayEdit])).toEqual([
      ['وصلنا إلى موقع السيول', true],
      ['أغلقت الشرطة الطريق.\nوتعمل الفرق على تحويل السير.', false],
    ]);
  });

  it('post to a live story they created (a draft: stored, sent to nobody yet)', async () => {
    const res = await desk(creator).post(creatorsCoverage, { text: 'فتحت الأبواب للزوار' });
    expect(res.status).toBe(201);
    expect((await publicEntries(creatorsCoverage)).status).toBe(404);
  });

  it('are refused a coverage they are not assigned to — from the form and from the Content Manager — naming coverage', async () => {
    const before = await entryCount();
    const state = (await desk(stranger).state(coverage)).body.data;
    expect(state.access).toEqual({ mayPost: false, mayPin: false, reason: 'not-assigned' });
    expect(state.entries.every((e: any) => !e.mayEdit && !e.mayDelete)).toBe(true);

    const form = await desk(stranger).post(coverage, { text: 'محاولة نشر' });
    expect(form.status).toBe(403);
    expect(form.body.error.message).toMatch(/assigned/);
    expect(errorPath(form)).toEqual(['coverage']);
    const viaCm = await app.http().post(CM_ENTRIES).query({ locale: 'ar' }).set(stranger.auth).send({ coverage, body: [{ type: 'paragraph', children: [{ type: 'text', text: 'محاولة' }] }] });
    expect(viaCm.status).toBe(403);
    expect(errorPath(viaCm)).toEqual(['coverage']);
    // The creator of another story is not assigned to this one either.
    expect((await desk(creator).post(coverage, { text: 'محاولة' })).status).toBe(403);
    expect(await entryCount()).toBe(before);
  });

  it('may not pin or unpin (403 naming pinned), edit others\' entries or delete', async () => {
    const mine = (await desk(assigned).post(coverage, { text: 'تحديث من الميدان', pinned: true })).body;
    expect(mine.error.status).toBe(403);
    expect(errorPath({ body: mine })).toEqual(['pinned']);

    const state = (await desk(assigned).state(coverage)).body.data;
    const own = state.entries.find((e: any) => e.mayEdit);
    const editors = state.entries.find((e: any) => e.pinned);
    const pin = await desk(assigned).put(own.documentId, { pinned: true });
    expect([pin.status, errorPath(pin)]).toEqual([403, ['pinned']]);
    const unpin = await desk(assigned).put(editors.documentId, { pinned: false });
    expect(unpin.status).toBe(403);
    const other = await desk(assigned).put(editors.documentId, { text: 'تعديل' });
    expect([other.status, errorPath(other)]).toEqual([403, ['authorization']]);
    const del = await desk(assigned).del(own.documentId);
    expect([del.status, errorPath(del)]).toEqual([403, ['authorization']]);

    const edit = await desk(assigned).put(own.documentId, { text: 'وصلنا إلى موقع السيول قرب الجسر', isKeyEvent: true });
    expect(edit.status).toBe(200);
    expect(edit.body.data).toMatchObject({ text: 'وصلنا إلى موقع السيول قرب الجسر', isKeyEvent: true, pinned: false });
  });
});

describe('editors pin, unpin and delete any entry', () => {
  it('pin a reporter\'s entry, unpin it, delete it: subscribers get the delete', async () => {
    const sse = await openSse(`${await originOf(app.strapi.server.httpServer)}/api/live/${coverage}/stream`);
    streams.push(sse);
    const reporters = (await desk(editor).state(coverage)).body.data.entries.find((e: any) => e.authors.includes('ليلى الحمادي'));
    expect(reporters.mayEdit && reporters.mayDelete).toBe(true);
    expect((await desk(editor).put(reporters.documentId, { pinned: true })).body.data.pinned).toBe(true);
    expect((await desk(editor).put(reporters.documentId, { pinned: false })).body.data.pinned).toBe(false);
    const del = await desk(editor).del(reporters.documentId);
    expect(del.status).toBe(200);
    expect(del.body.data).toEqual({ documentId: reporters.documentId, locale: 'ar', deleted: true });
    const gone = await sse.waitFor((e) => e.event === 'delete', 2000);
    expect(JSON.parse(gone.data).documentId).toBe(reporters.documentId);
    expect((await publicEntries(coverage)).body.data.map((e: any) => e.documentId)).not.toContain(reporters.documentId);
  });
});

describe('the form\'s input: 400 naming the field, 404 for what is not there', () => {
  it.each([
    ['no text', {}, ['text']],
    ['blank text', { text: '   ' }, ['text']],
    ['pinned not a boolean', { text: 'نص', pinned: 'yes' }, ['pinned']],
    ['a 251-character title', { text: 'نص', title: 'ع'.repeat(251) }, ['title']],
    ['a field the form does not have', { text: 'نص', coverage: 'x' }, ['coverage']],
    ['not an object', [1, 2], ['body']],
  ])('%s → 400 naming the field', async (_what, body, path) => {
    const res = await desk(editor).post(coverage, body);
    expect(res.status).toBe(400);
    expect(errorPath(res)).toEqual(path);
  });

  it('a story that is not live, an unknown story or entry, a bad locale', async () => {
    const notLive = await desk(editor).post(plainArticle, { text: 'نص' });
    expect([notLive.status, errorPath(notLive)]).toEqual([400, ['coverage']]);
    expect((await desk(assigned).state(plainArticle)).body.data.access).toEqual({ mayPost: false, mayPin: false, reason: 'not-live' });
    expect((await desk(editor).state('nosuchdocument0000000000')).status).toBe(404);
    const missing = await desk(editor).put('nosuchentry0000000000000', { text: 'نص' });
    expect([missing.status, errorPath(missing)]).toEqual([404, ['entryId']]);
    const bad = await desk(editor).state(coverage, 'xx');
    expect([bad.status, errorPath(bad)]).toEqual([400, ['locale']]);
    const param = await app.http().get(`/live-desk/coverage/${coverage}`).query({ locale: 'ar', populate: '*' }).set(editor.auth);
    expect([param.status, errorPath(param)]).toEqual([400, ['populate']]);
    const empty = await desk(editor).put((await desk(editor).state(coverage)).body.data.entries[0].documentId, {});
    expect([empty.status, errorPath(empty)]).toEqual([400, ['body']]);
  });

  it('an API token is not an admin session: 401', async () => {
    for (const res of [
      await app.http().get(`/live-desk/coverage/${coverage}`).set(f.auth),
      await app.http().post(`/live-desk/coverage/${coverage}/entries`).set(f.auth).send({ text: 'نص' }),
    ]) {
      expect(res.status).toBe(401);
      expect(res.body.error).toMatchObject({ status: 401 });
    }
  });
});
