import { startStrapi, type TestApp } from '../helpers/strapi';
import { seedDemo } from '../../src/bootstrap/demo-seed';
import { ensureDevAdmin } from '../../src/bootstrap/dev-admin';
import { demoContent } from '../../src/seed/demo-content';

let app: TestApp;
const UIDS = ['api::article.article', 'api::author.author', 'api::section.section', 'api::tag.tag', 'api::site.site'];
const counts = async () =>
  Object.fromEntries(await Promise.all(UIDS.map(async (uid) => [uid, await app.strapi.db.query(uid as any).count()])));

beforeAll(async () => {
  app = await startStrapi();
});
afterAll(async () => {
  await app?.stop();
});

describe('demo content', () => {
  it('starts empty in tests (SEED_DEMO=false)', async () => {
    expect(Object.values(await counts()).every((n) => n === 0)).toBe(true);
  });

  it('seeds once and is idempotent', async () => {
    const created = await seedDemo(app.strapi);
    expect(created).toBeGreaterThan(0);
    const after = await counts();
    expect(await seedDemo(app.strapi)).toBe(0);
    expect(await counts()).toEqual(after);
  });

  it('publishes the NATO seed article in Arabic without the old site boilerplate', async () => {
    const nato = demoContent.articles[0];
    const res = await app.http().get('/api/articles').query({ 'filters[title][$eq]': nato.ar.title });
    expect(res.body.data).toHaveLength(1);
    const full = await app.http().get(`/api/articles/slug/${encodeURIComponent(res.body.data[0].slug)}`);
    const a = full.body.data;
    const text = JSON.stringify(a.body);
    expect(a.body).toHaveLength(7);
    expect(a.body[0].children[0].text.startsWith('تتسارع وتيرة المناقشات')).toBe(true);
    for (const junk of ['شاركها', '©', 'Exit mobile version', 'أخبار ذات صلة']) expect(text).not.toContain(junk);
    expect(a.dateline).toBe('بروكسل');
    expect(a.authors.length).toBeGreaterThanOrEqual(1);
    expect(a.section).not.toBeNull();
    expect(a.relatedLinks.length).toBeGreaterThan(0);
    expect(a.relatedLinks.some((l: any) => l.article?.documentId)).toBe(true);
  });

  it('covers ≥ 7 Arabic articles across ≥ 3 sections and ≥ 3 authors, with ≥ 2 English versions and the site', async () => {
    const ar = (await app.http().get('/api/articles?pagination[pageSize]=100')).body.data;
    expect(ar.length).toBeGreaterThanOrEqual(7);
    expect(new Set(ar.map((a: any) => a.section?.slug)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(ar.flatMap((a: any) => a.authors.map((x: any) => x.slug))).size).toBeGreaterThanOrEqual(3);
    // Spread publication dates, newest first.
    const dates = ar.map((a: any) => Date.parse(a.firstPublishedAt));
    expect([...dates].sort((x, y) => y - x)).toEqual(dates);
    expect(new Set(dates).size).toBe(dates.length);
    const en = (await app.http().get('/api/articles?locale=en')).body.data;
    expect(en.length).toBeGreaterThanOrEqual(2);
    const site = (await app.http().get('/api/site')).body.data;
    expect(site).toMatchObject({ name: 'خليجي 247', copyright: '© 2025 خليجي 247. جميع الحقوق محفوظة.' });
    expect((await app.http().get('/api/site?locale=en')).body.data.baseUrl).toBe(site.baseUrl);
  });
});

describe('development admin', () => {
  it('is created only in development, once, and never in other environments', async () => {
    await ensureDevAdmin(app.strapi);
    expect(await app.strapi.db.query('admin::user').count()).toBe(0); // NODE_ENV=test
    const environment = app.strapi.config.get('environment');
    app.strapi.config.set('environment', 'development');
    try {
      app.strapi.config.set('newsroom.devAdmin.password', 'Dev-Password-123'); // DEV_ADMIN_PASSWORD
      await ensureDevAdmin(app.strapi);
      await ensureDevAdmin(app.strapi);
      expect(await app.strapi.db.query('admin::user').count()).toBe(1);
      const login = await app.http().post('/admin/login').send({ email: 'editor@khaleeji247.example', password: 'Dev-Password-123' });
      expect(login.status).toBe(200);
      expect(login.body.data.token).toEqual(expect.any(String));
    } finally {
      app.strapi.config.set('environment', environment);
      app.strapi.config.set('newsroom.devAdmin.password', '');
    }
  });
});
