import { getText, startStrapi, type TestApp } from '../helpers/strapi';
import { Fixtures, paragraph } from '../helpers/fixtures';
import { adminUser, CM_ARTICLES, type AdminSession } from '../helpers/admin';
import { feedsmithAtom, jsonFeedErrors, ninjsErrors, xmlErrors } from '../helpers/feed-checks';

/**
 * Kill and withhold notices (README, "Partners get every change"): every
 * takedown path (the admin's unpublish with its kill/withhold choice, the
 * Document Service without one, the scheduler's expiry, a delete) leaves a
 * notice in ninjs, JSON Feed and Atom — on the very next request, through the
 * response cache — while the story leaves RSS, the sitemaps and search.
 */
let app: TestApp;
let f: Fixtures;
let editor: AdminSession;
let sectionId: string;
let otherSectionId: string;
let partner: string;
const ARTICLE = 'api::article.article';
const DRAFT_CANARY = 'CANARY-DRAFT-BODY-7f3a';

const ninjs = async (query = '', headers: Record<string, string> = {}) => {
  const res = await getText(app, `/api/feeds/ninjs?locale=ar${query}`, headers);
  expect(res.status).toBe(200);
  return { items: JSON.parse(res.body) as any[], text: res.body as string, cache: res.headers['x-cache'] };
};
const feed = async (format: string, headers: Record<string, string> = {}) => {
  const res = await getText(app, `/api/feeds/${format}?locale=ar`, headers);
  expect(res.status).toBe(200);
  return res.body as string;
};

async function publish(title: string, section = sectionId) {
  return f.article({ title, excerpt: `ملخص ${title}`, body: [paragraph(`نص ${title}`)], section });
}

/** The ninjs item (or notice) of an article, found by its permalink slug. */
async function ninjsEntry(slugOrUri: string, query = '') {
  const { items } = await ninjs(query);
  return items.find((i) => i.uri === slugOrUri || i.altids?.[0]?.value.endsWith(`/${encodeURIComponent(slugOrUri)}`));
}

beforeAll(async () => {
  app = await startStrapi({ CRON_ENABLED: 'false', WEBHOOK_DISPATCH_ENABLED: 'false' });
  f = await Fixtures.create(app);
  await app.http().put('/api/site').query({ locale: 'ar' }).set(f.auth).send({ data: { name: 'خليجي 247', baseUrl: 'https://khaleeji247.example' } }).expect(200);
  sectionId = (await f.section('سياسة')).documentId;
  otherSectionId = (await f.section('رياضة')).documentId;
  editor = await adminUser(app, 'newsroom-editor');
  partner = await app.apiToken('custom', ['api::feed.feed.find']);
});
afterAll(async () => {
  await app?.stop();
});

describe('versions', () => {
  it('a correction bumps the ninjs version and the Atom/RSS update dates', async () => {
    const a = await publish('وزير يعلن خطة للطرق');
    const first = await ninjsEntry(a.slug);
    expect(first).toMatchObject({ pubstatus: 'usable', version: '1' });
    expect(ninjsErrors(first)).toEqual([]);
    const atomBefore = feedsmithAtom(await feed('atom')).entries!.find((e: any) => e.id === first.uri)!;
    const rssUpdated = async () => {
      const item = (await feed('rss')).split('<item>').find((x) => x.includes(first.uri))!;
      return new Date(/<atom:updated>([^<]+)<\/atom:updated>/.exec(item)![1]).getTime();
    };
    const rssBefore = await rssUpdated();
    await new Promise((r) => setTimeout(r, 20));

    await f.put('articles', a.documentId, { corrections: [{ date: '2030-02-01T10:00:00.000Z', note: 'الخطة لعشر سنوات لا خمس.' }] }, { locale: 'ar' });
    const second = await ninjsEntry(a.slug);
    expect(second).toMatchObject({ uri: first.uri, pubstatus: 'usable', version: '2' });
    expect(new Date(second.versioncreated).getTime()).toBeGreaterThan(new Date(first.versioncreated).getTime());
    const atomAfter = feedsmithAtom(await feed('atom')).entries!.find((e: any) => e.id === first.uri)!;
    expect(new Date(atomAfter.updated as any).getTime()).toBeGreaterThan(new Date(atomBefore.updated as any).getTime());
    expect(await rssUpdated()).toBeGreaterThan(rssBefore);
    // A draft save changes nothing partners see.
    await f.put('articles', a.documentId, { excerpt: 'مسودة' }, { locale: 'ar', status: 'draft' });
    expect((await ninjsEntry(a.slug)).version).toBe('2');
  });
});

