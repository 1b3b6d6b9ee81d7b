/**
 * One rule, every surface. Seeds canaries — a never-published (embargoed)
 * draft, an unpublished edit of a live story, a private e-mail and a private
 * schedule — then asks every public surface, as every caller class without the
 * drafts permission, and asserts the same answer everywhere: REST list,
 * detail, by-slug and populate from sections/authors/tags, GraphQL root and
 * nested, feeds, sitemaps, search and the JSON-LD inside them.
 */
import { startStrapi, type TestApp } from '../helpers/strapi';
import { CANARY, canariesIn, LIVE_TITLE, seedCanaries, type Canaries } from '../helpers/canaries';
import { stableId } from '../../src/lib/feed-item';
import { openSse, originOf } from '../helpers/sse';
import { adminUser } from '../helpers/admin';

let app: TestApp;
let ids: Canaries;
/** Every body a caller without the drafts permission received, scanned for canaries at the end. */
const seen: Array<{ who: string; what: string; body: string }> = [];

const callers = ['anonymous', 'read-only', 'partner'] as const;
type Caller = (typeof callers)[number] | 'preview';
const auth = (who: Caller): Record<string, string> => (who === 'anonymous' ? {} : { Authorization: `Bearer ${ids.tokens[who]}` });

async function get(who: Caller, url: string) {
  const res = await app.http().get(url).set(auth(who));
  if (who !== 'preview') seen.push({ who, what: `GET ${url}`, body: res.text });
  return res;
}
async function gql(who: Caller, query: string, variables: Record<string, unknown> = {}) {
  const res = await app.http().post('/graphql').set(auth(who)).send({ query, variables });
  if (who !== 'preview') seen.push({ who, what: `GraphQL ${query}`, body: res.text });
  return res;
}

/** A story taken down (withheld), whose draft then got a canary edit: its notice must show none of it. */
let withheld: { documentId: string; uri: string };

beforeAll(async () => {
  app = await startStrapi();
  ids = await seedCanaries(app);
  const docs = app.strapi.documents('api::article.article');
  const story = await docs.create({ locale: 'ar', status: 'published', data: { title: 'خبر سحب للمراجعة', section: ids.section.documentId } } as any);
  await docs.unpublish({ documentId: story.documentId, locale: 'ar', takedown: { kind: 'withhold', reason: 'مراجعة قانونية' } } as any);
  await docs.update({ documentId: story.documentId, locale: 'ar', status: 'draft', data: { title: `عنوان ${CANARY.edit}`, excerpt: CANARY.draft } } as any);
  withheld = { documentId: story.documentId, uri: stableId(story.documentId, 'ar') };
});
afterAll(async () => {
  await app?.stop();
});

const queryFieldsWithArg = async (arg: string): Promise<Array<{ name: string; required: string[] }>> => {
  const res = await app.http().post('/graphql').send({ query: '{ __schema { queryType { fields { name args { name type { kind } } } } } }' });
  return res.body.data.__schema.queryType.fields
    .filter((fld: any) => fld.args.some((a: any) => a.name === arg))
    .map((fld: any) => ({ name: fld.name, required: fld.args.filter((a: any) => a.type.kind === 'NON_NULL').map((a: any) => a.name) }));
};

