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
