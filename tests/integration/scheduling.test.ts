import { startStrapi, type TestApp } from '../helpers/strapi';
import { Fixtures, paragraph } from '../helpers/fixtures';
import { scheduleService } from '../../src/api/services';

let app: TestApp;
let f: Fixtures;
let sectionId: string;
const UID = 'api::article.article';
const MINUTE = 60_000;

const docs = () => app.strapi.documents(UID);
const version = (documentId: string, status: 'draft' | 'published', locale = 'ar') =>
  docs().findOne({ documentId, locale, status } as any) as Promise<any>;
const draft = (title: string, extra: Record<string, unknown> = {}, locale = 'ar') =>
  f.article({ title, body: [paragraph('نص')], section: sectionId, ...extra }, { locale, draft: true });
const publicList = async (locale = 'ar') =>
  (await app.http().get('/api/articles').query({ locale })).body.data.map((a: any) => a.documentId);

const events: Array<{ event: string; documentId: string }> = [];

beforeAll(async () => {
  app = await startStrapi({ CRON_ENABLED: 'false' });
  f = await Fixtures.create(app);
  sectionId = (await f.section('اقتصاد')).documentId;
  await f.section('Economy', 'en'); // another locale exists
  for (const event of ['entry.publish', 'entry.unpublish']) {
    app.strapi.eventHub.on(event, async (payload: any) => {
      if (payload.uid === UID) events.push({ event, documentId: payload.entry.documentId });
    });
  }
});
afterAll(async () => {
  await app?.stop();
});

describe('embargo (scheduledPublishAt)', () => {
  it('publishes a version whose time has passed on the next tick, as a manual publish would', async () => {
    const a = await draft('خبر محظور حتى الصباح', { scheduledPublishAt: new Date(Date.now() - MINUTE).toISOString() });
    expect(await publicList()).not.toContain(a.documentId);

    const tick = await scheduleService(app.strapi).runDue();
    expect(tick.done).toContainEqual({ kind: 'publish', documentId: a.documentId, locale: 'ar' });

    const live = await version(a.documentId, 'published');
    expect(live.title).toBe('خبر محظور حتى الصباح');
    expect(live.firstPublishedAt).not.toBeNull();
    expect(live.scheduledPublishAt).toBeNull();
    expect((await version(a.documentId, 'draft')).scheduledPublishAt).toBeNull();
    expect(await publicList()).toContain(a.documentId);
    expect(events).toContainEqual({ event: 'entry.publish', documentId: a.documentId });

    const again = await scheduleService(app.strapi).runDue();
    expect(again.done.map((o) => o.documentId)).not.toContain(a.documentId);
  });

  it('waits for a future time, and editing the time reschedules', async () => {
    const t0 = Date.now();
    const a = await draft('خبر بموعد', { scheduledPublishAt: new Date(t0 + 10 * MINUTE).toISOString() });
    await scheduleService(app.strapi).runDue(new Date(t0 + 5 * MINUTE));
    expect(await version(a.documentId, 'published')).toBeNull();

    await f.put('articles', a.documentId, { scheduledPublishAt: new Date(t0 + 30 * MINUTE).toISOString() }, { locale: 'ar', status: 'draft' });
    await scheduleService(app.strapi).runDue(new Date(t0 + 15 * MINUTE));
    expect(await version(a.documentId, 'published')).toBeNull();

    await scheduleService(app.strapi).runDue(new Date(t0 + 31 * MINUTE));
    expect(await version(a.documentId, 'published')).not.toBeNull();
  });

  it('schedules each locale version on its own', async () => {
    const due = new Date(Date.now() - MINUTE).toISOString();
    const a = await draft('خبر بلغتين', { scheduledPublishAt: due });
    await f.put('articles', a.documentId, { title: 'Two-language story' }, { locale: 'en', status: 'draft' });
    await scheduleService(app.strapi).runDue();
    expect(await version(a.documentId, 'published', 'ar')).not.toBeNull();
    expect(await version(a.documentId, 'published', 'en')).toBeNull();
  });

  it('keeps a version that cannot be published scheduled and reports it', async () => {
    const a = await f.article({ title: 'بلا قسم', scheduledPublishAt: new Date(Date.now() - MINUTE).toISOString() }, { draft: true });
    const tick = await scheduleService(app.strapi).runDue();
    expect(tick.failed.map((x) => x.documentId)).toContain(a.documentId);
    expect(tick.failed.find((x) => x.documentId === a.documentId)!.error).toMatch(/section/);
    expect(await version(a.documentId, 'published')).toBeNull();
    expect((await version(a.documentId, 'draft')).scheduledPublishAt).not.toBeNull();
  });
});

