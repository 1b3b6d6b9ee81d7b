/**
 * The article list's query language on top of Strapi's: presets, slug
 * shortcuts, newest first, and the published-rows `where` of the feeds,
 * sitemaps and aggregates. Shapes only: nothing here reads the database.
 */
import { presets, type PresetName } from './populate';
import { invalid } from '../../infra/errors';
import { DIGIT_SYSTEMS, type Digits } from '../../lib/reading-time';

/** Query keys a frontend may use as shortcuts on the article list: ?section=<slug>&author=<slug>&tag=<slug>. */
export const SHORTCUT_FILTERS = { section: 'section', author: 'authors', tag: 'tags' } as const;
export const DEFAULT_SORT = ['firstPublishedAt:desc', 'publishedAt:desc'];

export type ArticleQuery = Record<string, unknown> & { filters?: unknown; populate?: unknown; fields?: unknown; sort?: unknown };

/** Applies a populate preset unless the client chose its own `populate`/`fields`. */
export function withPreset<Q extends ArticleQuery>(query: Q, preset: PresetName): Q {
  const out = { ...query };
  if (out.populate === undefined && out.fields === undefined) {
    const { fields, populate } = presets[preset];
    if (fields) out.fields = fields;
    out.populate = populate;
  }
  return out;
}

/** The list query: card preset, slug shortcuts turned into standard filters, newest first by default. */
export function listQuery<Q extends ArticleQuery>(query: Q): Q {
  const out: ArticleQuery = withPreset(query, 'card');
  const shortcuts: ArticleQuery[] = [];
  for (const [param, relation] of Object.entries(SHORTCUT_FILTERS)) {
    const slug = out[param];
    delete out[param];
    if (slug === undefined) continue;
    if (typeof slug !== 'string' || slug === '') invalid(param, 'must be a single slug');
    shortcuts.push({ [relation]: { slug: { $eq: slug } } });
  }
  if (shortcuts.length) out.filters = out.filters ? { $and: [out.filters, ...shortcuts] } : { $and: shortcuts };
  if (out.sort === undefined) out.sort = DEFAULT_SORT;
  return out as Q;
}

export interface ArticleFilters {
  section?: string;
  author?: string;
  tag?: string;
}

/** Query-layer `where` for the published versions in one locale, optionally filtered by relation slugs. */
export function publishedWhere(locale: string, filters: ArticleFilters = {}, extra: Record<string, unknown> = {}) {
  return {
    locale,
    publishedAt: { $notNull: true },
    ...(filters.section ? { section: { slug: filters.section } } : {}),
    ...(filters.author ? { authors: { slug: filters.author } } : {}),
    ...(filters.tag ? { tags: { slug: filters.tag } } : {}),
    ...extra,
  };
}

/** The `digits` query parameter of article responses: latn (default) or arab, for dates and labels. */
export function digitsParam(value: unknown = 'latn'): Digits {
  if (typeof value === 'string' && (DIGIT_SYSTEMS as readonly string[]).includes(value)) return value as Digits;
  return invalid('digits', `must be one of: ${DIGIT_SYSTEMS.join(', ')}`);
}

export type ShortcutKind = keyof typeof SHORTCUT_FILTERS;

/** A list request the read model answers as it is: nothing but a page, a locale, digits and at most one slug shortcut. */
export interface PlainListRequest {
  locale: string;
  page: number;
  pageSize: number;
  digits: Digits;
  scope?: { kind: ShortcutKind; slug: string };
}

const PLAIN_LIST_KEYS = new Set(['locale', 'pagination', 'digits', ...Object.keys(SHORTCUT_FILTERS)]);
const positive = (v: unknown, max: number): number | null => (typeof v === 'string' && /^[1-9]\d{0,6}$/.test(v) && Number(v) <= max ? Number(v) : null);

/**
 * The read model's share of GET /api/articles: null for anything else
 * (filters, fields, populate, sort, status, withCount…) and for anything
 * invalid, which the Strapi path then refuses with its usual error.
 */
export function plainListRequest(query: Record<string, unknown>, defaults: { locale: string; pageSize: number; maxLimit: number }): PlainListRequest | null {
  if (Object.keys(query).some((k) => !PLAIN_LIST_KEYS.has(k))) return null;
  const { locale = defaults.locale, pagination = {}, digits = 'latn' } = query;
  if (typeof locale !== 'string' || typeof digits !== 'string' || !(DIGIT_SYSTEMS as readonly string[]).includes(digits)) return null;
  if (typeof pagination !== 'object' || pagination === null || Array.isArray(pagination)) return null;
  const { page = '1', pageSize = String(defaults.pageSize), ...other } = pagination as Record<string, unknown>;
  const [p, size] = [positive(page, 1_000_000), positive(pageSize, defaults.maxLimit)];
  if (Object.keys(other).length || p === null || size === null) return null;
  const shortcuts = (Object.keys(SHORTCUT_FILTERS) as ShortcutKind[]).filter((k) => query[k] !== undefined);
  if (shortcuts.length > 1) return null;
  const out: PlainListRequest = { locale, page: p, pageSize: size, digits: digits as Digits };
  if (shortcuts.length) {
    const slug = query[shortcuts[0]];
    if (typeof slug !== 'string' || slug === '') return null;
    out.scope = { kind: shortcuts[0], slug };
  }
  return out;
}

/** The one shortcut a list is scoped by, when that is its only filter (its cache keys: src/lib/cache-keys.ts). */
export function listScope(query: Record<string, unknown>): PlainListRequest['scope'] {
  if (query.filters !== undefined) return undefined;
  const shortcuts = (Object.keys(SHORTCUT_FILTERS) as ShortcutKind[]).filter((k) => typeof query[k] === 'string' && query[k] !== '');
  return shortcuts.length === 1 ? { kind: shortcuts[0], slug: query[shortcuts[0]] as string } : undefined;
}
