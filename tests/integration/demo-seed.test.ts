import fs from 'node:fs';
import path from 'node:path';
import { appDir, getText, startStrapi, type TestApp } from '../helpers/strapi';
import { DEMO_MEDIA_DIR, type DemoMediaCredits } from '../../src/seed/demo-media';
import { seedDemo } from '../../src/bootstrap/demo-seed';
import { ensureDevAdmin } from '../../src/bootstrap/dev-admin';
import { demoContent } from '../../src/seed/demo-content';
import { STRAPI_DEFAULT_ROLES, retireStrapiDefaultRoles, retiredRoleName } from '../../src/bootstrap/newsroom-roles';
import { adminUser } from '../helpers/admin';

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

describe('demo live coverage', () => {
  it('the storm alert is a live coverage with Arabic and English entries, one pinned and one key event', async () => {
    const storm = demoContent.articles.find((a) => a.live)!;
    const card = (await app.http().get('/api/articles').query({ 'filters[title][$eq]': storm.ar.title })).body.data[0];
    expect(JSON.parse(card.jsonLd)).toMatchObject({ '@type': 'LiveBlogPosting', liveBlogUpdate: expect.any(Array) });
    for (const locale of ['ar', 'en'] as const) {
      const res = await app.http().get(`/api/live/${card.documentId}/entries`).query({ locale });
      expect(res.status).toBe(200);
      const entries = res.body.data;
      expect(entries).toHaveLength(storm.live![locale]!.length);
      // Newest first, each with its own time.
      expect(entries.map((e: any) => e.postedAt)).toEqual([...entries.map((e: any) => e.postedAt)].sort().reverse());
      expect(entries.filter((e: any) => e.pinned)).toHaveLength(1);
      expect(entries.filter((e: any) => e.isKeyEvent)).toHaveLength(1);
      expect(entries[0].authors[0].name).toBeTruthy();
    }
  });
});

describe('demo images', () => {
  const credits = JSON.parse(fs.readFileSync(path.join(appDir, DEMO_MEDIA_DIR, 'credits.json'), 'utf8')) as DemoMediaCredits;
  const creditFor = (type: string, key: string) => Object.values(credits.files).find((c) => c.for.type === type && c.for.key === key)!;

  it('every demo story has its cover with the caption, credit and alt text of its language', async () => {
    for (const locale of ['ar', 'en'] as const) {
      const list = (await app.http().get(`/api/articles?locale=${locale}&pagination[pageSize]=100`)).body.data;
      const stories = demoContent.articles.filter((a) => a[locale]);
      expect(list).toHaveLength(stories.length);
      for (const a of stories) {
        const card = list.find((c: any) => c.title === a[locale]!.title);
        const credit = creditFor('article', a.key);
        expect(card.cover).toMatchObject({ caption: credit.caption[locale], credit: credit.credit[locale], alt: credit.alt[locale] });
        expect(card.cover.image).toMatchObject({ mime: 'image/jpeg', width: credit.width, height: credit.height, alternativeText: credit.alt.ar });
        expect(card.cover.image.url).toMatch(/^\/uploads\/.+\.jpg$/);
        expect(Object.keys(card.cover.image.formats ?? {})).toEqual(expect.arrayContaining(['thumbnail', 'small']));
        const bytes = await app.http().get(card.cover.image.url);
        expect(bytes.status).toBe(200);
        expect(bytes.headers['content-type']).toBe('image/jpeg');
      }
    }
    const arabic = (await app.http().get('/api/articles?pagination[pageSize]=1')).body.data[0];
    expect(arabic.cover.caption).toMatch(/[\u0600-\u06FF]/);
  });

  it('the authors with a portrait have it as their avatar, in both locales', async () => {
    for (const locale of ['ar', 'en']) {
      const authors = (await app.http().get(`/api/authors?locale=${locale}&populate=avatar`)).body.data;
      for (const a of demoContent.authors) {
        const author = authors.find((x: any) => x.name === a[locale as 'ar' | 'en'].name);
        const credit = Object.values(credits.files).find((c) => c.for.type === 'author' && c.for.key === a.key);
        if (credit) expect(author.avatar).toMatchObject({ mime: 'image/jpeg', width: credit.width, alternativeText: credit.alt.ar });
        else expect(author.avatar).toBeNull();
      }
    }
  });

  it('the feeds and JSON-LD show the covers', async () => {
    const rss = await getText(app, '/api/feeds/rss');
    expect(rss.status).toBe(200);
    const items = rss.body.split('<item>').length - 1;
    expect(items).toBe(demoContent.articles.length);
    expect(rss.body.split('<media:content').length - 1).toBe(items);
    expect(rss.body).toContain('<media:credit');
    const nato = demoContent.articles.find((a) => a.key === 'nato-brussels')!;
    expect(rss.body).toContain(creditFor('article', nato.key).caption.ar);
    const card = (await app.http().get('/api/articles').query({ 'filters[title][$eq]': nato.ar.title })).body.data[0];
    const jsonLd = JSON.parse(card.jsonLd);
    expect(JSON.stringify(jsonLd.image)).toMatch(/\/uploads\/.+\.jpg/);
    // The covers are 1920×1200: Google Discover's three crops at 1200 px, in JSON-LD and (the largest) Media RSS.
    expect(jsonLd.image.map((i: any) => [i['@type'], i.width, i.height])).toEqual([['ImageObject', 1200, 675], ['ImageObject', 1200, 900], ['ImageObject', 1200, 1200]]);
    expect(jsonLd.image[0].url).toContain(card.cover.image.formats.discover_wide.url);
    const contents = rss.body.match(/<media:content [^>]*>/g) ?? [];
    expect(contents).toHaveLength(items);
    for (const tag of contents) {
      expect(tag).toMatch(/ url="[^"]+\/uploads\/discover_square_[^"]+\.jpg"/);
      expect(tag).toMatch(/ width="1200"/);
      expect(tag).toMatch(/ height="1200"/);
      expect(tag).toMatch(/ fileSize="[1-9]\d*"/);
    }
  });

  it('seeding again uploads nothing', async () => {
    const files = await app.strapi.db.query('plugin::upload.file').count();
    expect(files).toBe(Object.keys(credits.files).length);
    expect(await seedDemo(app.strapi)).toBe(0);
    expect(await app.strapi.db.query('plugin::upload.file').count()).toBe(files);
  });
});

