import { startStrapi, countQueries, isPostgres, type TestApp } from '../helpers/strapi';
import { Fixtures, paragraph } from '../helpers/fixtures';
import { normalizeArabic } from '../../src/lib/arabic-normalize';
import { searchService } from '../../src/api/services';

const UID = 'api::article.article';
let app: TestApp;
let f: Fixtures;
const ids: Record<string, string> = {};
const sections: Record<string, string> = {};

const search = (query: Record<string, string | number>) => app.http().get('/api/search').query(query);
const titles = async (query: Record<string, string | number>, headers: Record<string, string> = {}): Promise<string[]> => {
  const res = await search(query).set(headers);
  expect(res.status).toBe(200);
  return res.body.data.map((a: any) => a.title);
};

beforeAll(async () => {
  app = await startStrapi();
  f = await Fixtures.create(app);
  sections.economy = (await f.section('اقتصاد')).documentId;
  sections.health = (await f.section('صحة')).documentId;
  sections.en = (await f.section('Economy', 'en')).documentId;
  const art = async (key: string, title: string, body: string, section = sections.economy, extra: Record<string, unknown> = {}) => {
    ids[key] = (await f.article({ title, body: [paragraph(body)], section, ...extra })).documentId;
  };
  // Created oldest first: the title hit is older, so only rank can put it first.
  await art('goldTitle', 'الذهب يسجل قمة جديدة', 'ارتفع المعدن الأصفر في التعاملات');
  await art('goldBody', 'تقرير الأسواق الأسبوعي', 'تراجعت الأسهم بينما صعد الذهب والفضة');
  await art('oil', 'أسعار النفط ترتفع', 'صعد خام برنت إلى أعلى مستوى', sections.economy, { excerpt: 'ملخص عن النفط' });
  await art('oil2', 'النفط في الخليج', 'إنتاج النفط مستقر هذا الشهر');
  await art('hospital', 'الـمُـسْتَشْفَى الجديد يفتح أبوابه', 'افتتح المستشفى في المدينة', sections.health);
  await art('budget', 'الميزانية العامة', 'ميزانية عام ٢٠٢٥ تتجاوز التوقعات وعجز 2024 تراجع');
  await art('school', 'افتتاح مدرسة جديدة', 'تستقبل المدرسه الطلاب');
  await art('ad', 'اعلان نتائج المسابقة', 'نتائج المسابقة الثقافية');
  await art('bank', 'قرار البنك المركزي', 'أبقى البنك المركزي على الفائدة');
  await art('bank2', 'البنك يعلن أرباحه', 'قال المصرف المركزي إن البنك حقق أرباحا');
  await art('xss', 'خبر عن التقنية', '<script>alert(1)</script> تطبيقات التقنية & الذكاء');
  ids.draft = (await f.article({ title: 'مسودة سرية عن الطاقة', section: sections.economy }, { draft: true })).documentId;
  ids.en = (await f.article({ title: 'Oil prices rise', body: [paragraph('Brent crude rose')], section: sections.en }, { locale: 'en' })).documentId;
});
afterAll(async () => {
  await app?.stop();
});

