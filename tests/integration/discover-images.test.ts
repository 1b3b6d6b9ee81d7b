/**
 * Images for Google Discover: an upload with a focal point gets 16:9, 4:3 and
 * 1:1 renditions at 1200 px cut around it and a ≥ 1200 px resize, in the
 * file's `formats`; JSON-LD lists the three, Media RSS the largest with its
 * size; moving the focal point cuts them again. One upload (plus one move):
 * the suite stays short.
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { startStrapi, getText, type TestApp } from '../helpers/strapi';
import { Fixtures, paragraph } from '../helpers/fixtures';
import { feedsmithRss, xmlErrors } from '../helpers/feed-checks';

let app: TestApp;
let f: Fixtures;

// A grey 2000×1250 picture with a red 60 px square whose centre is the focal point (80 %, 30 %):
// every crop must show red where the focal point falls.
const W = 2000;
const H = 1250;
const FOCAL = { x: 80, y: 30 };
const MARK = 60;

async function testImage(focal = FOCAL): Promise<Buffer> {
  const cx = (focal.x / 100) * W;
  const cy = (focal.y / 100) * H;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}"><rect width="${W}" height="${H}" fill="#808080"/>` +
    `<rect x="${cx - MARK / 2}" y="${cy - MARK / 2}" width="${MARK}" height="${MARK}" fill="#ff0000"/></svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 90 }).toBuffer();
}

/** The colour of one pixel of an image served by the app. */
async function pixelAt(url: string, x: number, y: number): Promise<number[]> {
  const res = await app.http().get(url).buffer(true).parse((r, cb) => {
    const chunks: Buffer[] = [];
    r.on('data', (c: Buffer) => chunks.push(c));
    r.on('end', () => cb(null, Buffer.concat(chunks)));
  });
  expect(res.status).toBe(200);
  const { data, info } = await sharp(res.body as Buffer).raw().toBuffer({ resolveWithObject: true });
  const at = (Math.min(info.height - 1, Math.round(y)) * info.width + Math.min(info.width - 1, Math.round(x))) * info.channels;
  return [data[at], data[at + 1], data[at + 2]];
}
const isRed = ([r, g, b]: number[]) => r > 200 && g < 60 && b < 60;

const RATIOS = { discover_wide: [16, 9], discover_standard: [4, 3], discover_square: [1, 1] } as const;

let file: any;
let article: any;

