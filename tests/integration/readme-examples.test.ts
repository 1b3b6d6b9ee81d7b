/**
 * Every curl and GraphQL example of the README, run against the shipped demo
 * content (src/seed/demo-content.ts) in the order the README gives them: each
 * must answer 2xx (a revalidation with the current ETag: 304) with content — a
 * non-empty list, a document, feed items, GraphQL data without errors and
 * without a null or empty root field. The placeholders and variables the README
 * uses are listed in its "Examples" note and bound here.
 */
import fs from 'node:fs';
import path from 'node:path';
import { appDir, getText, startStrapi, type TestApp } from '../helpers/strapi';
import { adminUser } from '../helpers/admin';
import { readmeExamples, type ExampleRequest } from '../helpers/readme-examples';
import { seedDemo } from '../../src/bootstrap/demo-seed';
import { createClassToken } from '../../src/infra/api-tokens';
import { demoContent } from '../../src/seed/demo-content';

const README = fs.readFileSync(path.join(appDir, 'README.md'), 'utf8');

let app: TestApp;
/** `<etag>` stands for the ETag of the last response of that URL: fetched when the example runs. */
const CURRENT_ETAG = 'current-etag-of-this-url';
const variables: Record<string, string> = {};
const placeholders: Record<string, string> = {};

const documentIdOf = async (uid: string, filters: Record<string, unknown>) => {
  const doc = await app.strapi.documents(uid as any).findFirst({ locale: 'ar', filters, fields: ['documentId'] } as any);
  if (!doc) throw new Error(`no demo ${uid} ${JSON.stringify(filters)}`);
  return doc.documentId as string;
};

beforeAll(async () => {
  app = await startStrapi();
  expect(await seedDemo(app.strapi)).toBeGreaterThan(0);
  const opec = demoContent.articles.find((a) => a.key === 'opec-plus-output')!;
  const articleId = await documentIdOf('api::article.article', { title: opec.ar.title });
  Object.assign(placeholders, {
    documentId: articleId,
    sectionDocumentId: await documentIdOf('api::section.section', { name: demoContent.sections.find((s) => s.key === 'economy')!.ar.name }),
    authorDocumentId: await documentIdOf('api::author.author', { name: demoContent.authors.find((a) => a.key === opec.authorKeys[0])!.ar.name }),
    etag: CURRENT_ETAG, // resolved just before the example is sent
  });
  // The demo's live coverage, and its newest seeded entry (the README posts one more first, so `before=` it has older ones).
  const storm = demoContent.articles.find((a) => a.live)!;
  placeholders.liveDocumentId = await documentIdOf('api::article.article', { title: storm.ar.title });
  const newest = await app.strapi.db.query('api::live-entry.live-entry').findOne({ where: { coverage: placeholders.liveDocumentId, locale: 'ar' }, orderBy: { postedAt: 'desc' }, select: ['documentId'] });
  placeholders.entryDocumentId = newest.documentId;
  Object.assign(variables, {
    DOC: articleId,
    TOKEN: await app.apiToken('full-access'),
    PREVIEW_TOKEN: (await createClassToken(app.strapi, 'preview', 'README preview')).accessKey,
    PARTNER_TOKEN: (await createClassToken(app.strapi, 'partner', 'README partner')).accessKey,
    ADMIN_JWT: (await adminUser(app, 'strapi-super-admin')).token,
  });
  // The newest revision of that article (the demo seed writes through the Document Service, so the desk kept one).
  const revision = await app.strapi.db.connection('article_revisions').where({ document_id: articleId, locale: 'ar' }).orderBy('id', 'desc').first('id');
  variables.REV = String(revision.id);
});
afterAll(async () => {
  await app?.stop();
});

const bound = (kind: string, table: Record<string, string>) => (name: string) => {
  if (!(name in table)) throw new Error(`README ${kind} "${name}" is not bound in tests/integration/readme-examples.test.ts`);
  return table[name];
};

async function send(ex: ExampleRequest) {
  for (const [name, value] of Object.entries(ex.headers)) {
    if (value.includes(CURRENT_ETAG)) {
      const etag = (await app.http().get(ex.path)).headers.etag;
      if (!etag) throw new Error(`${ex.path} answered without an ETag`);
      ex.headers[name] = value.replace(`"${CURRENT_ETAG}"`, etag);
    }
  }
  const req = app.http()[ex.method.toLowerCase() as 'get' | 'post' | 'put' | 'delete' | 'head'](ex.path);
  for (const [k, v] of Object.entries(ex.headers)) req.set(k, v);
  if (ex.body !== undefined) req.send(ex.body);
  return req.buffer(true).parse((res, cb) => {
    let data = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => (data += chunk));
    res.on('end', () => cb(null, data));
  });
}

/** Why a response does not show the example working, or null. */
function problemOf(ex: ExampleRequest, status: number, text: string): string | null {
  if (ex.conditional) return status === 304 ? null : `${status}, expected 304 for the current ETag`;
  if (status < 200 || status >= 300) return `${status}: ${text.slice(0, 300)}`;
  if (!text.trim()) return 'empty body';
  if (/^\s*</.test(text)) return /<(item|entry|url|sitemap)>/.test(text) ? null : `no items: ${text.slice(0, 300)}`;
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    return `neither XML nor JSON: ${text.slice(0, 200)}`;
  }
  const empty = (v: unknown) => v === null || v === undefined || (Array.isArray(v) && v.length === 0);
  if (Array.isArray(json)) return json.length ? null : 'empty array';
  if (json.errors) return `GraphQL errors: ${JSON.stringify(json.errors).slice(0, 300)}`;
  if ('items' in json) return empty(json.items) ? 'no feed items' : null;
  if (empty(json.data)) return `no data: ${text.slice(0, 300)}`;
  if (ex.path === '/graphql') {
    const nulls = Object.entries(json.data).filter(([, v]) => empty(v) || (typeof v === 'object' && 'items' in (v as object) && empty((v as any).items)));
    if (nulls.length) return `GraphQL fields without content: ${nulls.map(([k]) => k).join(', ')}`;
  }
  return null;
}

describe('README examples', () => {
  it('every curl and GraphQL example answers with content on the demo', async () => {
    const examples = readmeExamples(README, { variable: bound('variable', variables), placeholder: bound('placeholder', placeholders) });
    expect(examples.length).toBeGreaterThanOrEqual(30);
    const failures: string[] = [];
    for (const ex of examples) {
      const res = await send(ex);
      const problem = problemOf(ex, res.status, typeof res.body === 'string' ? res.body : '');
      if (problem) failures.push(`README.md:${ex.line} ${ex.method} ${decodeURI(ex.path)} → ${problem}\n  ${ex.source.split('\n')[0]}`);
    }
    expect(failures).toEqual([]);
  });

  it('the by-slug example is the seeded NATO story', async () => {
    const example = readmeExamples(README, { variable: bound('variable', variables), placeholder: bound('placeholder', placeholders) }).find(
      (ex) => ex.kind === 'curl' && ex.path.startsWith('/api/articles/slug/') && !ex.path.includes('fallback'),
    );
    expect(example).toBeDefined();
    const res = await getText(app, example!.path);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body).data.title).toBe(demoContent.articles.find((a) => a.key === 'nato-brussels')!.ar.title);
  });
});
