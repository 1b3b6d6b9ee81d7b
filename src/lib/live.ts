/**
 * Live coverage (تغطية مباشرة): an article with `isLive` and its entries
 * (api::live-entry.live-entry). What readers get of an entry, the cursor
 * query of the entries endpoints, Server-Sent Events framing and the cache
 * keys. Pure: no Strapi, no environment.
 */
import { checkBlocks, isHttpUrl, type FieldError } from './input-rules';

export const LIVE_ENTRY_UID = 'api::live-entry.live-entry';
export const DEFAULT_LIVE_PAGE = 20;
export const MAX_LIVE_PAGE = 100;
/** Entries in the article's LiveBlogPosting JSON-LD (`liveBlogUpdate`), newest first. */
export const JSON_LD_UPDATES = 10;

/** documentIds are cuid2 (24 lowercase letters and digits); anything else cannot name an entry or coverage. */
const DOCUMENT_ID = /^[a-z0-9]{1,64}$/;
export const isDocumentId = (value: unknown): value is string => typeof value === 'string' && DOCUMENT_ID.test(value);

/** The response-cache key of one coverage's entries in one locale (REST page, feeds); entry writes evict it. */
export const liveKey = (coverage: string, locale: string): string => `live:${coverage}:${encodeURIComponent(locale)}`;

export type LiveEventKind = 'entry' | 'update' | 'delete' | 'end';

/** One change of a coverage, as every node fans it out and the event log keeps it for Last-Event-ID resume. */
export interface LiveEvent {
  /** Monotonic id of the event log (SSE `id:`). */
  id: number;
  coverage: string;
  locale: string;
  /** The entry's documentId ('' for `end`). */
  entry: string;
  kind: LiveEventKind;
  /** The JSON the stream sends as `data:` (the public entry, or `{documentId}` for a delete). */
  payload: string;
}

/** Query of GET /api/live/:documentId/entries (and GraphQL liveCoverage). */
export interface EntryQuery {
  after?: string;
  before?: string;
  since?: Date;
  limit: number;
}

const one = (value: unknown): unknown => (Array.isArray(value) ? value[value.length - 1] : value);

/** Parses the cursor parameters; the problems name the parameter. */
export function parseEntryQuery(query: Record<string, unknown>): { value: EntryQuery; problems: FieldError[] } {
  const problems: FieldError[] = [];
  const value: EntryQuery = { limit: DEFAULT_LIVE_PAGE };
  for (const name of ['after', 'before'] as const) {
    const raw = query[name];
    if (raw === undefined) continue;
    if (Array.isArray(raw) || !isDocumentId(raw)) problems.push({ path: [name], message: 'must be the documentId of an entry of this coverage' });
    else value[name] = raw;
  }
  if (value.after && value.before) problems.push({ path: ['before'], message: 'cannot be combined with after' });
  const since = query.since;
  if (since !== undefined) {
    const text = one(since);
    const time = typeof text === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(text) ? Date.parse(text) : NaN;
    if (Array.isArray(since) || Number.isNaN(time)) problems.push({ path: ['since'], message: 'must be an ISO 8601 date-time, e.g. 2030-01-01T10:00:00Z' });
    else value.since = new Date(time);
  }
  const limit = query.limit;
  if (limit !== undefined) {
    const text = one(limit);
    const n = typeof text === 'string' && /^\d{1,4}$/.test(text) ? Number(text) : typeof text === 'number' ? text : NaN;
    if (Array.isArray(limit) || !Number.isInteger(n) || n < 1 || n > MAX_LIVE_PAGE) problems.push({ path: ['limit'], message: `must be an integer from 1 to ${MAX_LIVE_PAGE}` });
    else value.limit = n;
  }
  return { value, problems };
}

/** The position of an entry in a coverage: newest first by postedAt, then by row id. */
export interface EntryPosition {
  id: number;
  postedAt: string | Date;
}

const iso = (value: string | Date) => (value instanceof Date ? value.toISOString() : new Date(value).toISOString());

/**
 * The Document Service filter for the entries after (newer than) or before
 * (older than) a cursor, in (postedAt, id) order: stable while entries arrive,
 * since a new entry sorts before every page already read.
 */
export function cursorFilter(direction: 'after' | 'before', at: EntryPosition): Record<string, unknown> {
  const op = direction === 'after' ? '$gt' : '$lt';
  const postedAt = iso(at.postedAt);
  return { $or: [{ postedAt: { [op]: postedAt } }, { $and: [{ postedAt: { $eq: postedAt } }, { id: { [op]: at.id } }] }] };
}

/** Input rules of an entry write that the schema cannot express. */
export function checkEntryData(data: Record<string, unknown>, creating: boolean): FieldError[] {
  const problems: FieldError[] = [];
  if (creating && !isDocumentId(data.coverage)) problems.push({ path: ['coverage'], message: 'is required: the documentId of a live article' });
  if (!creating && 'coverage' in data && data.coverage !== undefined) problems.push({ path: ['coverage'], message: 'cannot be changed: post the entry to the other coverage instead' });
  const embed = data.embedUrl;
  if (embed !== undefined && embed !== null && embed !== '' && !isHttpUrl(embed)) problems.push({ path: ['embedUrl'], message: 'must be an absolute http:// or https:// URL' });
  if (creating && (data.body === undefined || data.body === null || (Array.isArray(data.body) && data.body.length === 0))) {
    problems.push({ path: ['body'], message: 'is required' });
  } else problems.push(...checkBlocks(data.body, ['body']));
  if (data.postedAt !== undefined && data.postedAt !== null && Number.isNaN(Date.parse(String(data.postedAt)))) {
    problems.push({ path: ['postedAt'], message: 'must be an ISO 8601 date-time' });
  }
  return problems;
}

