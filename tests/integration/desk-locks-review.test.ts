/**
 * The desk, edit locks and the review step. Locks across two app processes on
 * one database: taken, refused (to the admin, REST and GraphQL alike, unless
 * overridden), taken over (the holder's heartbeat is told), expired, and never
 * granted twice. Review: submit, the editors' queue, send back with a note,
 * publish clears it, a reporter's edit of a scheduled draft returns it to
 * review — and who may do each.
 */
import request from 'supertest';
import { startSecondNode, startStrapi, type TestApp } from '../helpers/strapi';
import { Fixtures, paragraph } from '../helpers/fixtures';
import { adminUser, cm, connect, type AdminSession } from '../helpers/admin';

const TTL_SECONDS = 3;
const UID = 'api::article.article';
let app: TestApp;
let node2: { url: string; stop: () => Promise<void> };
let f: Fixtures;
let sectionId: string;
let reporter: AdminSession;
let reporter2: AdminSession;
let editorA: AdminSession;
let editorB: AdminSession;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** The desk API of node 1 (in-process) or node 2 (another process). */
const desk = (session: AdminSession, node: 1 | 2 = 1) => {
  const http = () => (node === 1 ? app.http() : request(node2.url));
  const q = { locale: 'ar' };
  return {
    state: (id: string) => http().get(`/article-desk/articles/${id}`).query(q).set(session.auth),
    lock: (id: string, body: Record<string, unknown> = {}) => http().post(`/article-desk/articles/${id}/lock`).query(q).set(session.auth).send(body),
    heartbeat: (id: string) => http().put(`/article-desk/articles/${id}/lock`).query(q).set(session.auth).send({}),
    unlock: (id: string) => http().delete(`/article-desk/articles/${id}/lock`).query(q).set(session.auth),
    review: (id: string, body: Record<string, unknown>) => http().post(`/article-desk/articles/${id}/review`).query(q).set(session.auth).send(body),
    queue: () => http().get('/article-desk/review-queue').query(q).set(session.auth),
    states: (query: Record<string, unknown>) => http().get('/article-desk/review-states').query(query).set(session.auth),
  };
};
const storyOf = async (session: AdminSession, title: string) => {
  const res = await cm(app, session).create({ title, body: [paragraph('نص')], section: connect(sectionId) });
  expect(res.status).toBe(201);
  return res.body.data.documentId as string;
};
const draftTitle = async (id: string) => ((await app.strapi.documents(UID).findOne({ documentId: id, locale: 'ar', status: 'draft' } as any)) as any)?.title;

beforeAll(async () => {
  app = await startStrapi({ CRON_ENABLED: 'false', LOCK_TTL_SECONDS: String(TTL_SECONDS) });
  node2 = await startSecondNode({ CRON_ENABLED: 'false', LOCK_TTL_SECONDS: String(TTL_SECONDS), LOG_LEVEL: 'error' });
  f = await Fixtures.create(app);
  sectionId = (await f.section('محليات')).documentId;
  reporter = await adminUser(app, 'newsroom-reporter', { firstname: 'ليلى', lastname: 'المراسلة' });
  reporter2 = await adminUser(app, 'newsroom-reporter', { firstname: 'سالم', lastname: 'المراسل' });
  editorA = await adminUser(app, 'newsroom-editor', { firstname: 'هند', lastname: 'المحررة' });
  editorB = await adminUser(app, 'newsroom-editor', { firstname: 'فهد', lastname: 'المحرر' });
});
afterAll(async () => {
  await node2?.stop();
  await app?.stop();
});

