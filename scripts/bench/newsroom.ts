/**
 * The newsroom-day scenario (issue 12): the read mix of a real site
 * (./newsroom-mix.ts) at fixed concurrency on the cache-enabled production
 * server, in three phases — nobody writes; one editor saves a draft of a
 * published story every second; a live story is republished every 5 s.
 * The editor writes over REST with a full-access API token created in the
 * prepare step, exactly as a frontend or the admin would reach the server:
 * the server's own Document Service path evicts what it evicts.
 */
import type { Core } from '@strapi/strapi';
import { rawRequest } from './http-client';
import { runMix } from './load';
import {
  buildMix, cacheShare, cacheState, DEFAULT_MIX_SEED, DEFAULT_MIX_SIZE, distinctPaths, editedArticle, FRONT_PAGE, mixShares,
  PHASES, READ_HEADERS, slugPage, writeSchedule, type MixEntry, type PhaseId, type PhaseSpec,
} from './newsroom-mix';
import type { EditorResult, NewsroomPhaseResult, RunResult } from './report';
import { percentile } from './report';
import { log } from './seed';

const TOKEN_NAME = 'bench-newsroom-editor';
/** ~200 published Arabic slugs, newest first (rank 1 = the most read). */
export const SLUG_POOL = 200;
const SECTION_COUNT = 5;
const LOCALE = 'ar';

export interface Story {
  documentId: string;
  slug: string;
  title: string;
  body: unknown;
}

export interface NewsroomInputs {
  sections: string[];
  slugs: string[];
  /** The live story republished in the publishing phase (the newest, rank 1 of the slugs). */
  live: Story;
  /** The story whose draft is saved in the drafting phase (the second newest). */
  drafted: Story;
  /** Full-access API token of the editor (bench database only). */
  token: string;
}

const asBlocks = (body: unknown): unknown => (typeof body === 'string' ? JSON.parse(body) : body);

/** In the prepare step (in-process Strapi on the bench database): what the mix reads and who writes. */
export async function prepareNewsroom(strapi: Core.Strapi): Promise<NewsroomInputs> {
  const knex = strapi.db.connection;
  const sections = (
    await knex('sections as s')
      .join('articles_section_lnk as l', 'l.section_id', 's.id')
      .join('articles as a', 'a.id', 'l.article_id')
      .whereNotNull('a.published_at')
      .where('a.locale', LOCALE)
      .groupBy('s.id', 's.slug')
      .orderBy('s.id')
      .select('s.slug')
      .limit(SECTION_COUNT)
  ).map((r: { slug: string }) => String(r.slug));
  const rows: Array<{ document_id: string; slug: string; title: string; body: unknown }> = await knex('articles')
    .whereNotNull('published_at')
    .where({ locale: LOCALE })
    .orderBy([{ column: 'first_published_at', order: 'desc' }, { column: 'id', order: 'asc' }])
    .select('document_id', 'slug', 'title', 'body')
    .limit(SLUG_POOL);
  if (rows.length < 2 || !sections.length) throw new Error('the newsroom-day scenario needs published Arabic articles with sections: run without --skip-seed');
  const story = (r: (typeof rows)[number]): Story => ({ documentId: r.document_id, slug: r.slug, title: r.title, body: asBlocks(r.body) });

  const tokens = strapi.service('admin::api-token');
  const existing = await tokens.getByName(TOKEN_NAME);
  if (existing) await tokens.revoke(existing.id);
  const created = await tokens.create({ name: TOKEN_NAME, description: 'npm run bench: the newsroom-day editor', type: 'full-access', lifespan: null });
  return { sections, slugs: rows.map((r) => r.slug), live: story(rows[0]), drafted: story(rows[1]), token: created.accessKey };
}

export function newsroomMix(inputs: Pick<NewsroomInputs, 'sections' | 'slugs'>) {
  const mix = buildMix({ sections: inputs.sections, slugs: inputs.slugs, size: DEFAULT_MIX_SIZE, seed: DEFAULT_MIX_SEED, zipfExponent: 1 });
  const info: NonNullable<RunResult['newsroomMix']> = {
    shares: mixShares(mix), distinctUrls: distinctPaths(mix).length, size: mix.length, seed: DEFAULT_MIX_SEED, zipfExponent: 1,
  };
  return { mix, info };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface ArticleData {
  title?: string;
  publishedAt?: string | null;
  updatedAt?: string;
}

async function api(base: string, token: string, method: 'GET' | 'PUT', path: string, data?: unknown) {
  const res = await rawRequest(base + path, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...READ_HEADERS },
    body: data === undefined ? undefined : JSON.stringify({ data }),
  });
  let json: { data?: ArticleData; error?: { message?: string } } = {};
  try {
    json = JSON.parse(res.text());
  } catch {
    // not JSON: status says enough
  }
  return { status: res.status, data: json.data, error: json.error?.message };
}

