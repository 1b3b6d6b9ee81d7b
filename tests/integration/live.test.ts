/**
 * Live coverage: entries posted one by one (no republish of the article),
 * cursor pagination, the Server-Sent Events stream (new, updated, deleted
 * entries; Last-Event-ID resume), feeds, LiveBlogPosting JSON-LD, and that
 * nothing of a coverage that is not public leaves the building.
 */
import { startStrapi, getText, type TestApp } from '../helpers/strapi';
import { Fixtures, paragraph } from '../helpers/fixtures';
import { openSse, originOf, type SseClient } from '../helpers/sse';
import http from 'node:http';
import { createClassToken } from '../../src/infra/api-tokens';
import { adminUser } from '../helpers/admin';

let app: TestApp;
let f: Fixtures;
let origin: string;
let sectionId: string;
let authorId: string;
let coverage: any;
const streams: SseClient[] = [];

const entry = (text: string, extra: Record<string, unknown> = {}, locale = 'ar') =>
  f.post('live-entries', { coverage: coverage.documentId, body: [paragraph(text)], ...extra }, { locale });
const entries = (query: Record<string, string> = {}, id = coverage.documentId) => app.http().get(`/api/live/${id}/entries`).query(query);
const stream = async (id: string, headers: Record<string, string> = {}, query = '') => {
  const s = await openSse(`${origin}/api/live/${id}/stream${query}`, headers);
  streams.push(s);
  return s;
};

beforeAll(async () => {
  app = await startStrapi({ CRON_ENABLED: 'false' });
  f = await Fixtures.create(app);
  origin = await originOf(app.strapi.server.httpServer);
  await app.http().put('/api/site').set(f.auth).send({ data: { name: 'خليجي 247', baseUrl: 'https://khaleeji247.example' } });
  sectionId = (await f.section('سياسة')).documentId;
  authorId = (await f.author('خالد العتيبي', 'ar', { email: 'private.reporter@khaleeji247.example' })).documentId;
  coverage = await f.article({
    title: 'تغطية مباشرة: القمة الخليجية',
    section: sectionId,
    authors: [authorId],
    isLive: true,
    coverageStartTime: '2030-01-01T06:00:00.000Z',
  });
});
afterAll(async () => {
  for (const s of streams) s.close();
  await app?.stop();
});