describe('edit locks across two app processes', () => {
  it('taken on one node, refused on the other; API writes get 409 naming the holder unless overridden', async () => {
    const id = await storyOf(reporter, 'خبر قيد التحرير');
    const taken = await desk(reporter, 1).lock(id);
    expect(taken.status).toBe(200);
    expect(taken.body.data).toMatchObject({ held: true, lock: { userName: 'ليلى المراسلة' } });

    const refused = await desk(editorB, 2).lock(id);
    expect(refused.status).toBe(409);
    expect(refused.body.error.details.errors[0].path).toEqual(['lock']);
    expect(refused.body.error.details.lock.userName).toBe('ليلى المراسلة');
    expect((await desk(editorB, 2).state(id)).body.data.lock).toMatchObject({ held: false, lock: { userName: 'ليلى المراسلة' } });

    // REST (on the other node), the admin API and GraphQL: 409, nothing written.
    const rest = await request(node2.url).put(`/api/articles/${id}`).query({ status: 'draft' }).set(f.auth).send({ data: { title: 'تعديل من الواجهة' } });
    expect(rest.status).toBe(409);
    expect(rest.body.error.message).toContain('ليلى المراسلة');
    expect(rest.body.error.details.errors[0].path).toEqual(['lock']);
    expect((await cm(app, editorB).update(id, { title: 'تعديل المحرر' })).status).toBe(409);
    const gql = await app.http().post('/graphql').set(f.auth).send({ query: `mutation { updateArticle(documentId: "${id}", status: DRAFT, data: { title: "تعديل GraphQL" }) { title } }` });
    expect(gql.body.errors?.[0]?.message).toContain('ليلى المراسلة');
    expect(await draftTitle(id)).toBe('خبر قيد التحرير');

    // The holder writes; an explicit override writes too.
    expect((await cm(app, reporter).update(id, { title: 'خبر قيد التحرير (1)' })).status).toBe(200);
    const forced = await request(node2.url).put(`/api/articles/${id}`).query({ status: 'draft' }).set(f.auth).set('X-Lock-Override', 'true').send({ data: { title: 'تصحيح عاجل' } });
    expect(forced.status).toBe(200);
    expect(await draftTitle(id)).toBe('تصحيح عاجل');
  });

  it('take over: editors only; the holder\'s next heartbeat is told who took it', async () => {
    const id = await storyOf(reporter, 'خبر سيؤخذ');
    expect((await desk(reporter, 1).lock(id)).status).toBe(200);
    // Another reporter may not even lock someone else's story, let alone take it over.
    expect((await desk(reporter2, 2).lock(id, { takeOver: true })).status).toBe(403);
    expect((await desk(editorB, 2).lock(id, { takeOver: 'yes' })).body.error.details.errors[0].path).toEqual(['takeOver']);

    const over = await desk(editorB, 2).lock(id, { takeOver: true });
    expect(over.status).toBe(200);
    expect(over.body.data.lock.userName).toBe('فهد المحرر');

    const told = await desk(reporter, 1).heartbeat(id);
    expect(told.status).toBe(409);
    expect(told.body.error.details).toMatchObject({ takenOver: true, lock: { userName: 'فهد المحرر' } });
    expect((await cm(app, reporter).update(id, { title: 'محاولة بعد الأخذ' })).status).toBe(409);
    expect((await desk(editorB, 1).heartbeat(id)).status).toBe(200);
  });

  it(`expires when its heartbeats stop (${TTL_SECONDS} s here), and is released on close`, async () => {
    const id = await storyOf(editorA, 'خبر مهجور');
    expect((await desk(editorA, 1).lock(id)).status).toBe(200);
    expect((await desk(editorB, 2).lock(id)).status).toBe(409);
    await sleep(TTL_SECONDS * 1000 + 300);
    expect((await desk(editorB, 2).state(id)).body.data.lock.lock).toBeNull();
    const after = await desk(editorB, 2).lock(id);
    expect(after.status).toBe(200);
    expect(after.body.data.lock.userName).toBe('فهد المحرر');
    // The first holder's heartbeat after expiry does not take it back.
    expect((await desk(editorA, 1).heartbeat(id)).status).toBe(409);

    expect((await desk(editorA, 1).unlock(id)).body.data.released).toBe(false); // not theirs
    expect((await desk(editorB, 2).unlock(id)).body.data.released).toBe(true);
    expect((await desk(editorA, 1).lock(id)).status).toBe(200);
  });

  it('two users asking at the same moment on two nodes: exactly one gets it', async () => {
    for (let round = 0; round < 5; round++) {
      const id = await storyOf(editorA, `خبر متنازع ${round}`);
      const answers = await Promise.all([desk(editorA, 1).lock(id), desk(editorB, 2).lock(id)]);
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
      const winner = answers.find((a) => a.status === 200)!.body.data.lock.userName;
      expect(answers.find((a) => a.status === 409)!.body.error.details.lock.userName).toBe(winner);
    }
  });

  it('bad input: 400 naming the parameter; an unknown story 404; no session 401', async () => {
    const id = await storyOf(editorA, 'خبر');
    expect((await app.http().post(`/article-desk/articles/${id}/lock`).query({ locale: 'xx' }).set(editorA.auth)).body.error.details.errors[0].path).toEqual(['locale']);
    expect((await app.http().post(`/article-desk/articles/${id}/lock`).query({ foo: '1' }).set(editorA.auth)).body.error.details.errors[0].path).toEqual(['foo']);
    expect((await app.http().post('/article-desk/articles/NOT-AN-ID/lock').set(editorA.auth)).body.error.details.errors[0].path).toEqual(['documentId']);
    expect((await app.http().post('/article-desk/articles/abcdefghijklmnopqrstuvwx/lock').set(editorA.auth)).status).toBe(404);
    expect((await app.http().post(`/article-desk/articles/${id}/lock`)).status).toBe(401);
  });
});

