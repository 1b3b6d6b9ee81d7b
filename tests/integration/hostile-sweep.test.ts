/**
 * The hostile sweep: every request of tests/fixtures/hostile-requests.json
 * (malformed JSON, operator objects, oversize values, path and header tricks,
 * GraphQL depth/alias/cost, tokens of every class, methods on read-only
 * routes) must get no 5xx, a JSON error in Strapi's shape for a 4xx (naming
 * the field for a 400), store nothing, and leak no canary.
 */
import fs from 'node:fs';
import path from 'node:path';
import { startStrapi, type TestApp } from '../helpers/strapi';
import { canariesIn, seedCanaries, type Canaries } from '../helpers/canaries';
import { signPreviewToken } from '../../src/lib/preview-token';

type Token = 'none' | 'read-only' | 'partner' | 'preview' | 'full-access';
interface HostileRequest {
  name?: string;
  method: string;
  path: string;
  query?: string;
  headers?: Record<string, string>;
  body?: unknown;
  raw?: string;
  bigBody?: number;
  aliases?: number;
  typenames?: number;
  token?: Token;
  expect?: number | '4xx' | '2xx' | 'any';
  gqlError?: string;
  noCorsFor?: string;
}
type Matrix = Omit<HostileRequest, 'method' | 'path' | 'query' | 'token' | 'body'> & {
  method: string | string[];
  path: string | string[];
  query?: string | string[];
  token?: Token | Token[];
  body?: unknown[];
};

const spec: { requests: HostileRequest[]; matrices: Matrix[] } = JSON.parse(
  fs.readFileSync(path.join(__dirname, '../fixtures/hostile-requests.json'), 'utf8'),
);
const list = <T>(v: T | T[] | undefined): Array<T | undefined> => (v === undefined ? [undefined] : Array.isArray(v) ? v : [v]);

/** The matrices expanded: one request per combination. */
function expand(m: Matrix): HostileRequest[] {
  const out: HostileRequest[] = [];
  for (const method of list(m.method)) for (const p of list(m.path)) for (const query of list(m.query)) for (const token of list(m.token)) for (const body of m.body ?? [undefined]) {
    out.push({ ...m, method: method!, path: p!, query, token, body });
  }
  return out;
}
const requests: HostileRequest[] = [...spec.requests, ...spec.matrices.flatMap(expand)];

let app: TestApp;
let c: Canaries;
let counts: Record<string, number>;