describe('kill and withhold', () => {
  it('the admin unpublish with "kill" and a reason: a canceled notice on the next request, the story gone from RSS, sitemaps and search', async () => {
    const a = await publish('تقرير عن صفقة الأسلحة');
    // Warm every cached surface first: the notice must beat the cache.
    const live = await ninjsEntry(a.slug);
    expect((await ninjs()).cache).toBe('HIT');
    await feed('rss');
    await feed('json');
    await feed('atom');
    const search = () => app.http().get('/api/search').query({ q: 'صفقة الأسلحة', locale: 'ar' });
    expect((await search()).body.data.map((x: any) => x.documentId)).toContain(a.documentId);
    const sitemap = () => getText(app, '/api/sitemaps/articles?locale=ar&page=1').then((r) => r.body as string);
    expect(await sitemap()).toContain(encodeURIComponent(a.slug));

    const res = await app.http().post(`${CM_ARTICLES}/${a.documentId}/actions/unpublish`).query({ locale: 'ar' }).set(editor.auth)
      .send({ takedown: { kind: 'kill', reason: 'معلومات غير دقيقة؛ يرجى حذف المادة.' } });
    expect(res.status).toBe(200);

    const { items, cache } = await ninjs();
    expect(cache).not.toBe('HIT');
    const notice = items.find((i) => i.uri === live.uri);
    expect(notice).toMatchObject({
      uri: live.uri,
      pubstatus: 'canceled',
      version: String(Number(live.version) + 1),
      descriptions: [{ role: 'ednote', contenttype: 'text/plain', value: 'معلومات غير دقيقة؛ يرجى حذف المادة.' }],
      altids: live.altids,
    });
    expect(new Date(notice.versioncreated).getTime()).toBeGreaterThan(new Date(live.versioncreated).getTime());
    expect(notice.headlines).toBeUndefined();
    expect(notice.bodies).toBeUndefined();
    expect(ninjsErrors(notice)).toEqual([]);
    expect(items.filter((i) => i.uri === live.uri)).toHaveLength(1); // the notice replaces the item

    const json = JSON.parse(await feed('json'));
    expect(jsonFeedErrors(json)).toEqual([]);
    const jsonNotice = json.items.find((i: any) => i.id === live.uri);
    expect(jsonNotice._newsroom).toEqual({ status: 'canceled', version: Number(notice.version), reason: 'معلومات غير دقيقة؛ يرجى حذف المادة.' });
    expect(jsonNotice.title).toBeUndefined();
    expect(json.items.filter((i: any) => i._newsroom.status === 'usable').every((i: any) => i.id !== live.uri)).toBe(true);

    const atom = await feed('atom');
    expect(await xmlErrors(atom)).toEqual([]);
    expect(atom).toContain(`<at:deleted-entry ref="${live.uri}" when="${notice.versioncreated}">`);
    expect(atom).toContain('<nr:pubstatus>canceled</nr:pubstatus>');
    expect(feedsmithAtom(atom).entries?.some((e: any) => e.id === live.uri) ?? false).toBe(false);

    expect(await feed('rss')).not.toContain(live.uri);
    expect(await sitemap()).not.toContain(encodeURIComponent(a.slug));
    expect((await search()).body.data.map((x: any) => x.documentId)).not.toContain(a.documentId);
  });

  it('an unpublish that names no choice (Document Service, API) is a withhold; "withhold" from the admin too', async () => {
    const a = await publish('قضية أمام المحكمة');
    const { uri } = await ninjsEntry(a.slug);
    await app.strapi.documents(ARTICLE).unpublish({ documentId: a.documentId, locale: 'ar' });
    expect(await ninjsEntry(uri)).toMatchObject({ pubstatus: 'withheld', version: '2' });
    expect((await ninjsEntry(uri)).descriptions).toBeUndefined();

    const b = await publish('خبر قيد المراجعة القانونية');
    const bUri = (await ninjsEntry(b.slug)).uri;
    const res = await app.http().post(`${CM_ARTICLES}/${b.documentId}/actions/unpublish`).query({ locale: 'ar' }).set(editor.auth)
      .send({ takedown: { kind: 'withhold', reason: 'مراجعة قانونية' } });
    expect(res.status).toBe(200);
    expect(await ninjsEntry(bUri)).toMatchObject({ pubstatus: 'withheld', descriptions: [{ role: 'ednote', value: 'مراجعة قانونية', contenttype: 'text/plain' }] });

    // Republished: usable again, one version later, and the notice is gone.
    await app.strapi.documents(ARTICLE).publish({ documentId: b.documentId, locale: 'ar' });
    const back = (await ninjs()).items.filter((i) => i.uri === bUri);
    expect(back).toEqual([expect.objectContaining({ pubstatus: 'usable', version: '3', headlines: [expect.objectContaining({ value: 'خبر قيد المراجعة القانونية' })] })]);
  });

  it('a scheduled expiry is a withhold; a delete is a kill', async () => {
    const a = await publish('عرض ينتهي اليوم');
    const { uri } = await ninjsEntry(a.slug);
    await f.put('articles', a.documentId, { scheduledUnpublishAt: new Date(Date.now() - 1000).toISOString() }, { locale: 'ar', status: 'draft' });
    const tick = await app.strapi.service('api::article.schedule').runDue(new Date());
    expect(tick.done).toEqual([expect.objectContaining({ kind: 'unpublish', documentId: a.documentId })]);
    expect(await ninjsEntry(uri)).toMatchObject({ pubstatus: 'withheld' });

    const b = await publish('خبر سيحذف');
    const bUri = (await ninjsEntry(b.slug)).uri;
    const del = await app.http().delete(`/api/articles/${b.documentId}`).query({ locale: 'ar' }).set(f.auth);
    expect(del.status).toBeLessThan(300);
    expect(await ninjsEntry(bUri)).toMatchObject({ pubstatus: 'canceled', version: '2' });
  });

  it('a notice never carries a draft body, not even to a full-text partner', async () => {
    const a = await publish('مادة حساسة');
    const { uri } = await ninjsEntry(a.slug);
    await app.strapi.documents(ARTICLE).unpublish({ documentId: a.documentId, locale: 'ar', takedown: { kind: 'kill', reason: 'سحب' } } as any);
    await f.put('articles', a.documentId, { title: 'عنوان المسودة', body: [paragraph(DRAFT_CANARY)] }, { locale: 'ar', status: 'draft' });
    const auth = { Authorization: `Bearer ${partner}` };
    for (const format of ['ninjs', 'json', 'atom', 'rss']) {
      const text = await feed(format, auth);
      expect(text).not.toContain(DRAFT_CANARY);
      expect(text).not.toContain('عنوان المسودة');
    }
    expect((await ninjs('', auth)).items.find((i) => i.uri === uri)).toMatchObject({ pubstatus: 'canceled' });
  });

  it('a takedown moves Last-Modified of RSS and the sitemaps forward: revalidating by date gets the list without the story', async () => {
    await publish('خبر أقدم يبقى منشورا');
    const newest = await publish('أحدث خبر سيحجب بعد قليل');
    const urls = ['/api/feeds/rss?locale=ar', '/api/sitemaps/news?locale=ar', '/api/sitemaps/articles?locale=ar&page=1'];
    const before = await Promise.all(urls.map((url) => getText(app, url)));
    await new Promise((r) => setTimeout(r, 1_100)); // HTTP dates count whole seconds
    await app.strapi.documents(ARTICLE).unpublish({ documentId: newest.documentId, locale: 'ar' });
    for (const [i, url] of urls.entries()) {
      const since = String(before[i].headers['last-modified']);
      const res = await getText(app, url, { 'if-modified-since': since });
      expect([url, res.status]).toEqual([url, 200]);
      expect([url, Date.parse(String(res.headers['last-modified'])) > Date.parse(since)]).toEqual([url, true]);
      expect(res.body).not.toContain(encodeURIComponent(newest.slug));
    }
  });

  it('filtered feeds carry the notices of their own stories only', async () => {
    const a = await publish('مباراة الديربي', otherSectionId);
    const { uri } = await ninjsEntry(a.slug);
    await app.strapi.documents(ARTICLE).unpublish({ documentId: a.documentId, locale: 'ar' });
    const sport = await ninjs(`&section=${encodeURIComponent('رياضة')}`);
    expect(sport.items.find((i) => i.uri === uri)).toMatchObject({ pubstatus: 'withheld' });
    const politics = await ninjs(`&section=${encodeURIComponent('سياسة')}`);
    expect(politics.items.find((i) => i.uri === uri)).toBeUndefined();
    expect((await getText(app, '/api/feeds/ninjs?locale=en')).body).not.toContain(uri);
  });

  it('notices leave the feeds after the retention window', async () => {
    const a = await publish('خبر قديم سحب');
    const { uri } = await ninjsEntry(a.slug);
    await app.strapi.documents(ARTICLE).unpublish({ documentId: a.documentId, locale: 'ar' });
    const auth = { Authorization: `Bearer ${partner}` }; // past the response cache
    expect((await ninjs('', auth)).items.some((i) => i.uri === uri)).toBe(true);
    await app.strapi.db.connection('syndication_versions').where({ document_id: a.documentId }).update({ changed_ms: Date.now() - 8 * 86_400_000 });
    expect((await ninjs('', auth)).items.some((i) => i.uri === uri)).toBe(false);
  });

  it('a malformed takedown is a 400 naming the field, and nothing is unpublished', async () => {
    const a = await publish('خبر يبقى منشوراً');
    const res = await app.http().post(`${CM_ARTICLES}/${a.documentId}/actions/unpublish`).query({ locale: 'ar' }).set(editor.auth)
      .send({ takedown: { kind: 'erase', reason: 'x' } });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0].path).toEqual(['takedown', 'kind']);
    const long = await app.http().post(`${CM_ARTICLES}/${a.documentId}/actions/unpublish`).query({ locale: 'ar' }).set(editor.auth)
      .send({ takedown: { kind: 'kill', reason: 'س'.repeat(501) } });
    expect(long.status).toBe(400);
    expect(long.body.error.details.errors[0].path).toEqual(['takedown', 'reason']);
    expect((await ninjsEntry(a.slug))).toMatchObject({ pubstatus: 'usable', version: '1' });
  });
});

