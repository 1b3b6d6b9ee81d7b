/**
 * The desk's rules, pure (README, "The desk"): which versions a write adds a
 * revision of, what a revision stores and what a restore writes back, the
 * retention setting, text diffs, edit locks and the review step.
 */
import { diffWords, type ChangeObject } from 'diff';
import { blocksToPlainText } from './blocks-text';

/** Which row of a locale version a revision shows. */
export type Version = 'draft' | 'published';

/** One revision to store after a write: `removed` means the version stopped existing (unpublish, delete). */
export interface PlannedRevision {
  locale: string;
  version: Version;
  action: string;
  removed: boolean;
}

/** locale → id of its published row (a publish replaces the row: a new id is a new published version). */
export type PublishedIds = Record<string, number | string>;

const DRAFT_WRITES = new Set(['create', 'update', 'discardDraft']);

/**
 * What a Document Service write changed, version by version, from the
 * published rows before and after it and the locales it wrote. A create or
 * update that also published (REST without `status=draft`) adds a `publish`
 * revision of the new published row next to the draft's.
 */
export function planRevisions(action: string, writtenLocales: string[], before: PublishedIds, after: PublishedIds, draftRemoved = false): PlannedRevision[] {
  const out: PlannedRevision[] = [];
  if (DRAFT_WRITES.has(action) && !draftRemoved) {
    for (const locale of writtenLocales) out.push({ locale, version: 'draft', action: action === 'discardDraft' ? 'discard' : action, removed: false });
  }
  const locales = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  for (const locale of locales) {
    const was = before[locale];
    const is = after[locale];
    if (is !== undefined && String(is) !== String(was ?? '')) out.push({ locale, version: 'published', action: 'publish', removed: false });
    else if (is === undefined && was !== undefined) out.push({ locale, version: 'published', action: action === 'delete' ? 'delete' : 'unpublish', removed: true });
  }
  if (action === 'delete') for (const locale of writtenLocales) out.push({ locale, version: 'draft', action: 'delete', removed: true });
  return out;
}

/** How a content type's stored rows become revision content: which attributes are relations, media or components. */
export interface Shape {
  /** Relations to documents: kept as documentIds (stable across publish, unlike row ids). */
  relations: string[];
  /** Media: kept as file ids (files are not versioned). */
  media: string[];
  components: Record<string, Shape>;
}

/** Fields a revision does not keep: row bookkeeping, and what Strapi or our middlewares derive on save. */
const BOOKKEEPING = new Set(['id', 'documentId', 'locale', 'createdAt', 'updatedAt', 'publishedAt', 'createdBy', 'updatedBy', 'localizations']);

/** Fields a restore leaves as they are now: permanent (slug, firstPublishedAt), derived, or the schedule (an editor's decision, not content). */
export const NOT_RESTORED = ['slug', 'firstPublishedAt', 'readingTimeMinutes', 'scheduledPublishAt', 'scheduledUnpublishAt'] as const;

type Row = Record<string, unknown>;

const refOf = (value: unknown, key: 'documentId' | 'id'): unknown =>
  value && typeof value === 'object' ? ((value as Row)[key] ?? null) : (value ?? null);

function cleanComponent(value: Row, shape: Shape): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === 'id' || k === '__component') continue;
    out[k] = convert(k, v, shape);
  }
  return out;
}

function convert(key: string, value: unknown, shape: Shape): unknown {
  if (shape.relations.includes(key)) return Array.isArray(value) ? value.map((v) => refOf(v, 'documentId')) : refOf(value, 'documentId');
  if (shape.media.includes(key)) return Array.isArray(value) ? value.map((v) => refOf(v, 'id')) : refOf(value, 'id');
  const component = shape.components[key];
  if (component) {
    if (Array.isArray(value)) return value.map((v) => cleanComponent(v as Row, component));
    return value && typeof value === 'object' ? cleanComponent(value as Row, component) : null;
  }
  return value === undefined ? null : value;
}

/** A stored row (components and relations populated) as revision content: fields, components without ids, relation documentIds. */
export function toSnapshot(row: Row, shape: Shape): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(row)) if (!BOOKKEEPING.has(k)) out[k] = convert(k, v, shape);
  return out;
}

function componentInput(value: Row, shape: Shape): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(value)) out[k] = inputOf(k, v, shape);
  return out;
}

