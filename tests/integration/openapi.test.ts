/**
 * The API reference against the running app: the document is valid OpenAPI
 * 3.1; every documented operation is called with each of its request
 * examples and the real status, media type, headers and JSON body must match
 * what is documented; every route served on a public path is documented
 * (or declared out of scope in src/lib/openapi/scope.ts).
 */
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { validate as validateOpenApi } from '@readme/openapi-parser';
import fs from 'node:fs';
import path from 'node:path';
import { startStrapi, getText, appDir, type TestApp } from '../helpers/strapi';
import { createClassToken } from '../../src/infra/api-tokens';
import { signPreviewToken } from '../../src/lib/preview-token';
import { examplePath } from '../../src/lib/openapi/examples';
import type { OpenApiDocument, OperationObject, RequestExample } from '../../src/lib/openapi/types';

let app: TestApp;
let doc: OpenApiDocument;
const tokens: Record<string, string> = { invalid: 'not-a-valid-token' };
let documentId: string;
let liveDocumentId: string;
/** A published Arabic document of each collection, for `<documentId>` in examples (`/api/authors/{id}` takes an author's). */
const sampleIds: Record<string, string> = {};
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);

beforeAll(async () => {
  app = await startStrapi({ SEED_DEMO: 'true', PREVIEW_SECRET: 'openapi-test-preview-secret' });
  tokens.partner = (await createClassToken(app.strapi, 'partner', 'openapi-partner')).accessKey;
  tokens.preview = (await createClassToken(app.strapi, 'preview', 'openapi-preview')).accessKey;
  const res = await app.http().get('/api/openapi.json');
  expect(res.status).toBe(200);
  doc = res.body;
  // For `OPENAPI_URL=.tmp/openapi.json npm run types:client` without a running app.
  fs.mkdirSync(path.join(appDir, '.tmp'), { recursive: true });
  fs.writeFileSync(path.join(appDir, '.tmp', 'openapi.json'), JSON.stringify(doc, null, 2));
  ajv.addSchema({ $id: 'openapi', components: doc.components } as object);
  // Every collection with a `/api/<collection>/{…}` path: its first published Arabic document.
  const collections = new Set(Object.keys(doc.paths).flatMap((p) => /^\/api\/([^/]+)\/\{/.exec(p)?.[1] ?? []));
  for (const collection of collections) {
    const first = (await app.http().get(`/api/${collection}`).query({ locale: 'ar' })).body?.data?.[0];
    if (first?.documentId) sampleIds[collection] = first.documentId;
  }
  // `<liveDocumentId>`: the demo's live coverage; `<documentId>` of an article: one that is not live (the live routes' 404 examples).
  const live = await app.strapi.db.query('api::article.article').findOne({ where: { isLive: true, publishedAt: { $notNull: true }, locale: 'ar' }, select: ['documentId'] });
  liveDocumentId = live.documentId;
  const cards = (await app.http().get('/api/articles').query({ locale: 'ar' })).body.data as Array<{ documentId: string }>;
  sampleIds.articles = cards.find((a) => a.documentId !== liveDocumentId)!.documentId;
  documentId = sampleIds.articles;
});
afterAll(async () => {
  await app?.stop();
});

const operations = (): Array<{ path: string; method: string; op: OperationObject }> =>
  Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ path, method, op })));