/** The first JSON-LD image URL of the article, polled (≤ 5 s) until `done` holds: the read model follows media edits after their commit. */
async function jsonLdImage(done: (url: string | undefined) => boolean): Promise<string | undefined> {
  let url: string | undefined;
  // The read model re-renders in the background and the cache serves the old answer while it does (soft eviction):
  // up to 20 s, for a machine under load (a CI run with both suites saw more than 5 s).
  for (let i = 0; i < 200; i++) {
    const ld = JSON.parse((await app.http().get(`/api/articles/slug/${encodeURIComponent(article.slug)}`)).body.data.jsonLd);
    url = ld.image?.[0]?.url;
    if (done(url)) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return url;
}
let story: (data: Record<string, unknown>) => Promise<any>;

beforeAll(async () => {
  app = await startStrapi({ WEBSUB_HUB_URL: '', RATE_LIMIT_ENABLED: 'false' });
  f = await Fixtures.create(app);
  const res = await app
    .http()
    .post('/api/upload')
    .set(f.auth)
    .field('fileInfo', JSON.stringify({ name: 'discover-test.jpg', alternativeText: 'مربع أحمر', focalPoint: FOCAL }))
    .attach('files', await testImage(), { filename: 'discover-test.jpg', contentType: 'image/jpeg' });
  expect(res.status).toBe(201);
  file = res.body[0];
  const section = await f.section('منوعات');
  const author = await f.author('مصوّر الاختبار');
  story = (data) => f.article({ section: section.documentId, authors: [author.documentId], ...data });
  article = await story({ title: 'صورة للاكتشاف', excerpt: 'ملخص', body: [paragraph('نص')], cover: { image: file.id, credit: 'تصوير: اختبار' } });
}, 120_000);
afterAll(async () => {
  await app?.stop();
});

describe('renditions of an upload', () => {
  it('stores the focal point and a ≥ 1200 px resize (breakpoint xlarge)', () => {
    expect(file.focalPoint).toEqual(FOCAL);
    expect(file.formats.xlarge).toMatchObject({ width: 1200, height: 750 });
    expect(Object.keys(file.formats)).toEqual(expect.arrayContaining(['thumbnail', 'small', 'medium', 'large', 'xlarge']));
  });

  it('cuts 16:9, 4:3 and 1:1 at 1200 px wide, with the focal point inside each crop (and red there)', async () => {
    for (const [key, [rw, rh]] of Object.entries(RATIOS)) {
      const r = file.formats[key];
      expect(r).toMatchObject({ width: 1200, height: (1200 * rh) / rw, mime: 'image/jpeg', ext: '.jpg' });
      expect(r.url).toMatch(new RegExp(`^/uploads/${key}_.+\\.jpg$`));
      expect(r.sizeInBytes).toBeGreaterThan(0);
      // The stored crop box: the ratio of the rendition, inside the picture, the focal point inside it.
      const { left, top, width, height } = r.crop;
      expect(Math.abs(width * rh - height * rw)).toBeLessThanOrEqual(rw);
      expect(left).toBeGreaterThanOrEqual(0);
      expect(top).toBeGreaterThanOrEqual(0);
      expect(left + width).toBeLessThanOrEqual(W);
      expect(top + height).toBeLessThanOrEqual(H);
      const fx = (FOCAL.x / 100) * W;
      const fy = (FOCAL.y / 100) * H;
      expect(fx).toBeGreaterThan(left);
      expect(fx).toBeLessThan(left + width);
      expect(fy).toBeGreaterThan(top);
      expect(fy).toBeLessThan(top + height);
      // The served file is that crop: the focal pixel, mapped into the rendition, is the red mark.
      const scale = r.width / width;
      expect(isRed(await pixelAt(r.url, (fx - left) * scale, (fy - top) * scale))).toBe(true);
      const meta = await sharp(fs.readFileSync(path.join(app.strapi.dirs.static.public, r.url))).metadata();
      expect([meta.width, meta.height]).toEqual([r.width, r.height]);
    }
  });

  it('article JSON-LD `image` is the three ImageObjects with url, width and height', async () => {
    const res = await app.http().get(`/api/articles/slug/${encodeURIComponent(article.slug)}`);
    expect(res.status).toBe(200);
    const ld = JSON.parse(res.body.data.jsonLd);
    const origin = ld.image[0].url.replace(/\/uploads\/.*$/, '');
    expect(ld.image).toEqual(
      (['discover_wide', 'discover_standard', 'discover_square'] as const).map((k) => ({
        '@type': 'ImageObject',
        url: origin + file.formats[k].url,
        width: file.formats[k].width,
        height: file.formats[k].height,
      })),
    );
    expect(ld.image.map((i: any) => i.width / i.height)).toEqual([16 / 9, 4 / 3, 1]);
  });

  it('the article API gives seo.maxImagePreview (large by default) and the robots guidance', async () => {
    const plain = (await app.http().get(`/api/articles/slug/${encodeURIComponent(article.slug)}`)).body.data;
    expect(plain.robots).toBe('index, follow, max-image-preview:large');
    const withSeo = await story({ title: 'صورة بترخيص مصغّر', seo: { metaDescription: 'وصف', maxImagePreview: 'standard' } });
    const res = (await app.http().get(`/api/articles/slug/${encodeURIComponent(withSeo.slug)}`)).body.data;
    expect(res.seo.maxImagePreview).toBe('standard');
    expect(res.robots).toBe('index, follow, max-image-preview:standard');
    const defaulted = await story({ title: 'وصف فقط', seo: { metaDescription: 'وصف' } });
    const d = (await app.http().get(`/api/articles/slug/${encodeURIComponent(defaulted.slug)}`)).body.data;
    expect(d.seo.maxImagePreview).toBe('large');
    const bad = await app.http().post('/api/articles').set(f.auth).send({ data: { title: 'قيمة خاطئة', seo: { maxImagePreview: 'huge' } } });
    expect(bad.status).toBe(400);
  });

  it('Media RSS carries the largest rendition with its width, height and fileSize', async () => {
    const res = await getText(app, '/api/feeds/rss');
    expect(res.status).toBe(200);
    expect(await xmlErrors(res.body)).toEqual([]);
    const item = feedsmithRss(res.body).items!.find((i) => i.title === 'صورة للاكتشاف')!;
    const content = item.media!.contents![0];
    const square = file.formats.discover_square;
    expect(content.url).toMatch(new RegExp(`${square.url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
    expect(content).toMatchObject({ width: 1200, height: 1200, fileSize: square.sizeInBytes, medium: 'image', type: 'image/jpeg' });
  });

  it('moving the focal point cuts the renditions again under new names and deletes the old files', async () => {
    const before = file.formats;
    const moved = { x: 10, y: 70 };
    const res = await app.http().post(`/api/upload?id=${file.id}`).set(f.auth).field('fileInfo', JSON.stringify({ focalPoint: moved }));
    expect(res.status).toBe(200);
    const stored = await app.strapi.db.query('plugin::upload.file').findOne({ where: { id: file.id } });
    expect(stored.focalPoint).toEqual(moved);
    for (const key of Object.keys(RATIOS)) {
      const r = stored.formats[key];
      expect(r.hash).not.toBe(before[key].hash);
      expect(r.focalPoint).toEqual({ x: 0.1, y: 0.7 });
      const fx = 0.1 * W;
      const fy = 0.7 * H;
      expect(fx).toBeGreaterThanOrEqual(r.crop.left);
      expect(fx).toBeLessThanOrEqual(r.crop.left + r.crop.width);
      expect(fy).toBeGreaterThanOrEqual(r.crop.top);
      expect(fy).toBeLessThanOrEqual(r.crop.top + r.crop.height);
      expect(fs.existsSync(path.join(app.strapi.dirs.static.public, r.url))).toBe(true);
      expect(fs.existsSync(path.join(app.strapi.dirs.static.public, before[key].url))).toBe(false);
    }
    // Strapi's own formats are untouched; the article's JSON-LD follows the new crops.
    expect(stored.formats.xlarge.hash).toBe(before.xlarge.hash);
    // (The read model re-renders the article after the commit.)
    expect(await jsonLdImage((url) => !!url?.endsWith(stored.formats.discover_wide.url))).toContain(stored.formats.discover_wide.url);
  });

  it('replacing the image keeps its focal point: the new crops are cut around it', async () => {
    const moved = { x: 10, y: 70 };
    const res = await app
      .http()
      .post(`/api/upload?id=${file.id}`)
      .set(f.auth)
      .attach('files', await testImage(moved), { filename: 'discover-test-2.jpg', contentType: 'image/jpeg' });
    expect(res.status).toBe(200);
    const stored = await app.strapi.db.query('plugin::upload.file').findOne({ where: { id: file.id } });
    expect(stored.focalPoint).toEqual(moved);
    for (const key of Object.keys(RATIOS)) {
      const r = stored.formats[key];
      expect(r.focalPoint).toEqual({ x: 0.1, y: 0.7 });
      const scale = r.width / r.crop.width;
      expect(isRed(await pixelAt(r.url, (0.1 * W - r.crop.left) * scale, (0.7 * H - r.crop.top) * scale))).toBe(true);
    }
    expect(await jsonLdImage((url) => !!url?.endsWith(stored.formats.discover_wide.url))).toContain(stored.formats.discover_wide.url);
  });

  it('deleting the file deletes every rendition', async () => {
    const stored = await app.strapi.db.query('plugin::upload.file').findOne({ where: { id: file.id } });
    const urls = Object.values(stored.formats as Record<string, { url: string }>).map((x) => x.url);
    await app.strapi.plugin('upload').service('upload').remove(stored);
    for (const url of urls) expect(fs.existsSync(path.join(app.strapi.dirs.static.public, url))).toBe(false);
    // The read model re-renders the article after the commit: its JSON-LD loses the images.
    expect(await jsonLdImage((url) => url === undefined)).toBeUndefined();
    // Let the last background refresh end before the suite stops the app.
    await new Promise((r) => setTimeout(r, 500));
    await (app.strapi.service('api::article.read-model') as unknown as { idle(): Promise<void> }).idle();
  });
});