describe('Arabic-aware matching', () => {
  it.each([
    ['no hamza finds hamza', 'اسعار', 'أسعار النفط ترتفع'],
    ['hamza finds no hamza', 'إعلان', 'اعلان نتائج المسابقة'],
    ['tashkeel in the query is ignored', 'أَسْعَارُ', 'أسعار النفط ترتفع'],
    ['tatweel in the query is ignored', 'أسـعـار', 'أسعار النفط ترتفع'],
    ['tashkeel and tatweel in the text are ignored', 'المستشفى', 'الـمُـسْتَشْفَى الجديد يفتح أبوابه'],
    ['ى in the query finds ي and ى', 'المستشفي', 'الـمُـسْتَشْفَى الجديد يفتح أبوابه'],
    ['Latin digits find Arabic-Indic digits', '2025', 'الميزانية العامة'],
    ['Arabic-Indic digits find Latin digits', '٢٠٢٤', 'الميزانية العامة'],
    ['ة finds ه', 'مدرسة', 'افتتاح مدرسة جديدة'],
    ['ه finds ة', 'مدرسه', 'افتتاح مدرسة جديدة'],
  ])('%s', async (_name, q, expected) => {
    expect(await titles({ q })).toContain(expected);
  });

  it('a quoted phrase needs the words together and in order', async () => {
    expect(await titles({ q: '"البنك المركزي"' })).toEqual(['قرار البنك المركزي']);
    expect((await titles({ q: 'البنك المركزي' })).sort()).toEqual(['البنك يعلن أرباحه', 'قرار البنك المركزي'].sort());
  });

  it('-word excludes and "or" widens', async () => {
    expect(await titles({ q: 'النفط -برنت' })).toEqual(['النفط في الخليج']);
    expect((await titles({ q: 'الأسهم or برنت' })).sort()).toEqual(['أسعار النفط ترتفع', 'تقرير الأسواق الأسبوعي'].sort());
  });

  it('ranks a title hit above a body hit', async () => {
    const res = await search({ q: 'الذهب' });
    expect(res.body.data.map((a: any) => a.documentId)).toEqual([ids.goldTitle, ids.goldBody]);
  });

  it('returns cards with a <mark> snippet cut from the original text, HTML escaped', async () => {
    const res = await search({ q: 'الذهب' });
    const body = res.body.data.find((a: any) => a.documentId === ids.goldBody);
    expect(body.snippet).toContain('<mark>الذهب</mark>');
    expect(body).toMatchObject({ section: { slug: expect.any(String) }, locale: 'ar' });
    expect(body.body).toBeUndefined();
    const hamza = (await search({ q: 'اسعار' })).body.data[0];
    expect(hamza.snippet).toContain('<mark>أسعار</mark>');
    const xss = (await search({ q: 'التقنية' })).body.data[0];
    expect(xss.snippet).toContain('&#60;script&#62;');
    expect(xss.snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
  });
});

describe('what is never found', () => {
  it('drafts never leak', async () => {
    expect(await titles({ q: 'سرية' })).toEqual([]);
    const edited = await f.put('articles', ids.oil2, { title: 'النفط في الخليج', body: [paragraph('كلمةمسودة جديدة')] }, { status: 'draft' });
    expect(edited.documentId).toBe(ids.oil2);
    expect(await titles({ q: 'كلمةمسودة' })).toEqual([]);
    expect(await titles({ q: 'مستقر' })).toEqual(['النفط في الخليج']);
  });

  it('other locales never leak', async () => {
    expect(await titles({ q: 'oil' })).toEqual([]);
    expect(await titles({ q: 'oil', locale: 'en' })).toEqual(['Oil prices rise']);
    expect(await titles({ q: 'النفط', locale: 'en' })).toEqual([]);
  });
});

describe('filters and pagination', () => {
  it('filters by section slug and 404s an unknown one', async () => {
    const health = await app.http().get(`/api/sections/${sections.health}`);
    expect(await titles({ q: 'المستشفى', section: health.body.data.slug })).toHaveLength(1);
    expect(await titles({ q: 'الذهب', section: health.body.data.slug })).toEqual([]);
    const res = await search({ q: 'الذهب', section: 'لا-يوجد' });
    expect(res.status).toBe(404);
    expect(res.body.error.details.errors[0].path).toEqual(['section']);
  });

  it('paginates with total and pageCount', async () => {
    const first = await search({ q: 'الذهب', pageSize: 1 });
    const second = await search({ q: 'الذهب', pageSize: 1, page: 2 });
    const third = await search({ q: 'الذهب', pageSize: 1, page: 3 });
    expect(first.body.meta.pagination).toEqual({ page: 1, pageSize: 1, pageCount: 2, total: 2 });
    expect(second.body.data[0].documentId).toBe(ids.goldBody);
    expect(third.body.data).toEqual([]);
    expect(third.body.meta.pagination.total).toBe(2);
  });

  it('pages through title hits, then excerpt hits, then body hits: each once, the total on every page', async () => {
    const made: Record<string, string> = {};
    const add = async (key: string, data: Record<string, unknown>) => {
      made[key] = (await f.article({ section: sections.health, ...data })).documentId;
    };
    // Oldest first.
    await add('title1', { title: 'كنز أثري في الصحراء', body: [paragraph('نص الخبر')] });
    await add('body1', { title: 'خبر أول', body: [paragraph('عثر الصيادون على كنز')] });
    await add('title2', { title: 'كنز في قاع البحر', body: [paragraph('لؤلؤ ومرجان')] });
    await add('body2', { title: 'خبر ثان', body: [paragraph('قصة كنز قديم')] });
    await add('excerpt', { title: 'خبر ثالث', excerpt: 'حكاية كنز مفقود', body: [paragraph('تفاصيل')] });
    await add('body3', { title: 'خبر رابع', body: [paragraph('ما زال كنز الملك مفقودا')] });

    const pages = [];
    for (let page = 1; page <= 4; page++) pages.push(await search({ q: 'كنز', pageSize: 2, page }));
    pages.forEach((res) => expect(res.body.meta.pagination).toMatchObject({ total: 6, pageCount: 3 }));
    expect(pages[3].body.data).toEqual([]);
    const order = pages.flatMap((res) => res.body.data.map((a: any) => a.documentId));
    expect([...order].sort()).toEqual(Object.values(made).sort());
    const key = Object.fromEntries(Object.entries(made).map(([k, v]) => [v, k]));
    const kinds = order.map((id) => key[id].replace(/\d$/, ''));
    expect(kinds).toEqual(['title', 'title', 'excerpt', 'body', 'body', 'body']);
    // PostgreSQL: equal ranks and the body-only matches come newest first (SQLite orders them by bm25).
    if (isPostgres) expect(order.map((id) => key[id])).toEqual(['title2', 'title1', 'excerpt', 'body3', 'body2', 'body1']);

    // An exclusion that only the body of a title hit contains.
    const excluded = await search({ q: 'كنز -لؤلؤ', pageSize: 2, page: 1 });
    expect(excluded.body.meta.pagination.total).toBe(5);
    expect(excluded.body.data.map((a: any) => a.documentId)).toEqual([made.title1, made.excerpt]);
    const last = await search({ q: 'كنز -لؤلؤ', pageSize: 2, page: 3 });
    expect(last.body.data).toHaveLength(1);
  });

  it.each([
    [{ q: '' }, 'q'],
    [{ q: '   ' }, 'q'],
    [{ q: 'ا'.repeat(201) }, 'q'],
    [{ q: '-النفط' }, 'q'],
    [{ q: 'النفط', page: 0 }, 'page'],
    [{ q: 'النفط', page: 'x' }, 'page'],
    [{ q: 'النفط', pageSize: 101 }, 'pageSize'],
    [{ q: 'النفط', pageSize: '2.5' }, 'pageSize'],
    [{ q: 'النفط', digits: 'roman' }, 'digits'],
  ])('400 for %j naming %s', async (query, field) => {
    const res = await search(query as any);
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('ValidationError');
    expect(res.body.error.details.errors[0].path).toEqual([field]);
  });

  it('treats quotes, semicolons, backslashes and question marks in q as text', async () => {
    for (const q of ["النفط'; DROP TABLE article_search; --", 'النفط?', 'النفط\\', '"النفط', "O'Reilly \\' ? $1"]) {
      const res = await search({ q });
      expect([q, res.status]).toEqual([q, 200]);
    }
    expect(await titles({ q: 'النفط?' })).toContain('أسعار النفط ترتفع');
  });

  it('400 without q at all, and for an unknown locale', async () => {
    expect((await app.http().get('/api/search')).status).toBe(400);
    expect((await search({ q: 'النفط', locale: 'fr' })).status).toBe(400);
  });

  it('loads a page of cards in a constant number of queries', async () => {
    // Words found only in bodies, so both pages take the same path (past the title/excerpt matches).
    const q = 'برنت or الأسهم or الفائدة or المعدن or التوقعات or الطلاب';
    const one = await countQueries(app.strapi, () => search({ q, pageSize: 1 }));
    const many = await countQueries(app.strapi, () => search({ q, pageSize: 20 }));
    expect(many.result.body.data.length).toBeGreaterThan(4);
    expect(many.count).toBe(one.count);
  });
});

describe('search result cards (anonymous readers: the read model)', () => {
  // Statements that load cards: on the articles tables, not the search index or the read model.
  const cardQueries = (sql: string[]) => sql.filter((q) => /\barticles/.test(q) && !/article_search|article_read/.test(q)).length;

  it("come rendered from the read model; a token's cards are rendered for it", async () => {
    const section = (await f.section('مطبخ')).documentId;
    const author = (await f.author('سلمى الشامسي')).documentId;
    for (const title of ['وصفة كبسة الدجاج', 'كبسة اللحم في المطبخ الخليجي']) {
      await f.article({ title, body: [paragraph('طبق كبسة تقليدي')], section, authors: [author] });
    }
    const cold = await countQueries(app.strapi, () => search({ q: 'كبسة' }));
    expect(cold.result.body.data).toHaveLength(2);
    expect(cold.result.body.data[0]).toMatchObject({ section: { name: 'مطبخ' }, authors: [{ name: 'سلمى الشامسي' }] });
    expect(cardQueries(cold.sql)).toBe(0);
    expect(cold.sql.some((q) => /article_read/.test(q))).toBe(true);

    // Authenticated requests are sanitized for their token, through the articles tables.
    const token = await app.apiToken('read-only');
    const partner = await countQueries(app.strapi, () => search({ q: 'كبسة', pageSize: 18 }).set({ Authorization: `Bearer ${token}` }));
    expect(partner.result.body.data.map((a: any) => a.title)).toEqual(cold.result.body.data.map((a: any) => a.title));
    expect(cardQueries(partner.sql)).toBeGreaterThan(0);
  });

  it('a change to the article, its section or its author reaches the next search', async () => {
    const section = (await f.section('منوعات')).documentId;
    const author = (await f.author('راشد المهيري')).documentId;
    const doc = (await f.article({ title: 'مهرجان التمور', body: [paragraph('رطب')], section, authors: [author] })).documentId;
    const card = async (pageSize: number) => (await search({ q: 'التمور', pageSize })).body.data[0];
    expect(await card(20)).toMatchObject({ title: 'مهرجان التمور', section: { name: 'منوعات' } });

    await f.put('articles', doc, { title: 'مهرجان التمور الكبير' });
    expect((await card(19)).title).toBe('مهرجان التمور الكبير');
    await f.put('sections', section, { name: 'منوعات وفنون' });
    expect((await card(18)).section.name).toBe('منوعات وفنون');
    await f.put('authors', author, { name: 'راشد سالم المهيري' });
    expect((await card(17)).authors[0].name).toBe('راشد سالم المهيري');
  });
});

describe('index maintenance', () => {
  it('follows update, unpublish and delete', async () => {
    const created = await f.article({ title: 'زلزال يضرب المنطقة', body: [paragraph('هزة أرضية')], section: sections.economy });
    expect(await titles({ q: 'زلزال' })).toEqual(['زلزال يضرب المنطقة']);
    await f.put('articles', created.documentId, { title: 'إعصار يضرب المنطقة' });
    expect(await titles({ q: 'زلزال' })).toEqual([]);
    expect(await titles({ q: 'اعصار' })).toEqual(['إعصار يضرب المنطقة']);
    await app.strapi.documents(UID).unpublish({ documentId: created.documentId, locale: 'ar' });
    expect(await titles({ q: 'اعصار' })).toEqual([]);
    await app.strapi.documents(UID).publish({ documentId: created.documentId, locale: 'ar' });
    expect(await titles({ q: 'اعصار' })).toEqual(['إعصار يضرب المنطقة']);
    const del = await app.http().delete(`/api/articles/${created.documentId}`).set(f.auth);
    expect(del.status).toBe(204);
    expect(await titles({ q: 'اعصار' })).toEqual([]);
  });

  it('indexes each locale version on its own', async () => {
    const ar = await f.article({ title: 'قمة المناخ', body: [paragraph('المناخ')], section: sections.economy });
    await f.put('articles', ar.documentId, { title: 'Climate summit', section: sections.en }, { locale: 'en' });
    expect(await titles({ q: 'climate', locale: 'en' })).toEqual(['Climate summit']);
    await app.strapi.documents(UID).unpublish({ documentId: ar.documentId, locale: 'en' });
    expect(await titles({ q: 'climate', locale: 'en' })).toEqual([]);
    expect(await titles({ q: 'المناخ' })).toEqual(['قمة المناخ']);
  });

  it('reindex restores a wiped index (and evicts cached search responses)', async () => {
    const before = await titles({ q: 'النفط' });
    expect(before.length).toBeGreaterThan(0);
    if (isPostgres) await app.strapi.db.connection.raw('TRUNCATE article_search, article_search_text');
    else {
      await app.strapi.db.connection.raw('DELETE FROM article_search_fts');
      await app.strapi.db.connection.raw('DELETE FROM article_search');
    }
    // Wiped behind the application's back: only an uncached (authenticated) request sees it.
    expect(await titles({ q: 'النفط' }, f.auth)).toEqual([]);
    const progress: number[] = [];
    const count = await searchService(app.strapi).reindex((done) => progress.push(done), 3);
    expect(count).toBe(progress[progress.length - 1]);
    expect(progress.length).toBeGreaterThan(2);
    expect((await titles({ q: 'النفط' })).sort()).toEqual(before.sort());
  });

  it('the database side normalises exactly like normalizeArabic (PostgreSQL function; SQLite: the words FTS5 holds)', async () => {
    const inputs = [
      'أَسْعَارُ الـنّفط', 'إِعلان آمال ٱلله', 'مستشفى مدرسة', 'مسؤول رئيس', 'کتاب یوم', '٢٠٢٥ ۱۴۰۳ 2024',
      'Hello WORLD Élan', 'a\u200Bb\u200Fc\u202Ad\u2066e\uFEFFf', 'ﻻ ﷲ', '👨\u200D👩\u200D👧 ok', '  كـثير    من   المسافات  ',
      'mixed عربي English ١٢٣', 'e\u200B\u0301',
    ];
    if (isPostgres) {
      for (const input of inputs) {
        const { rows } = await app.strapi.db.connection.raw('SELECT newsroom_normalize_arabic(?) AS n', [input]);
        expect([input, rows[0].n]).toEqual([input, normalizeArabic(input)]);
      }
    } else {
      const doc = await f.article({ title: inputs.join(' | '), section: sections.economy });
      const rows = await app.strapi.db.connection.raw(
        'SELECT f.title FROM article_search_fts f JOIN article_search s ON s.id = f.rowid WHERE s.document_id = ?',
        [doc.documentId],
      );
      // FTS5 gets the words (letters and digits) of the normalised text, separated by spaces.
      expect(rows[0].title).toBe(normalizeArabic(inputs.join(' | ')).match(/[\p{L}\p{N}]+/gu)!.join(' '));
    }
  });
});

describe('GraphQL searchArticles', () => {
  const gql = (query: string, variables: Record<string, unknown> = {}) => app.http().post('/graphql').send({ query, variables });
  const QUERY = `query($q: String!, $page: Int, $pageSize: Int, $locale: I18NLocaleCode, $section: String) {
    searchArticles(q: $q, page: $page, pageSize: $pageSize, locale: $locale, section: $section) {
      items { documentId title section { slug } } snippets total page pageSize pageCount
    }
  }`;

  it('answers like REST', async () => {
    const res = await gql(QUERY, { q: 'الذهب' });
    expect(res.body.errors).toBeUndefined();
    const r = res.body.data.searchArticles;
    expect(r.items.map((i: any) => i.documentId)).toEqual([ids.goldTitle, ids.goldBody]);
    expect(r.snippets[1]).toContain('<mark>الذهب</mark>');
    expect(r).toMatchObject({ total: 2, page: 1, pageSize: 20, pageCount: 1 });
    const en = await gql(QUERY, { q: 'oil', locale: 'en' });
    expect(en.body.data.searchArticles.items.map((i: any) => i.title)).toEqual(['Oil prices rise']);
  });

  it('answers the card relations from the loaded cards: a constant number of queries', async () => {
    const q = 'برنت or الأسهم or الفائدة or المعدن or التوقعات or الطلاب';
    const RELATIONS = `query($q: String!, $pageSize: Int) {
      searchArticles(q: $q, pageSize: $pageSize) { items { title section { slug } authors { name } tags { slug } cover { caption } } total }
    }`;
    const one = await countQueries(app.strapi, () => gql(RELATIONS, { q, pageSize: 1 }));
    const many = await countQueries(app.strapi, () => gql(RELATIONS, { q, pageSize: 20 }));
    expect(many.result.body.errors).toBeUndefined();
    expect(many.result.body.data.searchArticles.items.length).toBeGreaterThan(4);
    expect(many.result.body.data.searchArticles.items[0].section.slug).toEqual(expect.any(String));
    expect(many.count).toBe(one.count);
  });

  it.each([
    [{ q: '' }, 'q'],
    [{ q: 'النفط', pageSize: 500 }, 'pageSize'],
    [{ q: 'النفط', section: 'لا-يوجد' }, 'section'],
  ])('refuses %j', async (variables, field) => {
    const res = await gql(QUERY, variables);
    expect(res.body.data?.searchArticles ?? null).toBeNull();
    expect(JSON.stringify(res.body.errors)).toContain(field);
  });
});