/** `$ref`s into components resolve against the document registered as `openapi`. */
const compile = (schema: object) => ajv.compile(JSON.parse(JSON.stringify(schema).replace(/"#\/components\//g, '"openapi#/components/')));

function fill(value: string, path: string, filledPath: Record<string, string> = {}): string {
  if (value === '<liveDocumentId>') return liveDocumentId;
  if (value === '<documentId>') return sampleIds[/^\/api\/([^/]+)\/\{/.exec(path)?.[1] ?? 'articles'] ?? documentId;
  if (value === '<previewToken>') return signPreviewToken({ documentId: filledPath.documentId ?? documentId, locale: 'ar', status: 'draft' }, 'openapi-test-preview-secret');
  return value;
}

async function call(path: string, method: string, ex: RequestExample) {
  const filled: RequestExample = { ...ex, path: Object.fromEntries(Object.entries(ex.path ?? {}).map(([k, v]) => [k, fill(v, path)])) };
  const url = examplePath(path, filled);
  const query = Object.fromEntries(Object.entries(ex.query ?? {}).map(([k, v]) => [k, fill(v, path, filled.path)]));
  const headers: Record<string, string> = ex.caller && ex.caller !== 'public' ? { Authorization: `Bearer ${tokens[ex.caller]}` } : {};
  if (method === 'post') {
    const req = app.http().post(url).query(query).set(headers).send(ex.body as object);
    const res = await req;
    return { status: res.status, type: String(res.headers['content-type'] ?? ''), headers: res.headers, text: res.text };
  }
  const qs = new URLSearchParams(query).toString();
  const res = await getText(app, qs ? `${url}?${qs}` : url, headers);
  return { status: res.status, type: String(res.headers['content-type'] ?? ''), headers: res.headers, text: res.body as unknown as string };
}

/** The documented response object of a status, components references resolved. */
function documented(op: OperationObject, status: number): { content?: Record<string, { schema: object }>; headers?: Record<string, unknown> } {
  let response = op.responses[String(status)] as { $ref?: string; content?: Record<string, { schema: object }>; headers?: Record<string, unknown> } | undefined;
  if (response?.$ref) response = doc.components.responses[response.$ref.split('/').pop()!] as typeof response;
  if (!response) throw new Error(`${op.operationId}: status ${status} is not documented`);
  return response;
}

/** Calls one example; returns what differs from the document (nothing when the response matches). */
async function check(path: string, method: string, op: OperationObject, ex: RequestExample, expected: number): Promise<string[]> {
  const res = await call(path, method, ex);
  const where = `${method.toUpperCase()} ${path} "${ex.summary}"`;
  if (res.status !== expected) return [`${where}: status ${res.status}, documented ${expected}: ${res.text.slice(0, 300)}`];
  const response = documented(op, expected);
  if (!response.content) return [];
  const problems: string[] = [];
  const media = res.type.split(';')[0].trim();
  if (!response.content[media]) return [`${where}: media type ${media}, documented ${Object.keys(response.content).join(', ')}`];
  for (const header of Object.keys(response.headers ?? {})) if (!(header.toLowerCase() in res.headers)) problems.push(`${where}: no ${header} header`);
  if (media === 'application/json' || media.endsWith('+json')) {
    const validate = compile(response.content[media].schema);
    if (!validate(JSON.parse(res.text))) problems.push(`${where}: ${ajv.errorsText(validate.errors, { separator: '\n' }).split('\n').slice(0, 6).join(' | ')}`);
  } else if (res.text.length === 0) {
    problems.push(`${where}: empty body`);
  }
  return problems;
}

describe('the document', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    expect(doc.openapi).toBe('3.1.0');
    const result = await validateOpenApi(structuredClone(doc) as unknown as Parameters<typeof validateOpenApi>[0]);
    expect(result.valid ? [] : result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it('types documentId as a cuid2 and matches real ids; locale is the configured locales', () => {
    expect(doc.components.schemas.DocumentId).toMatchObject({ type: 'string', pattern: '^[a-z][a-z0-9]{23}$' });
    expect(new RegExp(doc.components.schemas.DocumentId.pattern as string).test(documentId)).toBe(true);
    expect(JSON.stringify(doc)).not.toContain('"format":"uuid"');
    expect(doc.components.schemas.Locale).toMatchObject({ enum: ['ar', 'en'] });
    for (const { path } of operations()) expect(path).not.toMatch(/[():]/);
  });

  it('documents every error response with the project error shape', () => {
    for (const { op } of operations()) {
      for (const [status, response] of Object.entries(op.responses)) {
        if (Number(status) < 400 || op.operationId === 'graphql.query' && status === '400') continue;
        expect({ op: op.operationId, status, response }).toEqual({ op: op.operationId, status, response: { $ref: expect.stringMatching(/^#\/components\/responses\//) } });
      }
    }
    for (const response of Object.values(doc.components.responses) as Array<{ content: Record<string, { schema: unknown }> }>) {
      expect(response.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Error' });
    }
  });

  it('every route served on a public path is documented', async () => {
    const { openapiService } = await import('../../src/api/services');
    expect(await openapiService(app.strapi).undocumentedRoutes()).toEqual([]);
  });

  it('gives every operation an example, with curl and fetch in Arabic where it takes text', () => {
    for (const { op } of operations()) {
      expect({ op: op.operationId, examples: op['x-request-examples'].length > 0 }).toEqual({ op: op.operationId, examples: true });
      expect(op.description).toContain('curl');
      expect(op.description).toContain('fetch(');
    }
    expect(doc.paths['/api/search'].get.description).toContain('اسعار النفط');
  });
});

describe('real responses match the document', () => {
  it('every documented example, with its status, media type, headers and body schema', async () => {
    let calls = 0;
    const problems: string[] = [];
    for (const { path, method, op } of operations()) {
      for (const ex of op['x-request-examples']) {
        problems.push(...(await check(path, method, op, ex, ex.status ?? 200)));
        calls++;
      }
    }
    expect(problems).toEqual([]);
    expect(calls).toBeGreaterThan(40);
  });

  it('documented errors are real: an unknown locale (400), a bad token (401), an unknown id (404)', async () => {
    const problems: string[] = [];
    for (const { path, method, op } of operations()) {
      if (method !== 'get') continue;
      // A 200 example, else the first (a route whose success needs state the demo lacks: a live coverage).
      const base = op['x-request-examples'].find((e) => (e.status ?? 200) === 200) ?? op['x-request-examples'][0];
      if (op.parameters.some((p) => p.name === 'locale' && p.in === 'query')) {
        problems.push(...(await check(path, method, op, { ...base, summary: 'unknown locale', query: { ...base.query, locale: 'xx' } }, 400)));
      }
      if (path.startsWith('/api/') && op.responses['401']) problems.push(...(await check(path, method, op, { ...base, summary: 'bad token', caller: 'invalid' as 'public' }, 401)));
      if (op.responses['404'] && /\{(id|documentId)\}/.test(path)) {
        const missing = Object.fromEntries(Object.entries(base.path ?? {}).map(([k, v]) => [k, ['id', 'documentId'].includes(k) ? 'zzzzzzzzzzzzzzzzzzzzzzzz' : v]));
        problems.push(...(await check(path, method, op, { ...base, summary: 'unknown id', path: missing }, 404)));
      }
    }
    expect(problems).toEqual([]);
    const res = await app.http().get('/api/articles').set('Authorization', 'Bearer not-a-token');
    expect(res.status).toBe(401);
    const validate = compile(doc.components.schemas.Error);
    expect(validate(res.body)).toBe(true);
  });

  it('fails on drift: a private field that leaks, a uuid where a documentId belongs, a missing id', async () => {
    const res = await app.http().get('/api/authors').query({ locale: 'ar' });
    const validate = compile(documented(doc.paths['/api/authors'].get, 200).content!['application/json'].schema);
    expect(validate(res.body)).toBe(true);
    const leaked = structuredClone(res.body);
    leaked.data[0].email = 'reem.alhashimi@khaleeji247.example';
    expect(validate(leaked)).toBe(false);
    const uuid = structuredClone(res.body);
    uuid.data[0].documentId = '3f2b9c1e-8a4d-4e6f-9b0a-1c2d3e4f5a6b';
    expect(validate(uuid)).toBe(false);
    const noId = structuredClone(res.body);
    delete noId.data[0].documentId;
    expect(validate(noId)).toBe(false);
  });

  it('publishes the GraphQL SDL next to the document', async () => {
    const res = await getText(app, '/api/schema.graphql');
    expect(res.status).toBe(200);
    expect(res.body).toContain('type Article');
    expect(res.body).toContain('articleBySlug');
    expect(doc['x-graphql-sdl']).toBe('/api/schema.graphql');
  });

  it('serves the reference page with its own assets only (no CDN)', async () => {
    const res = await getText(app, '/api/docs');
    expect(res.status).toBe(200);
    const urls = [...String(res.body).matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThanOrEqual(3);
    for (const url of urls) {
      expect(url.startsWith('/api/docs/')).toBe(true);
      expect((await app.http().get(url)).status).toBe(200);
    }
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
  });
});