/** The stored version of a story as the editor's token reads it (drafts included), past the cache. */
const version = (base: string, token: string, documentId: string, status: 'draft' | 'published') =>
  api(base, token, 'GET', `/api/articles/${documentId}?status=${status}&locale=${LOCALE}`);

/** Anonymous by-slug read (through the cache) until it shows `title`; ms, or null if not within `waitMs`. */
async function freshAfter(base: string, slug: string, title: string, waitMs = 2_000): Promise<{ ms: number | null; first: string; firstFresh: boolean }> {
  const started = performance.now();
  let first = '';
  let firstFresh = false;
  for (let i = 0; ; i++) {
    const res = await rawRequest(base + slugPage(slug), { headers: { ...READ_HEADERS } });
    let shown: string | undefined;
    try {
      shown = JSON.parse(res.text())?.data?.title;
    } catch {
      shown = undefined;
    }
    if (i === 0) {
      first = cacheState(res.headers['x-cache']);
      firstFresh = shown === title;
    }
    if (shown === title) return { ms: performance.now() - started, first, firstFresh };
    if (performance.now() - started > waitMs) return { ms: null, first, firstFresh };
    await sleep(20);
  }
}

/** One editor for one phase: a write per interval (never two at once), then a check that the writes did what they should. */
async function runEditor(base: string, inputs: NewsroomInputs, spec: NonNullable<PhaseSpec['editor']>, durationMs: number): Promise<EditorResult> {
  const story = spec.mode === 'draft' ? inputs.drafted : inputs.live;
  const { token } = inputs;
  const before = await version(base, token, story.documentId, 'published');
  const latencies: number[] = [];
  const problems: string[] = [];
  let errors = 0;
  let lastTitle: string | null = null;
  let lastPublishedAt = before.data?.publishedAt ?? '';
  const fresh: Array<{ ms: number | null; first: string; firstFresh: boolean }> = [];
  const started = performance.now();
  const status = spec.mode === 'draft' ? 'draft' : 'published';
  for (const [i, due] of writeSchedule(spec.intervalMs, durationMs).entries()) {
    const wait = due - (performance.now() - started);
    if (wait > 0) await sleep(wait);
    if (performance.now() - started >= durationMs) break;
    const edit = editedArticle(story, i + 1, spec.mode);
    const t = performance.now();
    const res = await api(base, token, 'PUT', `/api/articles/${story.documentId}?status=${status}&locale=${LOCALE}`, edit).catch(
      (err: Error) => ({ status: 0, data: undefined, error: err.message }),
    );
    latencies.push(performance.now() - t);
    if (res.status !== 200) {
      errors++;
      if (problems.length < 3) problems.push(`PUT answered ${res.status}${res.error ? `: ${res.error}` : ''}`);
      continue;
    }
    lastTitle = edit.title;
    if (spec.mode === 'draft' && res.data?.publishedAt) problems.push(`save ${i + 1} came back published`);
    if (spec.mode === 'publish') {
      const at = res.data?.publishedAt ?? '';
      if (!at || at <= lastPublishedAt) problems.push(`publish ${i + 1}: publishedAt ${at || 'missing'} is not newer than ${lastPublishedAt || 'none'}`);
      lastPublishedAt = at || lastPublishedAt;
      fresh.push(await freshAfter(base, story.slug, edit.title));
    }
  }

  // What the server holds now, read past the cache with the editor's token.
  const published = await version(base, token, story.documentId, 'published');
  if (spec.mode === 'draft') {
    const draft = await version(base, token, story.documentId, 'draft');
    if (published.data?.title !== before.data?.title || published.data?.publishedAt !== before.data?.publishedAt) {
      problems.push('the published version changed: a draft save published');
    }
    if (lastTitle && draft.data?.title !== lastTitle) problems.push(`the draft holds "${draft.data?.title}", not the last save`);
  } else if (lastTitle && published.data?.title !== lastTitle) {
    problems.push(`the published version holds "${published.data?.title}", not the last publish`);
  }
  const writes = latencies.length;
  const firstFresh = fresh.filter((f) => f.firstFresh).length;
  const freshTimes = fresh.map((f) => f.ms);
  const freshAfterMs = !fresh.length ? undefined : freshTimes.some((m) => m === null) ? null : Math.max(...(freshTimes as number[]));
  const summary =
    spec.mode === 'draft'
      ? 'published version unchanged, draft = last save'
      : `each publish a newer version; first anonymous read after it fresh ${firstFresh}/${fresh.length} (X-Cache ${[...new Set(fresh.map((f) => f.first))].join('/') || '–'})`;
  return {
    mode: spec.mode,
    intervalMs: spec.intervalMs,
    documentId: story.documentId,
    slug: story.slug,
    writes,
    errors,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies.length ? Math.max(...latencies) : NaN,
    verified: writes - errors === 0 ? null : problems.length === 0,
    note: problems.length ? problems.join('; ') : writes - errors === 0 ? 'no write succeeded' : summary,
    ...(freshAfterMs !== undefined ? { freshAfterMs } : {}),
  };
}

