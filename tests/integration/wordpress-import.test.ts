import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { appDir, createTestDatabase, startStrapi, type TestApp } from '../helpers/strapi';
import { Fixtures } from '../helpers/fixtures';
import { writeGeneratedWxr } from '../helpers/wxr-generator';
import { wordpressImportService } from '../../src/api/services';
import type { ImportReport } from '../../src/api/import/services/wordpress';

/**
 * The WordPress importer against a real Strapi and database: the test export
 * (tests/fixtures/wordpress, the seed article among Arabic posts) is imported
 * through the Document Service and read back from the public API; a re-run
 * changes nothing, a changed post is updated in place, a dry run writes
 * nothing, bad items leave nothing behind, and the command line works.
 */
const FIXTURES = path.join(appDir, 'tests/fixtures/wordpress');
const EXPORT = path.join(FIXTURES, 'export.xml');
const UPLOADS = path.join(FIXTURES, 'uploads');
const ARTICLE = 'api::article.article';
const tmp = path.join(appDir, '.tmp', `wxr-test-${process.pid}-${crypto.randomBytes(3).toString('hex')}`);

let app: TestApp;
let f: Fixtures;
let first: ImportReport;
const run = (file: string, options: Parameters<ReturnType<typeof wordpressImportService>['run']>[1] = {}) =>
  wordpressImportService(app.strapi).run(file, { uploadsDir: UPLOADS, downloadTimeoutMs: 3000, ...options });
const allVersions = () => app.strapi.db.query(ARTICLE).count({});
const counts = async () => ({
  articles: await allVersions(),
  sections: await app.strapi.db.query('api::section.section').count({}),
  tags: await app.strapi.db.query('api::tag.tag').count({}),
  authors: await app.strapi.db.query('api::author.author').count({}),
  files: await app.strapi.db.query('plugin::upload.file').count({}),
});
const bySlug = (slug: string) => app.http().get(`/api/articles/slug/${encodeURIComponent(slug)}`).query({ locale: 'ar' });