describe('expiry (scheduledUnpublishAt)', () => {
  it('unpublishes a live version when its expiry passes and clears the expiry', async () => {
    const t0 = Date.now();
    const a = await f.article({ title: 'عرض ينتهي', body: [paragraph('نص')], section: sectionId });
    await f.put('articles', a.documentId, { scheduledUnpublishAt: new Date(t0 + 10 * MINUTE).toISOString() }, { locale: 'ar', status: 'draft' });

    await scheduleService(app.strapi).runDue(new Date(t0 + 5 * MINUTE));
    expect(await version(a.documentId, 'published')).not.toBeNull();

    const tick = await scheduleService(app.strapi).runDue(new Date(t0 + 11 * MINUTE));
    expect(tick.done).toContainEqual({ kind: 'unpublish', documentId: a.documentId, locale: 'ar' });
    expect(await version(a.documentId, 'published')).toBeNull();
    expect((await version(a.documentId, 'draft')).scheduledUnpublishAt).toBeNull();
    expect(await publicList()).not.toContain(a.documentId);
    expect(events).toContainEqual({ event: 'entry.unpublish', documentId: a.documentId });
  });

  it('runs an embargo and an expiry in one window: published, then taken down', async () => {
    const t0 = Date.now();
    const a = await draft('خبر لساعة', {
      scheduledPublishAt: new Date(t0 + MINUTE).toISOString(),
      scheduledUnpublishAt: new Date(t0 + 61 * MINUTE).toISOString(),
    });
    await scheduleService(app.strapi).runDue(new Date(t0 + 2 * MINUTE));
    const live = await version(a.documentId, 'published');
    expect(live).not.toBeNull();
    await scheduleService(app.strapi).runDue(new Date(t0 + 62 * MINUTE));
    expect(await version(a.documentId, 'published')).toBeNull();
  });
});

describe('schedule validation', () => {
  const put = (id: string, data: Record<string, unknown>) =>
    app.http().put(`/api/articles/${id}`).query({ locale: 'ar', status: 'draft' }).set(f.auth).send({ data });

  it('refuses an expiry before the embargo with 400 naming scheduledUnpublishAt, storing nothing', async () => {
    const res = await app.http().post('/api/articles').query({ locale: 'ar', status: 'draft' }).set(f.auth).send({
      data: { title: 'خطأ في الموعد', section: sectionId, scheduledPublishAt: '2030-05-01T10:00:00Z', scheduledUnpublishAt: '2030-05-01T09:00:00Z' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0].path).toEqual(['scheduledUnpublishAt']);
    expect(await app.strapi.db.query(UID).count({ where: { title: 'خطأ في الموعد' } })).toBe(0);
  });

  it('judges a single field against the stored other one', async () => {
    const a = await draft('موعد محفوظ', { scheduledPublishAt: '2030-05-01T10:00:00.000Z' });
    const res = await put(a.documentId, { scheduledUnpublishAt: '2030-04-30T10:00:00Z' });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0].path).toEqual(['scheduledUnpublishAt']);
    expect((await version(a.documentId, 'draft')).scheduledUnpublishAt).toBeNull();
    expect((await put(a.documentId, { scheduledUnpublishAt: '2030-05-02T10:00:00Z' })).status).toBe(200);
  });

  it('refuses a date that is not a date', async () => {
    const a = await draft('موعد غير صالح');
    const res = await put(a.documentId, { scheduledPublishAt: 'غدًا صباحًا' });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0].path).toEqual(['scheduledPublishAt']);
  });
});

describe('wiring', () => {
  it('runs the tick once a minute from the server cron', () => {
    const tasks = app.strapi.config.get('server.cron.tasks') as Record<string, any>;
    expect(tasks.articleSchedules.options.rule).toBe('* * * * *');
    expect(app.strapi.config.get('server.cron.enabled')).toBe(false); // CRON_ENABLED=false in this suite
  });
});