describe('entries: posted one by one, newest first', () => {
  it('an entry goes live at once; the article is not republished', async () => {
    const before = (await app.http().get(`/api/articles/${coverage.documentId}`)).body.data;
    const posted = await entry('وصل القادة إلى مقر القمة', { title: 'وصول القادة', authors: [authorId], isKeyEvent: true });
    expect(posted.postedAt).toEqual(expect.any(String));
    const res = await entries();
    expect(res.status).toBe(200);
    expect(res.body.data[0]).toMatchObject({ documentId: posted.documentId, title: 'وصول القادة', isKeyEvent: true, pinned: false, coverage: coverage.documentId, locale: 'ar' });
    expect(res.body.data[0].authors).toEqual([expect.objectContaining({ name: 'خالد العتيبي' })]);
    expect(res.text).not.toContain('private.reporter'); // the author's e-mail is private
    expect(res.body.meta.coverage).toMatchObject({ documentId: coverage.documentId, coverageStartTime: '2030-01-01T06:00:00.000Z', coverageEndTime: null });
    const after = (await app.http().get(`/api/articles/${coverage.documentId}`)).body.data;
    expect(after.publishedAt).toBe(before.publishedAt);
    expect(after.firstPublishedAt).toBe(before.firstPublishedAt);
  });

  it('pages newest first with ?before, ?after and ?since, stable while entries arrive', async () => {
    const posted: string[] = [];
    for (let i = 1; i <= 5; i++) posted.push((await entry(`تحديث رقم ${i}`)).documentId);
    const first = await entries({ limit: '2' });
    const page1 = first.body.data.map((e: any) => e.documentId);
    expect(page1).toEqual([posted[4], posted[3]]);
    expect(first.body.meta.pagination).toMatchObject({ hasMore: true, newest: posted[4], oldest: posted[3] });
    // New entries arrive between two page reads: the next page is unaffected.
    const arrived = (await entry('خبر جديد أثناء التصفح')).documentId;
    const page2 = (await entries({ limit: '2', before: page1[1] })).body.data.map((e: any) => e.documentId);
    expect(page2).toEqual([posted[2], posted[1]]);
    const newer = await entries({ after: posted[4] });
    expect(newer.body.data.map((e: any) => e.documentId)).toEqual([arrived]);
    expect(newer.body.meta.pagination.hasMore).toBe(false);
    const stepped = await entries({ after: posted[1], limit: '2' });
    expect(stepped.body.data.map((e: any) => e.documentId)).toEqual([posted[3], posted[2]]); // the two right after the cursor
    expect(stepped.body.meta.pagination.hasMore).toBe(true);

    const mark = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 15));
    await f.put('live-entries', posted[0], { title: 'عنوان مصحح' }, { locale: 'ar' });
    const since = await entries({ since: mark });
    expect(since.body.data.map((e: any) => e.documentId)).toEqual([posted[0]]);
  });

  it('refuses bad cursor parameters with a 400 naming them, and unknown parameters', async () => {
    for (const [query, field] of [
      [{ after: 'x y' }, 'after'],
      [{ before: 'nosuchentry' }, 'before'],
      [{ after: 'abc', before: 'def' }, 'before'],
      [{ since: 'yesterday' }, 'since'],
      [{ limit: '0' }, 'limit'],
      [{ limit: '101' }, 'limit'],
      [{ foo: '1' }, 'foo'],
      [{ locale: 'fr' }, 'locale'],
    ] as Array<[Record<string, string>, string]>) {
      const res = await entries(query);
      expect([JSON.stringify(query), res.status]).toEqual([JSON.stringify(query), 400]);
      expect(res.body.error.details.errors[0].path[0]).toBe(field);
    }
  });

  it('refuses bad entry writes with a 400 naming the field, storing nothing', async () => {
    const count = async () => (await entries({ limit: '100' })).body.data.length;
    const n = await count();
    const bad: Array<[Record<string, unknown>, string]> = [
      [{ coverage: 'nosuchcoverage', body: [paragraph('x')] }, 'coverage'],
      [{ coverage: coverage.documentId }, 'body'],
      [{ coverage: coverage.documentId, body: [paragraph('x')], embedUrl: 'javascript:alert(1)' }, 'embedUrl'],
      [{ coverage: coverage.documentId, body: 'نص' }, 'body'],
      [{ coverage: coverage.documentId, body: [paragraph('x')], postedAt: 'soon' }, 'postedAt'],
    ];
    for (const [data, field] of bad) {
      const res = await app.http().post('/api/live-entries').query({ locale: 'ar' }).set(f.auth).send({ data });
      expect([field, res.status]).toEqual([field, 400]);
      expect(res.body.error.details.errors[0].path[0]).toBe(field);
    }
    const notLive = await f.article({ title: 'خبر عادي', section: sectionId });
    const res = await app.http().post('/api/live-entries').query({ locale: 'ar' }).set(f.auth).send({ data: { coverage: notLive.documentId, body: [paragraph('x')] } });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0].path).toEqual(['coverage']);
    const some = (await entries()).body.data[0].documentId;
    const move = await app.http().put(`/api/live-entries/${some}`).query({ locale: 'ar' }).set(f.auth).send({ data: { coverage: notLive.documentId } });
    expect(move.status).toBe(400);
    expect(await count()).toBe(n);
    // Readers cannot write.
    expect((await app.http().post('/api/live-entries').send({ data: { coverage: coverage.documentId, body: [paragraph('x')] } })).status).toBe(403);
  });
});

