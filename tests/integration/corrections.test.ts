import { startStrapi, type TestApp } from '../helpers/strapi';
import { Fixtures, paragraph } from '../helpers/fixtures';

let app: TestApp;
let f: Fixtures;
let sectionId: string;

beforeAll(async () => {
  app = await startStrapi({ CRON_ENABLED: 'false' });
  f = await Fixtures.create(app);
  sectionId = (await f.section('محليات')).documentId;
});
afterAll(async () => {
  await app?.stop();
});

describe('corrections', () => {
  it('adding a correction moves updatedAt (not the publication date) and shows in the full preset', async () => {
    const a = await f.article({ title: 'افتتاح جسر جديد', body: [paragraph('نص')], section: sectionId });
    const before = (await app.http().get(`/api/articles/${a.documentId}`).query({ locale: 'ar' })).body.data;
    expect(before.corrections).toEqual([]);
    await new Promise((r) => setTimeout(r, 20));

    await f.put('articles', a.documentId, { corrections: [{ date: '2030-02-01T10:00:00.000Z', note: 'طول الجسر 2 كم وليس 3 كم.' }] }, { locale: 'ar' });
    const after = (await app.http().get(`/api/articles/${a.documentId}`).query({ locale: 'ar' })).body.data;
    expect(after.corrections).toEqual([expect.objectContaining({ date: '2030-02-01T10:00:00.000Z', note: 'طول الجسر 2 كم وليس 3 كم.' })]);
    expect(new Date(after.updatedAt).getTime()).toBeGreaterThan(new Date(before.updatedAt).getTime());
    expect(after.firstPublishedAt).toBe(before.firstPublishedAt);

    const bySlug = (await app.http().get(`/api/articles/slug/${encodeURIComponent(after.slug)}`).query({ locale: 'ar' })).body.data;
    expect(bySlug.corrections[0].note).toBe('طول الجسر 2 كم وليس 3 كم.');
    const list = (await app.http().get('/api/articles').query({ locale: 'ar' })).body.data;
    expect(list.find((x: any) => x.documentId === a.documentId).corrections).toBeUndefined(); // cards stay light
  });

  it('corrections are per locale version', async () => {
    const a = await f.article({ title: 'خبر بلغتين', section: sectionId });
    await f.put('articles', a.documentId, { title: 'Two-language story', corrections: [{ date: '2030-02-01T10:00:00.000Z', note: 'Name corrected.' }] }, { locale: 'en' });
    const ar = (await app.http().get(`/api/articles/${a.documentId}`).query({ locale: 'ar' })).body.data;
    const en = (await app.http().get(`/api/articles/${a.documentId}`).query({ locale: 'en' })).body.data;
    expect(ar.corrections).toEqual([]);
    expect(en.corrections.map((c: any) => c.note)).toEqual(['Name corrected.']);
  });

  it('a correction needs a date and a note (400 naming the field)', async () => {
    const a = await f.article({ title: 'تصحيح ناقص', section: sectionId });
    const res = await app.http().put(`/api/articles/${a.documentId}`).query({ locale: 'ar' }).set(f.auth)
      .send({ data: { corrections: [{ date: '2030-02-01T10:00:00.000Z' }] } });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0].path.map(String)).toEqual(['corrections', '0', 'note']);
  });
});