beforeAll(async () => {
  fs.mkdirSync(tmp, { recursive: true });
  app = await startStrapi();
  f = await Fixtures.create(app);
  // The newsroom already has an economy section: the import must reuse it, not make «اقتصاد-2».
  await f.section('اقتصاد');
  first = await run(EXPORT);
}, 300_000);
afterAll(async () => {
  await app?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('WordPress import of the test export', () => {
  it('reports what it did: posts created, bad items skipped by id, non-articles ignored', () => {
    expect(first.posts).toEqual({ created: 4, updated: 0, unchanged: 0 });
    expect(first.skipped.map((s) => s.id).sort()).toEqual(['140', '141', '142']);
    expect(first.skipped.find((s) => s.id === '142')!.reason).toMatch(/section/);
    expect(first.ignored).toEqual({ 'post type attachment': 2, 'post type page': 1, 'post type nav_menu_item': 1, 'status trash': 1 });
    expect(first.created).toEqual({ sections: 2, tags: 4, authors: 3 });
    expect(first.media).toMatchObject({ downloaded: 0, fromUploads: 2, missing: ['https://old.khaleeji247.example/wp-content/uploads/2025/06/missing-chart.png'] });
    expect(first.locale).toBe('ar');
  });

  it('the seed article is public under its decoded Arabic slug, dated as in WordPress, with section (and parent), tags, bylines, cover and SEO', async () => {
    const res = await bySlug('وزراء-خارجية-الناتو-يجتمعون-في-بروكسل');
    expect(res.status).toBe(200);
    const a = res.body.data;
    expect(a.title).toBe('وزراء خارجية «الناتو» يجتمعون في بروكسل');
    expect(a.firstPublishedAt).toBe('2025-06-04T09:30:00.000Z');
    expect(a.section).toMatchObject({ name: 'دولي', slug: 'دولي' });
    expect(a.tags.map((t: { slug: string }) => t.slug)).toEqual(['الناتو', 'بروكسل', 'أوكرانيا']);
    expect(a.authors.map((x: { name: string }) => x.name)).toEqual(['خالد العتيبي', 'مراسل خليجي 247 في بروكسل']);
    expect(a.cover).toMatchObject({ alt: 'أعلام الدول الأعضاء أمام مقر الحلف', image: { url: expect.stringMatching(/^\/uploads\/.+\.jpg$/), width: 320 } });
    expect(a.seo).toMatchObject({ metaTitle: 'وزراء خارجية «الناتو» يجتمعون في بروكسل - خليجي 247', noIndex: false });
    const body = JSON.stringify(a.body);
    expect(body).toContain('مارك روته');
    expect(body).not.toMatch(/شاركها|Exit mobile version|©|sharethis/);
    const image = a.body.find((b: { type: string }) => b.type === 'image');
    expect(image.image).toMatchObject({ url: a.cover.image.url, caption: 'وزراء خارجية الحلف في بروكسل', mime: 'image/jpeg' });
    const parent = await app.http().get(`/api/sections`).query({ 'filters[slug][$eq]': 'دولي', populate: 'parent' });
    expect(parent.body.data[0].parent).toMatchObject({ slug: 'سياسة' });
    // Private on the author: never in a response, but kept.
    expect(JSON.stringify(a.authors)).not.toContain('@');
    const khalid = await app.strapi.db.query('api::author.author').findOne({ where: { name: 'خالد العتيبي' } });
    expect(khalid.email).toBe('khalid@old.khaleeji247.example');
  });

  it('the Gutenberg post: blocks, Rank Math SEO, the existing section reused, the missing image left out', async () => {
    const a = (await bySlug('أسعار-النفط-ترتفع-مع-تمديد-خفض-الإنتاج')).body.data;
    expect(a.body.map((b: { type: string }) => b.type)).toEqual(['paragraph', 'heading', 'list', 'quote', 'image', 'paragraph']);
    expect(a.body[5].children[0]).toMatchObject({ type: 'link', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' });
    expect(a.seo).toMatchObject({ noIndex: true, canonicalUrl: 'https://www.khaleeji247.example/ar/economy/oil' });
    expect(a.section.slug).toBe('اقتصاد');
    const sections = await app.strapi.db.query('api::section.section').findMany({ where: { slug: { $startsWith: 'اقتصاد' } } });
    expect(sections).toHaveLength(1);
  });

  it('drafts and scheduled posts are imported as drafts, never public; the scheduled one carries its embargo', async () => {
    const draft = await app.strapi.db.query(ARTICLE).findMany({ where: { title: 'مسودة: تحضيرات قمة لاهاي' } });
    expect(draft.map((d: { publishedAt: unknown }) => d.publishedAt)).toEqual([null]);
    const scheduled = await app.strapi.db.query(ARTICLE).findMany({ where: { slug: 'قمة-لاهاي-تنطلق-غدا' } });
    expect(scheduled).toHaveLength(1);
    expect(new Date(scheduled[0].scheduledPublishAt).toISOString()).toBe('2030-06-24T06:00:00.000Z');
    expect((await bySlug('قمة-لاهاي-تنطلق-غدا')).status).toBe(404);
    const list = await app.http().get('/api/articles').query({ locale: 'ar' });
    expect(list.body.data.map((x: { title: string }) => x.title).sort()).toEqual(['أسعار النفط ترتفع مع تمديد خفض الإنتاج', 'وزراء خارجية «الناتو» يجتمعون في بروكسل'].sort());
  });

  it('a post the Document Service refuses leaves nothing behind', async () => {
    expect(await app.strapi.db.query(ARTICLE).count({ where: { title: 'خبر منشور بلا قسم' } })).toBe(0);
    const rows = await app.strapi.db.connection('import_map').where({ kind: 'post', external_id: '142' }).count({ n: '*' }).first();
    expect(Number(rows!.n)).toBe(0);
  });

  it('went through the Document Service: search finds the imported story, the redirect map points at its new path', async () => {
    const res = await app.http().get('/api/search').query({ q: 'روته', locale: 'ar' });
    expect(res.status).toBe(200);
    expect(res.body.data.map((x: { title: string }) => x.title)).toEqual(['وزراء خارجية «الناتو» يجتمعون في بروكسل']);
    expect(first.redirects.map((r) => [r.wordpressId, r.fromDecoded, decodeURIComponent(r.to)])).toEqual([
      ['101', '/2025/06/04/وزراء-خارجية-الناتو-يجتمعون-في-بروكسل/', '/ar/دولي/وزراء-خارجية-الناتو-يجتمعون-في-بروكسل'],
      ['110', '/2025/06/05/أسعار-النفط-ترتفع-مع-تمديد-خفض-الإنتاج/', '/ar/اقتصاد/أسعار-النفط-ترتفع-مع-تمديد-خفض-الإنتاج'],
    ]);
  });
});

describe('re-runs', () => {
  it('a second run changes nothing and duplicates nothing', async () => {
    const before = await counts();
    const again = await run(EXPORT);
    expect(again.posts).toEqual({ created: 0, updated: 0, unchanged: 4 });
    expect(again.created).toEqual({ sections: 0, tags: 0, authors: 0 });
    expect(again.media.downloaded + again.media.fromUploads).toBe(0);
    expect(await counts()).toEqual(before);
    expect(again.redirects).toEqual(first.redirects);
  });

  it('a dry run reports the changed post and writes nothing; the real run updates it in place, keeping its date', async () => {
    const changed = path.join(tmp, 'changed.xml');
    fs.writeFileSync(changed, fs.readFileSync(EXPORT, 'utf8').replace('أسعار النفط ترتفع مع تمديد خفض الإنتاج]]>', 'أسعار النفط ترتفع بعد قرار أوبك+]]>'));
    const before = await counts();
    const oldVersion = await app.strapi.db.query(ARTICLE).findOne({ where: { slug: 'أسعار-النفط-ترتفع-مع-تمديد-خفض-الإنتاج', publishedAt: { $notNull: true } } });

    const dry = await run(changed, { dryRun: true });
    // A dry run does not run the Document Service: it cannot know that 142 (no section) will be refused again.
    expect(dry.posts).toEqual({ created: 1, updated: 1, unchanged: 3 });
    expect(dry.plan.filter((p) => p.action !== 'unchanged')).toEqual([
      { id: '110', action: 'updated', title: 'أسعار النفط ترتفع بعد قرار أوبك+' },
      { id: '142', action: 'created', title: 'خبر منشور بلا قسم' },
    ]);
    expect(await counts()).toEqual(before);
    expect((await bySlug('أسعار-النفط-ترتفع-مع-تمديد-خفض-الإنتاج')).body.data.title).toBe('أسعار النفط ترتفع مع تمديد خفض الإنتاج');

    const real = await run(changed);
    expect(real.posts).toEqual({ created: 0, updated: 1, unchanged: 3 });
    expect(await counts()).toEqual(before);
    const updated = (await bySlug('أسعار-النفط-ترتفع-مع-تمديد-خفض-الإنتاج')).body.data;
    expect(updated).toMatchObject({ documentId: oldVersion.documentId, title: 'أسعار النفط ترتفع بعد قرار أوبك+', firstPublishedAt: '2025-06-05T06:15:00.000Z' });
  });

  it('a post deleted in the newsroom is created again on the next run', async () => {
    const doc = await app.strapi.db.query(ARTICLE).findOne({ where: { slug: 'قمة-لاهاي-تنطلق-غدا' } });
    await app.strapi.documents(ARTICLE).delete({ documentId: doc.documentId, locale: 'ar' });
    const again = await run(EXPORT, { limit: 5 });
    expect(again.posts.created).toBe(1);
    expect(await app.strapi.db.query(ARTICLE).count({ where: { slug: 'قمة-لاهاي-تنطلق-غدا' } })).toBe(1);
  });

  it('a file that is not a readable export is refused before anything is written', async () => {
    const broken = path.join(tmp, 'broken.xml');
    fs.writeFileSync(broken, fs.readFileSync(EXPORT, 'utf8').slice(0, 20_000));
    const before = await counts();
    // (WxrFormatError of the compiled app: the class is dist's, not this file's import)
    await expect(run(broken)).rejects.toMatchObject({ name: 'WxrFormatError', message: expect.stringMatching(/^not well-formed XML/) });
    expect(await counts()).toEqual(before);
  });
});

/** Runs the command line (compiled dist/ from globalSetup) with the given database settings. */
function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; out: string }> {
  const tsx = path.join(appDir, 'node_modules', '.bin', 'tsx');
  return new Promise((resolve) => {
    const child = spawn(tsx, [path.join(appDir, 'scripts', 'import-wordpress.ts'), ...args], {
      cwd: appDir,
      env: { ...process.env, IMPORT_SKIP_COMPILE: 'true', ...env },
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => resolve({ code, out }));
  });
}

describe('npm run import:wordpress', () => {
  it('exits 1 for a file it cannot read, 2 for a usage error, without booting Strapi', async () => {
    const missing = await cli([path.join(tmp, 'missing.xml')]);
    expect([missing.code, missing.out]).toEqual([1, expect.stringContaining('Cannot read')]);
    const usage = await cli([EXPORT, '--limit', 'ten']);
    expect([usage.code, usage.out]).toEqual([2, expect.stringContaining('--limit must be a positive integer')]);
  });

  it('imports a generated export with --limit into the app’s database, prints the summary and writes the redirect map', async () => {
    const file = path.join(tmp, 'bulk.xml');
    await writeGeneratedWxr(file, 25);
    const db = await createTestDatabase();
    try {
      const base = path.join(tmp, 'redirects');
      const started = Date.now();
      const res = await cli([file, '--limit', '20', '--redirects', base], db.env);
      const seconds = (Date.now() - started) / 1000;
      expect([res.code, res.code === 0 ? '' : res.out]).toEqual([0, '']);
      expect(res.out).toMatch(/posts created\s+\|\s+20 \|/);
      expect(res.out).toMatch(/items skipped \(bad\)\s+\|\s+0 \|/);
      const csv = fs.readFileSync(`${base}.csv`, 'utf8').trim().split('\n');
      expect(csv).toHaveLength(21);
      expect(csv[1]).toMatch(/^1,\/2024\/05\/02\/%d8%ae/);
      expect(JSON.parse(fs.readFileSync(`${base}.json`, 'utf8'))).toHaveLength(20);
      console.log(`import:wordpress: 20 generated posts (process start included) in ${seconds.toFixed(1)} s`);
    } finally {
      await db.drop();
    }
  }, 240_000);
});