describe('the stream', () => {
  it('sends new, updated and deleted entries as they happen', async () => {
    const s = await stream(coverage.documentId);
    expect(s.status).toBe(200);
    expect(s.headers['content-type']).toMatch(/^text\/event-stream/);
    const t0 = Date.now();
    const posted = await entry('انطلاق الجلسة الافتتاحية', { isBreaking: true });
    const created = await s.waitFor((e) => e.event === 'entry' && JSON.parse(e.data).documentId === posted.documentId);
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(JSON.parse(created.data)).toMatchObject({ documentId: posted.documentId, isBreaking: true, locale: 'ar' });
    expect(Number(created.id)).toBeGreaterThan(0);

    await f.put('live-entries', posted.documentId, { pinned: true }, { locale: 'ar' });
    const updated = await s.waitFor((e) => e.event === 'update');
    expect(JSON.parse(updated.data)).toMatchObject({ documentId: posted.documentId, pinned: true });

    const del = await app.http().delete(`/api/live-entries/${posted.documentId}`).query({ locale: 'ar' }).set(f.auth);
    expect(del.status).toBeLessThan(300);
    const deleted = await s.waitFor((e) => e.event === 'delete');
    expect(JSON.parse(deleted.data)).toEqual({ documentId: posted.documentId, coverage: coverage.documentId, locale: 'ar' });
    expect((await entries()).body.data.map((e: any) => e.documentId)).not.toContain(posted.documentId);
    expect(Number(deleted.id)).toBeGreaterThan(Number(updated.id));
  });

  it('Last-Event-ID resumes without losing anything; the REST page gives the resume point', async () => {
    const { lastEventId } = (await entries()).body.meta;
    expect(lastEventId).toBeGreaterThan(0);
    const missed = [(await entry('فاتك هذا 1')).documentId, (await entry('فاتك هذا 2')).documentId];
    await f.put('live-entries', missed[0], { title: 'معدل' }, { locale: 'ar' });
    const s = await stream(coverage.documentId, { 'Last-Event-ID': String(lastEventId) });
    await s.waitFor((e) => e.event === 'update');
    expect(s.events.map((e) => [e.event, JSON.parse(e.data).documentId])).toEqual([
      ['entry', missed[0]],
      ['entry', missed[1]],
      ['update', missed[0]],
    ]);
    const ids = s.events.map((e) => Number(e.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    // And it continues live after the replay.
    const next = await entry('بعد الاستئناف');
    await s.waitFor((e) => JSON.parse(e.data).documentId === next.documentId);
    // The query form, for clients that cannot set headers.
    const q = await stream(coverage.documentId, {}, `?lastEventId=${lastEventId}`);
    await q.waitFor((e) => JSON.parse(e.data).documentId === next.documentId);
    expect(q.events.length).toBe(4);
    const bad = await stream(coverage.documentId, { 'Last-Event-ID': 'abc' });
    expect(bad.status).toBe(400);
  });

  it('an unpublished coverage ends its streams and is not readable any more', async () => {
    const other = await f.article({ title: 'تغطية ستسحب', section: sectionId, isLive: true });
    const s = await stream(other.documentId);
    await f.post('live-entries', { coverage: other.documentId, body: [paragraph('قبل السحب')] }, { locale: 'ar' });
    await s.waitFor((e) => e.event === 'entry');
    await app.strapi.documents('api::article.article').unpublish({ documentId: other.documentId, locale: 'ar' });
    await s.waitFor((e) => e.event === 'end');
    await s.ended;
    await f.post('live-entries', { coverage: other.documentId, body: [paragraph('بعد السحب CANARYLIVE')] }, { locale: 'ar' });
    expect((await entries({}, other.documentId)).status).toBe(404);
    expect((await stream(other.documentId)).status).toBe(404);
    expect((await app.http().get(`/api/live/${other.documentId}/feed/rss`)).status).toBe(404);
  });
});

describe('the desk (admin content manager)', () => {
  const CM_ENTRIES = '/content-manager/collection-types/api::live-entry.live-entry';

  it('a reporter assigned to the coverage posts an entry that streams at once, cannot pin or delete; an editor pins and deletes', async () => {
    const reporter = await adminUser(app, 'newsroom-reporter');
    const editor = await adminUser(app, 'newsroom-editor');
    // The coverage's author is her author profile (same e-mail): she is assigned to it (README, "Posting from the admin").
    await f.put('authors', authorId, { email: reporter.email }, { locale: 'ar' });
    const s = await stream(coverage.documentId);
    const posted = await app.http().post(CM_ENTRIES).query({ locale: 'ar' }).set(reporter.auth)
      .send({ coverage: coverage.documentId, title: 'من المراسل', body: [paragraph('خبر من الميدان')], pinned: true });
    expect(posted.status).toBe(201);
    const id = posted.body.data.documentId;
    const event = await s.waitFor((e) => e.event === 'entry' && JSON.parse(e.data).documentId === id);
    expect(JSON.parse(event.data)).toMatchObject({ title: 'من المراسل', pinned: false }); // pinning is the editors'
    expect((await app.http().delete(`${CM_ENTRIES}/${id}`).query({ locale: 'ar' }).set(reporter.auth)).status).toBe(403);
    const pinned = await app.http().put(`${CM_ENTRIES}/${id}`).query({ locale: 'ar' }).set(editor.auth).send({ pinned: true });
    expect(pinned.status).toBe(200);
    expect(JSON.parse((await s.waitFor((e) => e.event === 'update')).data).pinned).toBe(true);
    expect((await app.http().delete(`${CM_ENTRIES}/${id}`).query({ locale: 'ar' }).set(editor.auth)).status).toBe(200);
    await s.waitFor((e) => e.event === 'delete');
  });
});

describe('breaking alerts', () => {
  it('an entry posted (or marked) breaking fires the live-entry.breaking webhook once', async () => {
    const received: any[] = [];
    const server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push(JSON.parse(body));
        res.writeHead(204).end();
      });
    });
    const hook = await originOf(server);
    try {
      const webhook = await (app.strapi.get('webhookStore') as any).createWebhook({ name: 'push', url: `${hook}/push`, headers: {}, events: ['live-entry.breaking'] });
      (app.strapi.get('webhookRunner') as any).add(webhook);
      const quiet = await entry('تحديث عادي');
      const breaking = await entry('عاجل: اتفاق في القمة', { isBreaking: true });
      await f.put('live-entries', breaking.documentId, { title: 'عاجل' }, { locale: 'ar' }); // still breaking: no second alert
      await f.put('live-entries', quiet.documentId, { isBreaking: true }, { locale: 'ar' }); // marked breaking: an alert
      for (let i = 0; i < 50 && received.length < 2; i++) await new Promise((r) => setTimeout(r, 100));
      await new Promise((r) => setTimeout(r, 300));
      expect(received.map((r) => [r.event, r.entry.documentId])).toEqual([
        ['live-entry.breaking', breaking.documentId],
        ['live-entry.breaking', quiet.documentId],
      ]);
      expect(received[0].entry).toMatchObject({ coverage: coverage.documentId, locale: 'ar', isBreaking: true });
    } finally {
      server.close();
    }
  });
});