function inputOf(key: string, value: unknown, shape: Shape): unknown {
  // Relations as documentIds (the Document Service's shorthand: a list sets the relation, null clears it).
  if (shape.relations.includes(key)) return Array.isArray(value) ? value.filter((v) => v !== null) : value;
  const component = shape.components[key];
  if (component) {
    if (Array.isArray(value)) return value.map((v) => componentInput(v as Row, component));
    return value && typeof value === 'object' ? componentInput(value as Row, component) : null;
  }
  return value;
}

/** The Document Service `data` that writes a revision's content back (everything but NOT_RESTORED). */
export function restoreInput(snapshot: Row, shape: Shape): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(snapshot)) {
    if ((NOT_RESTORED as readonly string[]).includes(k)) continue;
    out[k] = inputOf(k, v, shape);
  }
  return out;
}

/**
 * `REVISIONS_KEEP`: how many draft revisions each locale version keeps
 * (published ones are always kept: they answer "what was public at T").
 * A positive integer, or `all`. Default 50.
 */
export function parseKeep(value: string | undefined): number | null {
  const v = (value ?? '').trim().toLowerCase();
  if (v === '') return 50;
  if (v === 'all') return null;
  if (!/^\d+$/.test(v) || Number(v) < 1) throw new Error(`REVISIONS_KEEP must be a positive integer or "all", not "${value}"`);
  return Number(v);
}

/** The texts a person compares: title, excerpt and the body as plain text (one block per line). */
export function comparableText(content: Row | null): { title: string; excerpt: string; body: string } {
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  return { title: str(content?.title), excerpt: str(content?.excerpt), body: blocksToPlainText(content?.body) };
}

export interface DiffPart {
  value: string;
  added?: true;
  removed?: true;
}

const parts = (changes: ChangeObject<string>[]): DiffPart[] =>
  changes.map((c) => ({ value: c.value, ...(c.added ? { added: true as const } : {}), ...(c.removed ? { removed: true as const } : {}) }));

/**
 * Word diffs of title, excerpt and body text, from `from` to `to`. Words are
 * cut by Intl.Segmenter in the version's language: diff's own word regex
 * knows Latin letters only and would diff Arabic letter by letter.
 */
export function textDiff(from: Row | null, to: Row | null, locale = 'ar'): Record<'title' | 'excerpt' | 'body', DiffPart[]> {
  const a = comparableText(from);
  const b = comparableText(to);
  const options = { intlSegmenter: new Intl.Segmenter(locale, { granularity: 'word' }) };
  return {
    title: parts(diffWords(a.title, b.title, options)),
    excerpt: parts(diffWords(a.excerpt, b.excerpt, options)),
    body: parts(diffWords(a.body, b.body, options)),
  };
}

/** The names of the fields whose values differ (components and relations compared as stored). */
export function changedFields(from: Row | null, to: Row | null): string[] {
  const keys = new Set([...Object.keys(from ?? {}), ...Object.keys(to ?? {})]);
  return [...keys].filter((k) => JSON.stringify(from?.[k] ?? null) !== JSON.stringify(to?.[k] ?? null)).sort();
}

/** `at` of a published-at lookup: an ISO 8601 date-time with a zone, or epoch milliseconds. */
export function parseInstant(value: unknown): number | null {
  if (typeof value !== 'string' || value.length > 40) return null;
  if (/^\d{1,15}$/.test(value)) return Number(value);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : null;
}

// ---- Edit locks ----

export interface LockRow {
  userId: number;
  userName: string;
  sinceMs: number;
  heartbeatMs: number;
}

/** A lock whose heartbeats stopped `ttlMs` ago (tab closed, crash) no longer holds. */
export const lockHeld = (lock: LockRow | null | undefined, nowMs: number, ttlMs: number): lock is LockRow => !!lock && nowMs - lock.heartbeatMs < ttlMs;

// ---- Review step ----

export type ReviewState = 'submitted' | 'returned';
export type ReviewAction = 'submit' | 'return';

/**
 * Who may move a locale version's review state: anyone who may edit the
 * story submits it (again, after a return); only those who may publish send
 * it back, and only what was submitted. Publishing clears the state.
 */
export function reviewRefusal(action: ReviewAction, state: ReviewState | null, mayPublish: boolean): string | null {
  if (action === 'submit') return state === 'submitted' ? 'is already submitted for review' : null;
  if (!mayPublish) return 'only editors may send a story back';
  return state === 'submitted' ? null : 'is not submitted for review';
}