describe('Strapi\'s default admin roles', () => {
  const codes = async () => (await app.strapi.db.query('admin::role').findMany({ select: ['code'] })).map((r: { code: string }) => r.code).sort();

  it('are gone on a fresh database: Settings → Roles lists Super Admin and the newsroom roles only', async () => {
    expect(await codes()).toEqual(['newsroom-editor', 'newsroom-editor-in-chief', 'newsroom-reporter', 'strapi-super-admin']);
  });

  it('one still held by a user is kept but renamed as retired, and removed once nobody holds it', async () => {
    const roles = app.strapi.service('admin::role');
    const spec = STRAPI_DEFAULT_ROLES.find((r) => r.code === 'strapi-author')!;
    const role = await roles.create({ name: spec.name, code: spec.code, description: 'Authors can manage the content they have created.' });
    const holder = await adminUser(app, spec.code);
    await retireStrapiDefaultRoles(app.strapi);
    await retireStrapiDefaultRoles(app.strapi);
    expect((await roles.findOne({ code: spec.code })).name).toBe(retiredRoleName(spec.name, spec.use));
    expect(retiredRoleName(spec.name, spec.use)).toBe('Author (Strapi default, retired: use كاتب (Reporter))');
    await app.strapi.db.query('admin::user').delete({ where: { id: holder.user.id } });
    await retireStrapiDefaultRoles(app.strapi);
    expect(await roles.findOne({ id: role.id })).toBeNull();
    expect(await codes()).not.toContain(spec.code);
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
      // The admin opens in Arabic: the interface language the login answer carries (DEV_ADMIN_LANGUAGE unset).
      expect(login.body.data.user.preferedLanguage).toBe('ar');

      // DEV_ADMIN_LANGUAGE=en on another fresh database.
      await app.strapi.db.query('admin::user').deleteMany({});
      app.strapi.config.set('newsroom.devAdmin.language', 'en');
      await ensureDevAdmin(app.strapi);
      expect((await app.strapi.db.query('admin::user').findOne({ where: { email: 'editor@khaleeji247.example' } })).preferedLanguage).toBe('en');
    } finally {
      app.strapi.config.set('environment', environment);
      app.strapi.config.set('newsroom.devAdmin.password', '');
      app.strapi.config.set('newsroom.devAdmin.language', 'ar');
    }
  });
});