/** Every distinct URL of the mix once (a few at a time), so the phase starts from a warm cache. */
async function warmCache(base: string, mix: readonly MixEntry[]): Promise<string[]> {
  const urls = distinctPaths(mix);
  const failures: string[] = [];
  for (let i = 0; i < urls.length; i += 4) {
    await Promise.all(
      urls.slice(i, i + 4).map(async (e) => {
        const res = await rawRequest(base + e.path, { headers: { ...READ_HEADERS } });
        if (res.status !== 200) failures.push(`${e.path} → ${res.status}`);
      }),
    );
  }
  return failures;
}

export async function runNewsroom(
  base: string, inputs: NewsroomInputs, ids: readonly PhaseId[], options: { connections: number; duration: number },
): Promise<NewsroomPhaseResult[]> {
  const { mix } = newsroomMix(inputs);
  const out: NewsroomPhaseResult[] = [];
  for (const phase of PHASES.filter((p) => ids.includes(p.id))) {
    const failures = await warmCache(base, mix);
    if (failures.length) {
      out.push({ id: phase.id, label: phase.label, status: 'n/a', note: `${failures.length} URLs of the mix failed, e.g. ${failures[0]}` });
      log(`${phase.id}: n/a (${failures[0]})`);
      continue;
    }
    // The measuring instrument: the server must say where a response came from.
    const check = await rawRequest(base + FRONT_PAGE, { headers: { ...READ_HEADERS } });
    const seen = cacheState(check.headers['x-cache']);
    const load = { base, mix, headers: { ...READ_HEADERS }, connections: options.connections };
    await runMix({ ...load, duration: 1 }); // warm-up: JIT, sockets; not recorded
    log(`${phase.id}: ${options.duration} s × ${options.connections} connections (the mix; X-Cache of a warmed URL: ${seen})${phase.editor ? `, an editor ${phase.editor.mode === 'draft' ? 'saving a draft' : 'republishing'} every ${phase.editor.intervalMs / 1000} s` : ''}…`);
    const durationMs = options.duration * 1000;
    const [measured, editor] = await Promise.all([
      runMix({ ...load, duration: options.duration }),
      phase.editor ? runEditor(base, inputs, phase.editor, durationMs) : Promise.resolve(null),
    ]);
    const { cacheStates, byKind, ...numbers } = measured;
    const result: NewsroomPhaseResult = {
      id: phase.id, label: phase.label, status: 'ok', ...numbers, cacheStates, cacheShare: cacheShare(cacheStates), byKind, editor,
    };
    out.push(result);
    const share = result.cacheShare === null || result.cacheShare === undefined ? '–' : `${(result.cacheShare * 100).toFixed(1)} %`;
    log(`${phase.id}: ${numbers.reqPerSec!.toFixed(0)} req/s, p99 ${numbers.p99!.toFixed(1)} ms, max ${numbers.max!.toFixed(1)} ms, errors ${numbers.errors}, from cache ${share}${editor ? `; ${editor.writes} writes, p50 ${editor.p50.toFixed(0)} ms, max ${editor.max.toFixed(0)} ms, ${editor.verified ? 'verified' : `NOT verified: ${editor.note}`}` : ''}`);
    if (seen === 'absent') log(`${phase.id}: warning — the server sent no X-Cache header on a warmed URL; the cache share cannot be measured`);
  }
  return out;
}