describe('editions (hreflang)', () => {
  it('API alternates, JSON-LD translation links and sitemap hreflang pairs follow the other edition as it appears and goes', async () => {
    const sec = await f.put('sections', sectionId, { name: 'Politics' }, { locale: 'en' });
    const a = await publish('قمة خليجية في الرياض');
    const ar = async () => (await app.http().get(`/api/articles/${a.documentId}`).query({ locale: 'ar' })).body.data;
    expect((await ar()).alternates).toEqual([]);
    expect(JSON.parse((await ar()).jsonLd).workTranslation).toBeUndefined();

    const en = await f.put('articles', a.documentId, { title: 'Gulf summit in Riyadh', section: sectionId }, { locale: 'en' });
    const arUrl = `https://khaleeji247.example/ar/${encodeURIComponent('سياسة')}/${encodeURIComponent(a.slug)}`;
    const enUrl = `https://khaleeji247.example/en/${encodeURIComponent(sec.slug)}/${encodeURIComponent(en.slug)}`;
    // The Arabic responses (cached above) carry the new English edition on the next request.
    const arNow = await ar();
    expect(arNow.alternates).toEqual([{ locale: 'en', url: enUrl }]);
    const enNow = (await app.http().get(`/api/articles/${a.documentId}`).query({ locale: 'en' })).body.data;
    expect(enNow.alternates).toEqual([{ locale: 'ar', url: arUrl }]);
    const bySlug = (await app.http().get(`/api/articles/slug/${encodeURIComponent(a.slug)}`).query({ locale: 'ar' })).body.data;
    expect(bySlug.alternates).toEqual(arNow.alternates);
    const card = (await app.http().get('/api/articles').query({ locale: 'ar' })).body.data.find((x: any) => x.documentId === a.documentId);
    expect(card.alternates).toEqual(arNow.alternates);
    // The Arabic edition came first: it is the original, the English one its translation.
    expect(JSON.parse(arNow.jsonLd).workTranslation).toEqual([{ '@type': 'NewsArticle', '@id': enUrl, url: enUrl, inLanguage: 'en' }]);
    expect(JSON.parse(enNow.jsonLd).translationOfWork).toEqual({ '@type': 'NewsArticle', '@id': arUrl, url: arUrl, inLanguage: 'ar' });

    // Sitemaps: each edition lists both, itself included, on both pages (reciprocal pairs).
    for (const locale of ['ar', 'en']) {
      const xml = (await getText(app, `/api/sitemaps/articles?locale=${locale}&page=1`)).body as string;
      expect(await xmlErrors(xml)).toEqual([]);
      expect(xml).toContain('xmlns:xhtml="http://www.w3.org/1999/xhtml"');
      const entry = xml.split('<url>').find((u) => u.includes(`<loc>${locale === 'ar' ? arUrl : enUrl}</loc>`))!;
      expect(entry).toContain(`<xhtml:link rel="alternate" hreflang="ar" href="${arUrl}"/>`);
      expect(entry).toContain(`<xhtml:link rel="alternate" hreflang="en" href="${enUrl}"/>`);
    }

    // The English edition withdrawn: gone from the Arabic responses and sitemap at once.
    await app.strapi.documents(ARTICLE).unpublish({ documentId: a.documentId, locale: 'en' });
    expect((await ar()).alternates).toEqual([]);
    expect(JSON.parse((await ar()).jsonLd).workTranslation).toBeUndefined();
    const xml = (await getText(app, '/api/sitemaps/articles?locale=ar&page=1')).body as string;
    expect(xml.split('<url>').find((u) => u.includes(arUrl))).not.toContain('xhtml:link');
  });
});
