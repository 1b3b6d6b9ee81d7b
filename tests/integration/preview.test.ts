import { startStrapi, type TestApp } from '../helpers/strapi';
import { Fixtures, paragraph } from '../helpers/fixtures';
import { adminUser, type AdminSession } from '../helpers/admin';
import { signPreviewToken } from '../../src/lib/preview-token';

const SECRET = 'test-preview-secret';
let app: TestApp;
let f: Fixtures;
let editor: AdminSession;
let articleId: string;
let relatedId: string;
const TITLE = 'قمة الخليج تبحث <script>alert(1)</script> أمن الطاقة';

/** The URL the admin's Preview button opens (asked from the content-manager as the admin does). */
async function previewUrl(documentId: string, status = 'draft', locale = 'ar'): Promise<string> {
  const res = await app.http().get('/content-manager/preview/url/api::article.article')
    .query({ documentId, locale, status }).set(editor.auth);
  expect(res.status).toBe(200);
  return res.body.data.url;
}

beforeAll(async () => {
  app = await startStrapi({ CRON_ENABLED: 'false', PREVIEW_SECRET: SECRET });
  f = await Fixtures.create(app);
  editor = await adminUser(app, 'newsroom-editor');
  const section = await f.section('سياسة', 'ar', { slug: 'سياسة' });
  const author = await f.author('منى الهاشمي');
  const image = await app.strapi.db.query('plugin::upload.file').create({
    data: { name: 'summit.jpg', hash: 'summit_x1', ext: '.jpg', mime: 'image/jpeg', size: 12.3, url: '/uploads/summit_x1.jpg', provider: 'local', width: 800, height: 450 },
  });
  const related = await f.article({ title: 'خبر سابق عن القمة', section: section.documentId });
  relatedId = related.documentId;
  const draft = await f.article(
    {
      title: TITLE,
      excerpt: 'ملخص الخبر',
      dateline: 'الرياض',
      body: [paragraph('بدأت اليوم أعمال القمة بمشاركة وفد من OPEC.')],
      section: section.documentId,
      authors: [author.documentId],
      cover: { image: image.id, caption: 'قادة الخليج في الجلسة الافتتاحية', credit: 'وكالة الأنباء' },
      relatedLinks: [{ label: 'خبر سابق عن القمة', article: relatedId }, { label: 'البيان الختامي', url: 'https://example.org/statement' }],
      corrections: [{ date: '2030-03-01T09:00:00.000Z', note: 'صُحح اسم المدينة المضيفة.' }],
    },
    { draft: true },
  );
  articleId = draft.documentId;
});
afterAll(async () => {
  await app?.stop();
});

describe('preview page', () => {
  it('renders the draft as a reader would see it: RTL, headline, dateline, cover with credit, body, corrections, related links', async () => {
    const url = await previewUrl(articleId);
    expect(url).toMatch(new RegExp(`^/preview/articles/${articleId}\\?locale=ar&status=draft&token=`));
    const res = await app.http().get(url);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['content-security-policy']).toContain("script-src 'none'");
    expect(res.headers['cache-control']).toBe('no-store');
    const html: string = res.text;
    expect(html).toMatch(/<html lang="ar" dir="rtl">/);
    expect(html).toContain('<h1>قمة الخليج تبحث &lt;script&gt;alert(1)&lt;/script&gt; أمن الطاقة</h1>');
    expect(html).not.toContain('<script>');
    expect(html).toContain('الرياض');
    expect(html).toContain('منى الهاشمي');
    expect(html).toContain('بدأت اليوم أعمال القمة بمشاركة وفد من OPEC.');
    expect(html).toMatch(/<img src="[^"]*\/uploads\/summit_x1\.jpg"/);
    expect(html).toContain('وكالة الأنباء');
    expect(html).toContain('صُحح اسم المدينة المضيفة.');
    expect(html).toContain('href="https://example.org/statement"');
    expect(html).toContain(`/ar/${encodeURIComponent('سياسة')}/`); // our own related story, by its public URL
    expect(html).toContain('مسودة');
  });

  it('refuses without a valid token (401), whatever is wrong with it', async () => {
    const url = new URL(await previewUrl(articleId), 'http://x');
    const token = url.searchParams.get('token')!;
    const get = (t: string | null, documentId = articleId, status = 'draft') =>
      app.http().get(`/preview/articles/${documentId}`).query({ locale: 'ar', status, ...(t === null ? {} : { token: t }) });

    for (const bad of [null, '', 'garbage', token.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'))]) {
      const res = await get(bad);
      expect(res.status).toBe(401);
      expect(res.body.error.details.errors[0].path).toEqual(['token']);
      expect(res.text).not.toContain('قمة الخليج');
    }
    const expired = signPreviewToken({ documentId: articleId, locale: 'ar', status: 'draft' }, SECRET, Date.now() - 2 * 3600_000);
    expect((await get(expired)).status).toBe(401);
    expect((await get(token, relatedId)).status).toBe(401); // a token for one story opens no other
    expect((await get(token, articleId, 'published')).status).toBe(401);
    const otherSecret = signPreviewToken({ documentId: articleId, locale: 'ar', status: 'draft' }, 'not-the-secret');
    expect((await get(otherSecret)).status).toBe(401);
  });

  it('answers 400 for an unknown locale or status, 404 for a version that does not exist', async () => {
    expect((await app.http().get(`/preview/articles/${articleId}`).query({ locale: 'fr', status: 'draft', token: 'x' })).status).toBe(400);
    expect((await app.http().get(`/preview/articles/${articleId}`).query({ locale: 'ar', status: 'all', token: 'x' })).status).toBe(400);
    const published = await app.http().get(await previewUrl(articleId, 'published'));
    expect(published.status).toBe(404); // never published yet
  });

  it('never shows drafts to the public', async () => {
    expect((await app.http().get(`/api/articles/${articleId}`).query({ locale: 'ar' })).status).toBe(404);
    expect((await app.http().get('/api/articles').query({ locale: 'ar', status: 'draft' })).status).toBe(403);
  });

  it('previews the published version after publishing', async () => {
    await app.strapi.documents('api::article.article').publish({ documentId: articleId, locale: 'ar' } as any);
    const res = await app.http().get(await previewUrl(articleId, 'published'));
    expect(res.status).toBe(200);
    expect(res.text).toContain('النسخة المنشورة');
  });
});