describe('drafts: refused to every caller without the drafts permission, on every surface', () => {
  const restDraftUrls = () => [
    '/api/articles?status=draft',
    `/api/articles/${ids.draft.documentId}?status=draft`,
    `/api/articles/slug/${encodeURIComponent(ids.draft.slug)}?status=draft`,
    '/api/sections?status=draft&populate[articles][fields][0]=title',
    `/api/sections/${ids.section.documentId}?status=draft&populate=*`,
    '/api/authors?status=draft&populate[articles][fields][0]=title',
    '/api/tags?status=draft&populate[articles][fields][0]=title',
    '/api/articles?publicationFilter=never-published-document',
    '/api/articles?hasPublishedVersion=false',
    '/api/sections?publicationFilter=has-published-version-document',
  ];

  it.each(callers)('REST answers 403 naming the parameter (%s)', async (who) => {
    for (const url of restDraftUrls()) {
      const res = await get(who, url);
      // Partners' feed-only tokens are refused the route itself before the parameter.
      expect([403]).toContain(res.status);
      if (who !== 'partner') expect(res.body.error.details.errors[0].path[0]).toMatch(/^(status|publicationFilter|hasPublishedVersion)$/);
    }
  });

  it('GraphQL refuses status: DRAFT on every query that takes it, anonymously and with a read-only token', async () => {
    const fields = await queryFieldsWithArg('status');
    expect(fields.map((fld) => fld.name)).toEqual(expect.arrayContaining(['articles', 'article', 'articles_connection']));
    for (const who of ['anonymous', 'read-only'] as const) {
      for (const { name: field, required } of fields) {
        const args = [...required.map((a) => `${a}: "${a === 'documentId' ? ids.draft.documentId : 'x'}"`), 'status: DRAFT'].join(', ');
        const selection = field.endsWith('_connection') ? '{ nodes { __typename } }' : '{ __typename }';
        const res = await gql(who, `{ ${field}(${args}) ${selection} }`);
        expect([field, res.body.errors?.[0]?.extensions?.code]).toEqual([field, 'FORBIDDEN']);
        expect(res.body.data?.[field] ?? null).toBeNull();
      }
    }
    const filter = await gql('anonymous', '{ articles(hasPublishedVersion: false) { title } }');
    expect(filter.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('the preview token (drafts permission) gets the draft on REST and GraphQL', async () => {
    const rest = await get('preview', `/api/articles/${ids.draft.documentId}?status=draft`);
    expect(rest.status).toBe(200);
    expect(rest.body.data.title).toContain(CANARY.draft);
    const slug = await get('preview', `/api/articles/slug/${encodeURIComponent(ids.draft.slug)}?status=draft`);
    expect(slug.status).toBe(200);
    const graph = await gql('preview', `{ article(documentId: "${ids.draft.documentId}", status: DRAFT) { title } }`);
    expect(graph.body.data.article.title).toContain(CANARY.draft);
  });

  it('a custom token without the drafts permission gets 403, even holding find on articles', async () => {
    const reader = await app.apiToken('custom', ['api::article.article.find', 'api::article.article.findOne']);
    const res = await app.http().get('/api/articles?status=draft').set({ Authorization: `Bearer ${reader}` });
    expect(res.status).toBe(403);
    expect(res.body.error.details.errors[0].path).toEqual(['status']);
  });
});

describe('revisions (the desk): drafts by another name', () => {
  const urls = () => [
    `/api/articles/${ids.draft.documentId}/revisions`,
    `/api/articles/${ids.live.documentId}/revisions?locale=ar&page=1&pageSize=5`,
    `/api/articles/${ids.draft.documentId}/revisions/1`,
    `/api/articles/${ids.live.documentId}/published-at?at=${encodeURIComponent(new Date().toISOString())}`,
  ];

  it.each(callers)('every revision route is 403 to a caller without the drafts permission (%s)', async (who) => {
    for (const url of urls()) {
      const res = await get(who, url);
      expect([url, res.status]).toEqual([url, 403]);
    }
  });

  it('the preview token (drafts permission) reads the embargoed draft\'s history and what is live', async () => {
    const list = await get('preview', `/api/articles/${ids.draft.documentId}/revisions`);
    expect(list.status).toBe(200);
    expect(list.body.data[0].title).toContain(CANARY.draft);
    const live = await get('preview', `/api/articles/${ids.live.documentId}/published-at?at=${encodeURIComponent(new Date().toISOString())}`);
    expect(live.body.data.content.title).toBe(LIVE_TITLE);
  });

  it('the admin desk routes need an admin session: 401 to everyone else, tokens included', async () => {
    for (const who of ['anonymous', ...callers.filter((c) => c !== 'anonymous'), 'preview'] as Caller[]) {
      for (const url of [`/article-desk/articles/${ids.draft.documentId}`, `/article-desk/articles/${ids.draft.documentId}/revisions`, '/article-desk/revisions/1', '/article-desk/revisions/1/diff', '/article-desk/review-queue', `/article-desk/review-states?documentIds=${ids.draft.documentId}`, `/live-desk/coverage/${ids.draft.documentId}`]) {
        const res = await get(who, url);
        expect([who, url, res.status]).toEqual([who, url, 401]);
      }
    }
  });

  it('the admin related-story suggestions need an admin session too; to an editor they suggest published stories only', async () => {
    const body = { title: CANARY.draft, excerpt: LIVE_TITLE };
    for (const who of ['anonymous', ...callers.filter((c) => c !== 'anonymous'), 'preview'] as Caller[]) {
      const res = await app.http().post('/article-related/suggestions').query({ locale: 'ar' }).set(auth(who)).send(body);
      if (who !== 'preview') seen.push({ who, what: 'POST /article-related/suggestions', body: res.text });
      expect([who, res.status]).toEqual([who, 401]);
    }
    const editor = await adminUser(app, 'newsroom-editor');
    const res = await app.http().post('/article-related/suggestions').query({ locale: 'ar' }).set(editor.auth).send(body);
    expect(res.status).toBe(200);
    expect(res.body.data.map((s: { documentId: string }) => s.documentId)).not.toContain(ids.draft.documentId);
    // What a suggestion shows of a live story with a pending edit is its published version.
    expect(canariesIn(res.text)).toEqual([]);
  });
});

describe('pending edits and never-published drafts never show, whatever the surface', () => {
  it.each(['anonymous', 'read-only'] as const)('REST, populate and JSON-LD show the live version only (%s)', async (who) => {
    const list = await get(who, '/api/articles');
    expect(list.body.data.map((a: any) => a.title)).toEqual([LIVE_TITLE]);
    const one = await get(who, `/api/articles/${ids.live.documentId}`);
    expect(one.body.data.title).toBe(LIVE_TITLE);
    expect(one.body.data.relatedLinks[0].article).toBeNull(); // the linked story is still embargoed
    expect(JSON.parse(one.body.data.jsonLd).headline).toBe(LIVE_TITLE);
    expect((await get(who, `/api/articles/slug/${encodeURIComponent(ids.live.slug)}`)).body.data.title).toBe(LIVE_TITLE);
    expect((await get(who, `/api/articles/${ids.draft.documentId}`)).status).toBe(404);
    expect((await get(who, `/api/articles/slug/${encodeURIComponent(ids.draft.slug)}`)).status).toBe(404);
    for (const url of ['/api/sections?populate=*', `/api/sections/${ids.section.documentId}?populate=*`, '/api/authors?populate=*', '/api/tags?populate=*', '/api/articles?populate=*', `/api/articles?populate[section][populate]=*`]) {
      expect((await get(who, url)).status).toBe(200);
    }
    expect((await get(who, `/api/articles?section=${encodeURIComponent(ids.section.slug)}`)).body.data).toHaveLength(1);
  });

  it('GraphQL root, custom and nested fields show the live version only', async () => {
    const res = await gql('anonymous', `query($slug: String!) {
      articles { title jsonLd relatedLinks { article { title } } }
      article(documentId: "${ids.live.documentId}") { title }
      articleBySlug(slug: $slug) { title section { articles { title } } authors { articles { title } } tags { articles { title } } }
      sections { articles { title } articles_connection { nodes { title } } }
      authors { articles { title } }
      tags { articles { title } }
      searchArticles(q: "النفط") { items { title } total }
    }`, { slug: ids.live.slug });
    expect(res.body.errors).toBeUndefined();
    const d = res.body.data;
    expect(d.articles.map((a: any) => a.title)).toEqual([LIVE_TITLE]);
    expect(d.articles[0].relatedLinks[0].article).toBeNull();
    expect(d.article.title).toBe(LIVE_TITLE);
    expect(d.articleBySlug.section.articles).toEqual([{ title: LIVE_TITLE }]);
    expect(d.sections[0].articles_connection.nodes).toEqual([{ title: LIVE_TITLE }]);
    expect(d.searchArticles).toEqual({ items: [{ title: LIVE_TITLE }], total: 1 });
  });

  it('GraphQL GET (cached, persisted queries) and the read-model paths show the live version only', async () => {
    const query = `{ articles(sort: ["firstPublishedAt:desc"]) { title slug jsonLd } articleBySlug(slug: "${ids.live.slug}") { title body } }`;
    for (const round of ['MISS', 'HIT']) {
      const res = await app.http().get('/graphql').query({ query }).set('apollo-require-preflight', 'true');
      seen.push({ who: 'anonymous', what: `GraphQL GET ${query}`, body: res.text });
      expect([round, res.headers['x-cache'], res.body.errors]).toEqual([round, round, undefined]);
      expect(res.body.data.articles.map((a: any) => a.title)).toEqual([LIVE_TITLE]);
      expect(res.body.data.articleBySlug.title).toBe(LIVE_TITLE);
    }
    // The same through REST's read-model answers (a plain list, an article, by slug).
    for (const url of ['/api/articles', `/api/articles/${ids.live.documentId}`, `/api/articles/slug/${encodeURIComponent(ids.live.slug)}`]) {
      expect((await get('anonymous', url)).status).toBe(200);
    }
  });

  it.each([...callers])('feeds in every format list the live version only (%s)', async (who) => {
    for (const format of ['rss', 'atom', 'json', 'ninjs']) {
      for (const filter of ['', `&section=${encodeURIComponent(ids.section.slug)}`, `&author=${encodeURIComponent(ids.author.slug)}`, `&tag=${encodeURIComponent(ids.tag.slug)}`]) {
        const res = await get(who, `/api/feeds/${format}?locale=ar${filter}`);
        expect(res.status).toBe(200);
        expect(res.text).toContain(format === 'rss' || format === 'atom' ? 'أسعار النفط' : JSON.stringify(LIVE_TITLE).slice(1, -1));
      }
    }
    if (who === 'partner') return; // a feed-only token is for feeds; sitemaps are public
    expect((await get(who, '/api/sitemaps')).status).toBe(200);
    for (const url of ['/api/sitemaps/news?locale=ar', '/api/sitemaps/articles?locale=ar']) {
      const res = await get(who, url);
      expect(res.status).toBe(200);
      expect(res.text).toContain(encodeURIComponent(ids.live.slug).slice(0, 30));
    }
  });

  it.each([...callers])('the API reference (document, page, GraphQL SDL) shows no content at all (%s)', async (who) => {
    for (const url of ['/api/openapi.json', '/api/docs', '/api/schema.graphql']) expect((await get(who, url)).status).toBe(200);
  });

  it.each([...callers])('kill/withhold notices carry the ids, status and reason only: never the draft, on every feed (%s)', async (who) => {
    for (const format of ['atom', 'json', 'ninjs']) {
      for (const filter of ['', `&section=${encodeURIComponent(ids.section.slug)}`]) {
        const res = await get(who, `/api/feeds/${format}?locale=ar${filter}`);
        expect(res.status).toBe(200);
        expect(res.text).toContain(withheld.uri);
        expect(res.text).toContain('مراجعة قانونية');
        expect(res.text).not.toContain('خبر سحب للمراجعة'); // not even the last published headline
      }
    }
    const rss = await get(who, '/api/feeds/rss?locale=ar');
    expect(rss.text).not.toContain(withheld.uri);
    if (who !== 'partner') expect((await get(who, `/api/articles/${withheld.documentId}`)).status).toBe(404);
  });

  it('search finds neither the embargoed draft nor the words of the pending edit', async () => {
    for (const who of ['anonymous', 'read-only'] as const) {
      expect((await get(who, `/api/search?q=${CANARY.draft}`)).body.data).toEqual([]);
      expect((await get(who, `/api/search?q=${CANARY.edit}`)).body.data).toEqual([]);
      expect((await get(who, `/api/search?q=${encodeURIComponent('النفط')}`)).body.data.map((a: any) => a.title)).toEqual([LIVE_TITLE]);
    }
    const graph = await gql('anonymous', `{ a: searchArticles(q: "${CANARY.draft}") { total } b: searchArticles(q: "${CANARY.edit}") { total } }`);
    expect(graph.body.data).toEqual({ a: { total: 0 }, b: { total: 0 } });
  });

  it('related stories suggest neither the embargoed draft (same section and tag) nor from it, on REST and GraphQL', async () => {
    for (const who of ['anonymous', 'read-only'] as const) {
      const related = await get(who, `/api/articles/${ids.live.documentId}/related`);
      expect(related.status).toBe(200);
      expect(related.body.data.map((a: any) => a.documentId)).not.toContain(ids.draft.documentId);
      expect((await get(who, `/api/articles/${ids.draft.documentId}/related`)).status).toBe(404);
    }
    const graph = await gql('anonymous', `{ relatedArticles(documentId: "${ids.live.documentId}") { documentId title } }`);
    expect(graph.body.errors).toBeUndefined();
    expect(graph.body.data.relatedArticles.map((a: any) => a.documentId)).not.toContain(ids.draft.documentId);
    const fromDraft = await gql('anonymous', `{ relatedArticles(documentId: "${ids.draft.documentId}") { title } }`);
    expect(fromDraft.body.data?.relatedArticles ?? null).toBeNull();
    expect(JSON.stringify(fromDraft.body.errors)).toContain('documentId');
  });

  it('the preview page shows nothing without a signed link', async () => {
    const res = await get('anonymous', `/preview/articles/${ids.draft.documentId}?locale=ar&status=draft`);
    expect(res.status).toBe(401);
  });
});

describe('private fields: never shown, filtered, sorted or searched', () => {
  it('refuses _q to public callers; a token cannot find an author by a prefix of the e-mail', async () => {
    for (const type of ['authors', 'articles', 'sections', 'tags']) {
      const res = await get('anonymous', `/api/${type}?_q=canary`);
      expect(res.status).toBe(400);
      expect(res.body.error.details.errors[0].path).toEqual(['_q']);
    }
    const byEmail = await get('read-only', '/api/authors?_q=canary.private');
    expect(byEmail.status).toBe(200);
    expect(byEmail.body.data).toEqual([]);
    const byName = await get('read-only', `/api/authors?_q=${encodeURIComponent('سارة')}`);
    expect(byName.body.data).toHaveLength(1);
  });

  it.each(callers)('filters and sorts on private fields are 400 (%s)', async (who) => {
    for (const url of [
      '/api/authors?filters[email][$startsWith]=canary',
      '/api/authors?sort=email',
      '/api/articles?filters[authors][email][$startsWith]=canary',
      '/api/articles?filters[scheduledPublishAt][$notNull]=true',
      '/api/articles?sort=scheduledUnpublishAt',
      '/api/articles?fields[0]=scheduledPublishAt',
      // The agency's id, version, status and rights on wire copy (src/api/import/services/wire.ts).
      '/api/articles?filters[wireRights][$contains]=a',
      '/api/articles?sort=wireId',
      '/api/articles?fields[0]=wireStatus',
    ]) {
      const res = await get(who, url);
      expect(res.status).toBe(who === 'partner' ? 403 : 400);
    }
  });

  it('GraphQL has no private field to ask for or filter on', async () => {
    for (const query of ['{ authors { email } }', '{ articles { scheduledPublishAt } }', '{ articles { wireId wireRights } }', '{ authors(filters: { email: { startsWith: "canary" } }) { name } }']) {
      const res = await gql('anonymous', query);
      expect(res.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    }
  });
});

describe('locale, page limits and fallback: the same answer on every surface', () => {
  it('an unknown locale is a 400 naming `locale` on REST, feeds, sitemaps and search, and an error on GraphQL', async () => {
    for (const url of ['/api/articles?locale=xx', `/api/articles/${ids.live.documentId}?locale=xx`, `/api/articles/slug/x?locale=xx`, '/api/sections?locale=xx', '/api/feeds/rss?locale=xx', '/api/sitemaps/news?locale=xx', '/api/search?q=x&locale=xx', '/API/ARTICLES?locale=xx']) {
      const res = await get('anonymous', url);
      expect([url, res.status]).toEqual([url, 400]);
      expect(res.body.error.details.errors[0].path).toEqual(['locale']);
    }
    const res = await gql('anonymous', '{ articles(locale: "xx") { title } }');
    expect(res.body.errors[0].message).toMatch(/locale/);
  });

  it('a page over the limit is refused, never silently cut, on every surface', async () => {
    const rest = await get('anonymous', '/api/articles?pagination[pageSize]=101');
    expect(rest.status).toBe(400);
    expect(rest.body.error.details.errors[0].path).toEqual(['pagination', 'pageSize']);
    expect((await get('anonymous', '/api/articles?pagination[limit]=-1')).body.error.details.errors[0].path).toEqual(['pagination', 'limit']);
    expect((await get('anonymous', '/api/feeds/rss?limit=101')).body.error.details.errors[0].path).toEqual(['limit']);
    expect((await get('anonymous', '/api/search?q=x&pageSize=101')).body.error.details.errors[0].path).toEqual(['pageSize']);
    const graph = await gql('anonymous', '{ articles(pagination: { pageSize: 101 }) { title } }');
    expect(graph.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const nested = await gql('anonymous', '{ sections { articles(pagination: { pageSize: 101 }) { title } } }');
    expect(nested.body.errors[0].message).toMatch(/limit|pageSize/);
  });

  it('fallback serves the published version of the other locale, on REST and GraphQL, and is refused on lists', async () => {
    const detail = await get('anonymous', `/api/articles/${ids.live.documentId}?locale=en&fallback=ar`);
    expect(detail.body.data.title).toBe(LIVE_TITLE);
    expect(detail.body.meta).toMatchObject({ requestedLocale: 'en', servedLocale: 'ar' });
    const slug = await get('anonymous', `/api/articles/slug/${encodeURIComponent(ids.live.slug)}?locale=en&fallback=ar`);
    expect(slug.body.data.title).toBe(LIVE_TITLE);
    expect((await get('anonymous', '/api/articles?fallback=ar')).status).toBe(400);
    expect((await get('anonymous', `/api/articles/${ids.draft.documentId}?locale=en&fallback=ar`)).status).toBe(404);
    const graph = await gql('anonymous', `query($slug: String!) { articleBySlug(slug: $slug, locale: "en", fallback: "ar") { title locale } }`, { slug: ids.live.slug });
    expect(graph.body.data.articleBySlug).toEqual({ title: LIVE_TITLE, locale: 'ar' });
  });
});

describe('token classes', () => {
  it('a read-only token cannot list users or the media library, on REST or GraphQL', async () => {
    for (const url of ['/api/users', '/api/users/1', '/api/upload/files', '/api/upload/files/1']) {
      const res = await get('read-only', url);
      expect([url, res.status]).toEqual([url, 403]);
    }
    for (const query of ['{ usersPermissionsUsers { email } }', '{ uploadFiles { url } }', '{ reviewWorkflowsWorkflows { name } }']) {
      const res = await gql('read-only', query);
      expect(res.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    }
  });

  it('a partner (feed-only) token reads feeds and nothing else', async () => {
    expect((await get('partner', '/api/feeds/rss')).status).toBe(200);
    for (const url of ['/api/articles', '/api/authors', '/api/search?q=x', `/api/articles/${ids.live.documentId}/related`, '/api/sitemaps']) expect((await get('partner', url)).status).toBe(403);
  });
});

describe('live coverage: entries of a coverage that is not public never show, whatever the surface', () => {
  /** Reads a stream's replay (Last-Event-ID 0) for a moment, then hangs up: the text it sent. */
  async function streamText(who: Caller, documentId: string): Promise<{ status: number; body: string }> {
    const origin = await originOf(app.strapi.server.httpServer);
    const s = await openSse(`${origin}/api/live/${documentId}/stream`, { ...auth(who), 'Last-Event-ID': '0' });
    if (s.status === 200) await s.waitFor(() => true, 3000).catch(() => undefined);
    s.close();
    const body = s.events.map((e) => `${e.event} ${e.data}`).join('\n');
    seen.push({ who, what: `SSE ${documentId}`, body });
    return { status: s.status, body };
  }

  it.each(['anonymous', 'read-only'] as const)('REST entries and the stream: the live coverage only (%s)', async (who) => {
    const live = await get(who, `/api/live/${ids.live.documentId}/entries`);
    expect(live.status).toBe(200);
    expect(live.body.data.map((e: any) => e.documentId)).toEqual([ids.liveEntry.documentId]);
    expect(live.body.meta.coverage.title).toBe(LIVE_TITLE);
    for (const url of [`/api/live/${ids.draft.documentId}/entries`, `/api/live/${ids.draft.documentId}/entries?since=2000-01-01T00:00:00Z`]) {
      expect((await get(who, url)).status).toBe(404);
    }
    expect((await get(who, `/api/live/${ids.live.documentId}/entries?locale=en`)).status).toBe(404); // no English version
    const stream = await streamText(who, ids.live.documentId);
    expect(stream.status).toBe(200);
    expect(stream.body).toContain(ids.liveEntry.documentId);
    expect((await streamText(who, ids.draft.documentId)).status).toBe(404);
  });

  it.each([...callers])('the coverage feeds list the live coverage entries only (%s)', async (who) => {
    for (const format of ['rss', 'atom', 'json']) {
      const res = await get(who, `/api/live/${ids.live.documentId}/feed/${format}`);
      expect([format, res.status]).toEqual([format, 200]);
      expect(res.text).toContain('تحديث مباشر');
      expect((await get(who, `/api/live/${ids.draft.documentId}/feed/${format}`)).status).toBe(404);
    }
  });

  it('GraphQL: liveCoverage answers null for the embargoed coverage; generated entry queries keep to public coverage', async () => {
    const res = await gql('anonymous', `{ a: liveCoverage(documentId: "${ids.live.documentId}") { title entries { documentId title authors { name } } }
      b: liveCoverage(documentId: "${ids.draft.documentId}") { title entries { title } } }`);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.a).toEqual({ title: LIVE_TITLE, entries: [{ documentId: ids.liveEntry.documentId, title: 'تحديث مباشر', authors: [{ name: 'سارة الكعبي' }] }] });
    expect(res.body.data.b).toBeNull();
    const generated = await gql('read-only', `{ liveEntries(pagination: { pageSize: 100 }) { documentId title } c: liveEntries(filters: { coverage: { eq: "${ids.draft.documentId}" } }) { title } }`);
    expect(generated.body.errors).toBeUndefined();
    expect(generated.body.data).toEqual({ liveEntries: [{ documentId: ids.liveEntry.documentId, title: 'تحديث مباشر' }], c: [] });
    expect((await gql('anonymous', '{ liveEntries { title } }')).body.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('the article JSON-LD lists the live entry and nothing of the embargoed coverage', async () => {
    const one = await get('anonymous', `/api/articles/${ids.live.documentId}`);
    const ld = JSON.parse(one.body.data.jsonLd);
    expect(ld['@type']).toBe('LiveBlogPosting');
    expect(ld.liveBlogUpdate.map((u: any) => u.headline)).toEqual(['تحديث مباشر']);
  });
});

describe('editions (hreflang): alternates name published editions only, on REST and GraphQL alike', () => {
  it.each(['anonymous', 'read-only'] as const)('an unpublished English edition is in no alternates (%s), until it is published', async (who) => {
    const docs = app.strapi.documents('api::article.article');
    const slug = `english-edition-unpublished-${who}`;
    await ids.f.put('sections', ids.section.documentId, { name: 'Economy' }, { locale: 'en' });
    await docs.update({ documentId: ids.live.documentId, locale: 'en', status: 'draft', data: { title: `${CANARY.draft} English edition`, slug, section: ids.section.documentId } } as any);
    const restAlternates = async () => {
      const list = (await get(who, '/api/articles')).body.data.find((a: any) => a.documentId === ids.live.documentId).alternates;
      const one = (await get(who, `/api/articles/${ids.live.documentId}`)).body.data.alternates;
      const bySlug = (await get(who, `/api/articles/slug/${encodeURIComponent(ids.live.slug)}`)).body.data.alternates;
      return [list, one, bySlug];
    };
    // Root list (read model for anonymous readers, resolvers for tokens), by slug, and nested under a section.
    const gqlAlternates = async () => {
      const res = await gql(who, `query($slug: String!) {
        articles { documentId alternates { locale url } }
        articleBySlug(slug: $slug) { alternates { locale url } }
        sections { articles { documentId alternates { locale url } } }
      }`, { slug: ids.live.slug });
      expect(res.body.errors).toBeUndefined();
      const d = res.body.data;
      return [d.articles[0].alternates, d.articleBySlug.alternates, d.sections[0].articles[0].alternates];
    };
    expect(await restAlternates()).toEqual([[], [], []]);
    expect(await gqlAlternates()).toEqual([[], [], []]);
    expect(seen.filter((r) => r.body.includes(slug))).toEqual([]);

    await docs.publish({ documentId: ids.live.documentId, locale: 'en' } as any);
    const published = [{ locale: 'en', url: expect.stringContaining(`/en/`) }];
    const rest = await restAlternates();
    expect(rest).toEqual([published, published, published]);
    expect(rest[0][0].url).toContain(slug);
    expect(await gqlAlternates()).toEqual(rest);
    // Taken down again: gone from every alternates list (and the next case starts from a draft).
    await docs.unpublish({ documentId: ids.live.documentId, locale: 'en' } as any);
    await docs.update({ documentId: ids.live.documentId, locale: 'en', status: 'draft', data: { title: 'English edition' } } as any);
    expect(await restAlternates()).toEqual([[], [], []]);
    expect(await gqlAlternates()).toEqual([[], [], []]);
  });
});

afterAll(() => {
  // The sweep over everything above: no canary in any response to a caller without the drafts permission.
  const leaks = seen.flatMap(({ who, what, body }) => canariesIn(body).map((name) => `${name} canary in ${what} as ${who}`));
  expect(seen.length).toBeGreaterThan(150);
  expect(leaks).toEqual([]);
});