async function tableCounts(): Promise<Record<string, number>> {
  const knex = app.strapi.db.connection;
  const tables: string[] =
    app.strapi.db.dialect.client === 'postgres'
      ? (await knex.raw("SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()")).rows.map((r: any) => r.name)
      : (await knex.raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")).map((r: any) => r.name);
  const out: Record<string, number> = {};
  for (const t of tables.sort()) out[t] = Number((await knex(t).count({ n: '*' }))[0].n);
  return out;
}

beforeAll(async () => {
  app = await startStrapi();
  c = await seedCanaries(app);
  counts = await tableCounts();
});
afterAll(async () => {
  await app?.stop();
});

function fill(text: string, ascii = false): string {
  const values: Record<string, string> = {
    live: c.live.documentId,
    draft: c.draft.documentId,
    liveSlug: encodeURIComponent(c.live.slug),
    draftSlug: encodeURIComponent(c.draft.slug),
    section: c.section.documentId,
    author: c.author.documentId,
    tag: c.tag.documentId,
    liveEntry: c.liveEntry.documentId,
    long: (ascii ? 'a' : 'ا').repeat(1200),
    nul: '%00',
  };
  return text.replace(/\{(\w+)\}/g, (whole, key) => values[key] ?? whole);
}

function previewTokens(): Record<string, string> {
  const secret = (app.strapi.config.get('preview') as { secret: string }).secret;
  return {
    TOKEN_FOR_LIVE: signPreviewToken({ documentId: c.live.documentId, locale: 'ar', status: 'draft' }, secret),
    TOKEN_TEN_YEARS: signPreviewToken({ documentId: c.draft.documentId, locale: 'ar', status: 'draft' }, secret, Date.now(), 10 * 365 * 86400),
  };
}

async function send(r: HostileRequest) {
  let query = r.query ? fill(r.query) : '';
  for (const [name, token] of Object.entries(previewTokens())) query = query.replace(name, encodeURIComponent(token));
  const url = `${fill(r.path)}${query ? `?${query}` : ''}`;
  // supertest has a function for every method Node knows (PROPFIND, TRACE… included).
  let req = (app.http() as any)[r.method.toLowerCase()](url);
  if (r.token && r.token !== 'none') req = req.set('Authorization', `Bearer ${c.tokens[r.token]}`);
  for (const [k, v] of Object.entries(r.headers ?? {})) req = req.set(k, fill(v, true));
  if (r.aliases) r = { ...r, body: { query: `{ ${Array.from({ length: r.aliases }, (_, i) => `a${i}: articles(pagination: { pageSize: 100 }) { jsonLd }`).join(' ')} }` } };
  if (r.typenames) r = { ...r, body: { query: `{ ${Array.from({ length: r.typenames }, (_, i) => `t${i}: __typename`).join(' ')} }` } };
  if (r.bigBody) return req.set('Content-Type', 'application/json').send(JSON.stringify({ data: { title: 'x', excerpt: 'ا'.repeat(r.bigBody) } }));
  if (r.raw !== undefined) return req.send(r.raw);
  if (r.body !== undefined) return req.send(JSON.parse(fill(JSON.stringify(r.body))));
  return req;
}

/** What is wrong with one answer; empty when it holds every promise. */
function problems(r: HostileRequest, res: any): string[] {
  const out: string[] = [];
  if (res.status >= 500) out.push(`5xx: ${res.status} ${res.text.slice(0, 200)}`);
  const want = r.expect;
  if (typeof want === 'number' && res.status !== want) out.push(`expected ${want}, got ${res.status}: ${res.text.slice(0, 200)}`);
  if (want === '4xx' && (res.status < 400 || res.status > 499)) out.push(`expected a 4xx, got ${res.status}`);
  if (want === '2xx' && (res.status < 200 || res.status > 299)) out.push(`expected a 2xx, got ${res.status}: ${res.text.slice(0, 200)}`);
  const graphql = /^\/graphql/i.test(r.path);
  if (graphql && r.gqlError) {
    const error = res.body?.errors?.[0];
    if (!error?.message) out.push(`expected a GraphQL error, got ${res.status} ${res.text.slice(0, 200)}`);
    if (error?.extensions?.code === 'INTERNAL_SERVER_ERROR') out.push(`internal GraphQL error: ${error.message}`);
    if (r.gqlError !== 'any' && error?.extensions?.code !== r.gqlError) out.push(`expected ${r.gqlError}, got ${error?.extensions?.code}: ${error?.message}`);
    // A refused root field answers null (a refused nested field may leave its parents' data).
    const root = error?.path?.length === 1 ? error.path[0] : null;
    if (root && res.body?.data?.[root] != null) out.push(`data returned for refused ${root}`);
  } else if (res.status >= 400 && r.method !== 'HEAD') {
    if (graphql) {
      if (!res.body?.errors?.[0]?.message && !res.body?.error?.message) out.push(`GraphQL ${res.status} without an error message`);
    } else {
      const error = res.body?.error;
      if (!/json/.test(res.headers['content-type'] ?? '')) out.push(`non-JSON ${res.status}: ${res.headers['content-type']} ${res.text.slice(0, 80)}`);
      else if (error?.status !== res.status || typeof error?.message !== 'string' || !error.message) out.push(`not Strapi's error shape: ${res.text.slice(0, 200)}`);
      else if (res.status === 400) {
        const named = error.details?.errors?.[0]?.path?.length > 0 || error.details?.key || error.details?.param;
        if (!named) out.push(`400 without the field: ${res.text.slice(0, 200)}`);
      }
    }
  }
  if (r.noCorsFor) {
    const allowed = res.headers['access-control-allow-origin'];
    if (allowed === r.noCorsFor || allowed === '*') out.push(`CORS allows ${allowed}`);
  }
  if (r.token !== 'preview' && r.token !== 'full-access') for (const canary of canariesIn(res.text ?? '')) out.push(`${canary} canary leaked`);
  return out;
}

it(`the sweep holds at least 300 requests (${requests.length})`, () => {
  expect(requests.length).toBeGreaterThanOrEqual(300);
});

it('no request gets a 5xx, a non-JSON or unnamed error, or a canary', async () => {
  const failures: string[] = [];
  for (const r of requests) {
    const res = await send(r);
    const what = `${r.method} ${r.path}${r.query ? `?${r.query.slice(0, 120)}` : ''}${r.token ? ` [${r.token}]` : ''}${r.body ? ` ${JSON.stringify(r.body).slice(0, 100)}` : ''}`;
    for (const p of problems(r, res)) failures.push(`${what}: ${p}`);
  }
  expect(failures).toEqual([]);
});

it('nothing was stored: every table has the rows it had before the sweep', async () => {
  expect(await tableCounts()).toEqual(counts);
});