/** Coverage times: the end, when given, after the start. */
export function checkCoverageTimes(start: unknown, end: unknown): FieldError[] {
  if (!start || !end) return [];
  const [s, e] = [Date.parse(String(start)), Date.parse(String(end))];
  return !Number.isNaN(s) && !Number.isNaN(e) && e <= s ? [{ path: ['coverageEndTime'], message: 'must be after coverageStartTime' }] : [];
}

interface Named {
  documentId?: string;
  name?: string | null;
  slug?: string | null;
  jobTitle?: string | null;
}
interface ImageRow {
  url?: string | null;
  alternativeText?: string | null;
  width?: number | null;
  height?: number | null;
  mime?: string | null;
}

/** An entry row as loaded with ENTRY_POPULATE. */
export interface EntryRow {
  id?: number;
  documentId: string;
  locale?: string | null;
  coverage: string;
  postedAt?: string | Date | null;
  updatedAt?: string | Date | null;
  title?: string | null;
  body?: unknown;
  authors?: Named[] | null;
  image?: { image?: ImageRow | null; caption?: string | null; credit?: string | null; alt?: string | null } | null;
  embedUrl?: string | null;
  pinned?: boolean | null;
  isKeyEvent?: boolean | null;
  isBreaking?: boolean | null;
  corrections?: Array<{ date?: string | Date | null; note?: string | null }> | null;
}

/** What every entry read loads: explicit fields, so nothing private (an author's e-mail) is ever selected. */
export const ENTRY_POPULATE = {
  authors: { fields: ['name', 'slug', 'jobTitle'] },
  image: { populate: { image: { fields: ['url', 'alternativeText', 'width', 'height', 'mime'] } } },
  corrections: { fields: ['date', 'note'] },
};

export interface PublicEntry {
  documentId: string;
  locale: string;
  coverage: string;
  postedAt: string | null;
  updatedAt: string | null;
  title: string | null;
  body: unknown;
  authors: Array<{ documentId?: string; name: string | null; slug: string | null; jobTitle: string | null }>;
  image: { url: string; alt: string | null; caption: string | null; credit: string | null; width: number | null; height: number | null; mime: string | null } | null;
  embedUrl: string | null;
  pinned: boolean;
  isKeyEvent: boolean;
  isBreaking: boolean;
  corrections: Array<{ date: string | null; note: string | null }>;
}

const isoOrNull = (value: unknown): string | null => {
  if (value === null || value === undefined || value === '') return null;
  const d = value instanceof Date ? value : new Date(value as string);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
};

/** An entry as readers get it (REST, GraphQL, SSE, feeds): an allow-list of fields. */
export function publicEntry(row: EntryRow, locale: string): PublicEntry {
  const image = row.image?.image?.url
    ? {
        url: row.image.image.url,
        alt: row.image.alt ?? row.image.image.alternativeText ?? null,
        caption: row.image.caption ?? null,
        credit: row.image.credit ?? null,
        width: row.image.image.width ?? null,
        height: row.image.image.height ?? null,
        mime: row.image.image.mime ?? null,
      }
    : null;
  return {
    documentId: row.documentId,
    locale: row.locale ?? locale,
    coverage: row.coverage,
    postedAt: isoOrNull(row.postedAt),
    updatedAt: isoOrNull(row.updatedAt),
    title: row.title ?? null,
    body: row.body ?? [],
    authors: (row.authors ?? []).map((a) => ({ documentId: a.documentId, name: a.name ?? null, slug: a.slug ?? null, jobTitle: a.jobTitle ?? null })),
    image,
    embedUrl: row.embedUrl || null,
    pinned: row.pinned === true,
    isKeyEvent: row.isKeyEvent === true,
    isBreaking: row.isBreaking === true,
    corrections: (row.corrections ?? []).map((c) => ({ date: isoOrNull(c.date), note: c.note ?? null })),
  };
}

/** The anchor of an entry on the article page: `{articleUrl}#entry-{documentId}`. */
export const entryUrl = (articleUrl: string, documentId: string): string => `${articleUrl}#entry-${documentId}`;

/** One Server-Sent Events message (text/event-stream). `data` is split on newlines as the format requires. */
export function sseMessage(event: { id?: number; event?: string; data: string }): string {
  let out = '';
  if (event.id !== undefined) out += `id: ${event.id}\n`;
  if (event.event) out += `event: ${event.event}\n`;
  for (const line of event.data.split(/\r\n|\r|\n/)) out += `data: ${line}\n`;
  return out + '\n';
}

/** `Last-Event-ID` (header, or `lastEventId` in the query for clients that cannot set headers): a non-negative integer. */
export function parseLastEventId(value: unknown): number | null | 'invalid' {
  if (Array.isArray(value)) return 'invalid';
  const text = value;
  if (text === undefined || text === null || text === '') return null;
  if (typeof text !== 'string' || !/^\d{1,15}$/.test(text)) return 'invalid';
  return Number(text);
}