describe('coverage that is not public never leaks', () => {
  let embargoed: any;
  beforeAll(async () => {
    embargoed = await f.article({ title: 'تغطية تحت الحظر', section: sectionId, isLive: true, scheduledPublishAt: '2031-01-01T00:00:00.000Z' }, { draft: true });
    await f.post('live-entries', { coverage: embargoed.documentId, body: [paragraph('CANARYLIVE نص محظور')] }, { locale: 'ar' });
  });

  it('entries, stream and feed answer 404 for a draft coverage, to every caller', async () => {
    const readOnly = await app.apiToken('read-only');
    const partner = (await createClassToken(app.strapi, 'partner', `partner-live-${Date.now()}`)).accessKey;
    for (const auth of [{}, { Authorization: `Bearer ${readOnly}` }, { Authorization: `Bearer ${f.token}` }] as Array<Record<string, string>>) {
      const res = await app.http().get(`/api/live/${embargoed.documentId}/entries`).set(auth);
      expect(res.status).toBe(404);
      expect(res.text).not.toContain('CANARYLIVE');
      expect((await stream(embargoed.documentId, auth)).status).toBe(404);
    }
    const feed = await app.http().get(`/api/live/${embargoed.documentId}/feed/json`).set({ Authorization: `Bearer ${partner}` });
    expect(feed.status).toBe(404);
    // A partner token reads the public coverage's feed (full text), but not the entries endpoint.
    const ok = await getText(app, `/api/live/${coverage.documentId}/feed/json`, { Authorization: `Bearer ${partner}` });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body).items[0].content_html).toEqual(expect.any(String));
    expect((await app.http().get(`/api/live/${coverage.documentId}/entries`).set({ Authorization: `Bearer ${partner}` })).status).toBe(403);
  });

  it('the Document Service floor: a public read of entries cannot reach a draft coverage', async () => {
    // GraphQL's generated queries read entries straight through the Document Service; Strapi lets a
    // read-only token call every find (the public role holds none on entries: FORBIDDEN).
    expect((await app.http().post('/graphql').send({ query: '{ liveEntries { coverage } }' })).body.errors[0].extensions.code).toBe('FORBIDDEN');
    const readOnly = { Authorization: `Bearer ${await app.apiToken('read-only')}` };
    const res = await app.http().post('/graphql').set(readOnly).send({ query: '{ liveEntries(pagination: { pageSize: 100 }) { coverage body } }' });
    expect(res.body.errors).toBeUndefined();
    expect(res.text).not.toContain('CANARYLIVE');
    expect(res.body.data.liveEntries.length).toBeGreaterThan(0);
    expect(new Set(res.body.data.liveEntries.map((e: any) => e.coverage))).toEqual(new Set([coverage.documentId]));
    const filtered = await app.http().post('/graphql').set(readOnly).send({ query: `{ liveEntries(filters: { coverage: { eq: "${embargoed.documentId}" } }) { body } }` });
    expect(filtered.body.data.liveEntries).toEqual([]);
  });
});