describe('the review step', () => {
  it('a reporter submits; editors see the queue, send it back with a note; publishing clears it', async () => {
    const id = await storyOf(reporter, 'خبر للمراجعة');
    const submitted = await desk(reporter).review(id, { action: 'submit' });
    expect(submitted.status).toBe(200);
    expect(submitted.body.data).toMatchObject({ state: 'submitted', submittedBy: { name: 'ليلى المراسلة' } });
    expect((await desk(reporter).review(id, { action: 'submit' })).body.error.details.errors[0].path).toEqual(['state']);

    expect((await desk(reporter).queue()).status).toBe(403);
    const queue = await desk(editorA).queue();
    expect(queue.body.data).toContainEqual(expect.objectContaining({ documentId: id, state: 'submitted', title: 'خبر للمراجعة' }));

    expect((await desk(reporter).review(id, { action: 'return', note: 'لا' })).status).toBe(403);
    expect((await desk(editorA).review(id, { action: 'return', note: 'ن'.repeat(1001) })).body.error.details.errors[0].path).toEqual(['note']);
    expect((await desk(editorA).review(id, { action: 'approve' })).body.error.details.errors[0].path).toEqual(['action']);
    const back = await desk(editorA).review(id, { action: 'return', note: 'أضيفي مصدرًا للخبر' });
    expect(back.body.data).toMatchObject({ state: 'returned', note: 'أضيفي مصدرًا للخبر', by: { name: 'هند المحررة' } });
    expect((await desk(editorA).queue()).body.data.map((r: any) => r.documentId)).not.toContain(id);
    expect((await desk(editorA).review(id, { action: 'return' })).body.error.details.errors[0].path).toEqual(['state']);
    expect((await desk(reporter).state(id)).body.data.review).toMatchObject({ state: 'returned', note: 'أضيفي مصدرًا للخبر' });

    expect((await desk(reporter).review(id, { action: 'submit' })).body.data.state).toBe('submitted');
    expect((await cm(app, editorA).publish(id)).status).toBe(200);
    expect((await desk(reporter).state(id)).body.data.review).toBeNull();
    expect((await desk(editorA).queue()).body.data.map((r: any) => r.documentId)).not.toContain(id);
  });

  it('the list view\'s review column: the state of each version asked about that is in review, to anyone who may read it', async () => {
    const submitted = await storyOf(reporter, 'خبر مرسل');
    const returned = await storyOf(reporter, 'خبر معاد');
    const plain = await storyOf(reporter2, 'خبر عادي');
    expect((await desk(reporter).review(submitted, { action: 'submit' })).status).toBe(200);
    expect((await desk(reporter).review(returned, { action: 'submit' })).status).toBe(200);
    expect((await desk(editorA).review(returned, { action: 'return', note: 'ملاحظة' })).status).toBe(200);
    const documentIds = [submitted, returned, plain, 'abcdefghijklmnopqrstuvwx', submitted].join(',');
    // A reporter reads every story (the list shows them all), so sees their states too; node 2 answers alike.
    for (const [who, node] of [[editorA, 1], [reporter2, 1], [reporter, 2]] as const) {
      const res = await desk(who, node).states({ locale: 'ar', documentIds });
      expect(res.status).toBe(200);
      expect(res.body.data).toEqual({
        [submitted]: expect.objectContaining({ locale: 'ar', state: 'submitted', note: null, submittedBy: expect.objectContaining({ name: 'ليلى المراسلة' }) }),
        [returned]: expect.objectContaining({ locale: 'ar', state: 'returned', note: 'ملاحظة', by: expect.objectContaining({ name: 'هند المحررة' }) }),
      });
    }
    // Per locale version: the English versions are not in review.
    expect((await desk(editorA).states({ locale: 'en', documentIds })).body.data).toEqual({});

    const field = async (query: Record<string, unknown>) => (await desk(editorA).states(query)).body.error?.details?.errors?.[0]?.path;
    expect(await field({ locale: 'ar' })).toEqual(['documentIds']);
    expect(await field({ locale: 'ar', documentIds: '' })).toEqual(['documentIds']);
    expect(await field({ locale: 'ar', documentIds: `${submitted},NOT-AN-ID` })).toEqual(['documentIds']);
    expect(await field({ locale: 'ar', documentIds: Array.from({ length: 101 }, (_, i) => `id${i}`).join(',') })).toEqual(['documentIds']);
    expect(await field({ locale: 'xx', documentIds: submitted })).toEqual(['locale']);
    expect(await field({ documentIds: submitted, page: 2 })).toEqual(['page']);
    expect((await app.http().get('/article-desk/review-states').query({ documentIds: submitted })).status).toBe(401);
  });

  it('another reporter cannot submit someone else\'s story', async () => {
    const id = await storyOf(reporter, 'خبر ليلى');
    expect((await desk(reporter2).review(id, { action: 'submit' })).status).toBe(403);
  });

  it("a reporter's edit of a scheduled draft clears the embargo and returns it to review", async () => {
    const id = await storyOf(reporter, 'خبر مجدول');
    const at = new Date(Date.now() + 3_600_000).toISOString();
    expect((await cm(app, editorA).update(id, { scheduledPublishAt: at })).status).toBe(200);
    expect((await desk(editorA).state(id)).body.data.review).toBeNull();
    expect((await cm(app, reporter).update(id, { title: 'خبر مجدول (معدل)' })).status).toBe(200);
    const draft = (await app.strapi.documents(UID).findOne({ documentId: id, locale: 'ar', status: 'draft' } as any)) as any;
    expect(draft.scheduledPublishAt).toBeNull();
    expect((await desk(editorA).state(id)).body.data.review).toMatchObject({ state: 'submitted', submittedBy: { name: 'ليلى المراسلة' } });
  });
});