describe('feeds and JSON-LD', () => {
  it('each entry is a feed item with its own stable id, in RSS, Atom and JSON Feed', async () => {
    const json = await getText(app, `/api/live/${coverage.documentId}/feed/json`);
    expect(json.status).toBe(200);
    expect(json.headers['content-type']).toMatch(/^application\/feed\+json/);
    const feed = JSON.parse(json.body);
    const page = (await entries({ limit: '30' })).body.data;
    expect(feed.items.map((i: any) => i.url)).toEqual(page.map((e: any) => `https://khaleeji247.example/ar/${encodeURIComponent('سياسة')}/${encodeURIComponent(coverage.slug)}#entry-${e.documentId}`));
    const ids = feed.items.map((i: any) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(feed.items[0].content_html).toBeUndefined(); // summary only for the public
    // Stable: an edit keeps the item's id.
    await f.put('live-entries', page[0].documentId, { title: 'عنوان آخر' }, { locale: 'ar' });
    const again = JSON.parse((await getText(app, `/api/live/${coverage.documentId}/feed/json`)).body);
    expect(again.items[0].id).toBe(ids[0]);
    expect(again.items[0].title).toBe('عنوان آخر'); // the edit evicted the cached feed
    const rss = await getText(app, `/api/live/${coverage.documentId}/feed/rss`);
    expect(rss.status).toBe(200);
    expect(rss.body).toContain(`<guid isPermaLink="false">${ids[0]}</guid>`);
    const atom = await getText(app, `/api/live/${coverage.documentId}/feed/atom`);
    expect(atom.body).toContain(`<id>${ids[0]}</id>`);
    const etag = rss.headers.etag;
    expect((await app.http().get(`/api/live/${coverage.documentId}/feed/rss`).set('If-None-Match', etag)).status).toBe(304);
  });

  it('the article is a LiveBlogPosting with its newest entries, coverage times, and a card that says the same', async () => {
    const newest = await entry('آخر تحديث للجسون', { title: 'آخر تحديث' });
    const one = (await app.http().get(`/api/articles/${coverage.documentId}`)).body.data;
    const ld = JSON.parse(one.jsonLd);
    expect(ld['@type']).toBe('LiveBlogPosting');
    expect(ld.coverageStartTime).toBe('2030-01-01T06:00:00.000Z');
    expect(ld.liveBlogUpdate.length).toBe(10);
    expect(ld.liveBlogUpdate[0]).toMatchObject({ '@type': 'BlogPosting', headline: 'آخر تحديث', articleBody: 'آخر تحديث للجسون', datePublished: newest.postedAt });
    expect(ld.liveBlogUpdate[0].url).toBe(`${ld.url}#entry-${newest.documentId}`);
    const card = (await app.http().get('/api/articles')).body.data.find((a: any) => a.documentId === coverage.documentId);
    expect(JSON.parse(card.jsonLd)).toEqual(ld);
    expect(card.isLive).toBe(true);
    // The end of the coverage, set on the article, shows in it.
    await f.put('articles', coverage.documentId, { coverageEndTime: '2030-01-02T06:00:00.000Z' }, { locale: 'ar' });
    const ended = JSON.parse((await app.http().get(`/api/articles/${coverage.documentId}`)).body.data.jsonLd);
    expect(ended.coverageEndTime).toBe('2030-01-02T06:00:00.000Z');
    const bad = await app.http().put(`/api/articles/${coverage.documentId}`).query({ locale: 'ar' }).set(f.auth).send({ data: { coverageStartTime: '2030-01-03T00:00:00Z', coverageEndTime: '2030-01-02T00:00:00Z' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.errors[0].path).toEqual(['coverageEndTime']);
  });
});
