import { factories } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { presets, type PresetName } from '../populate';

const UID = 'api::article.article';

/** Query keys a frontend may use as shortcuts on the article list: ?section=<slug>&author=<slug>&tag=<slug>. */
export const SHORTCUT_FILTERS = { section: 'section', author: 'authors', tag: 'tags' } as const;
export const DEFAULT_SORT = ['firstPublishedAt:desc', 'publishedAt:desc'];

type Query = Record<string, any>;

/**
 * Applies a populate preset unless the client chose its own `populate`/`fields`,
 * turns the slug shortcuts into standard filters and sorts newest first by default.
 */
export function withPreset(query: Query, preset: PresetName): Query {
  const out: Query = { ...query };
  if (out.populate === undefined && out.fields === undefined) {
    const { fields, populate } = presets[preset];
    if (fields) out.fields = fields;
    out.populate = populate;
  }
  return out;
}

export function listQuery(query: Query): Query {
  const out = withPreset(query, 'card');
  const shortcuts: Query[] = [];
  for (const [param, relation] of Object.entries(SHORTCUT_FILTERS)) {
    const slug = out[param];
    delete out[param];
    if (slug === undefined) continue;
    if (typeof slug !== 'string' || slug === '') {
      throw new errors.ValidationError(`${param} must be one ${param} slug`, {
        errors: [{ path: [param], message: 'must be a single slug', name: 'ValidationError' }],
      });
    }
    shortcuts.push({ [relation]: { slug: { $eq: slug } } });
  }
  if (shortcuts.length) {
    out.filters = out.filters ? { $and: [out.filters, ...shortcuts] } : { $and: shortcuts };
  }
  if (out.sort === undefined) out.sort = DEFAULT_SORT;
  return out;
}

type Status = 'draft' | 'published';

export default factories.createCoreService(UID, ({ strapi }) => ({
  /** The published (or draft) locale version with this slug, in the full preset; null when absent. */
  async findBySlug(slug: string, params: { locale?: string; status?: Status } & Query = {}) {
    return strapi.documents(UID).findFirst({
      ...withPreset(params, 'full'),
      filters: { slug: { $eq: slug } },
      status: params.status ?? 'published',
    } as any);
  },

  /** The first of `locales` in which this document has a version of that status; null when none. */
  async firstExistingLocale(documentId: string, locales: string[], status: Status = 'published'): Promise<string | null> {
    const rows = await strapi.db.query(UID).findMany({
      where: { documentId, locale: { $in: locales }, publishedAt: status === 'draft' ? null : { $notNull: true } },
      select: ['locale'],
    });
    const have = new Set(rows.map((r: { locale: string }) => r.locale));
    return locales.find((l) => have.has(l)) ?? null;
  },

  /**
   * By slug with a locale fallback: the slug in the requested locale; else the
   * document whose `fallback`-locale version has this slug, served in the
   * requested locale when it has one, otherwise in the fallback locale.
   */
  async findBySlugWithFallback(slug: string, params: { locale: string; status?: Status } & Query, fallback: string) {
    const status = params.status ?? 'published';
    const direct = await this.findBySlug(slug, params);
    if (direct || fallback === params.locale) return direct;
    const other = await strapi.db.query(UID).findOne({
      where: { slug, locale: fallback, publishedAt: status === 'draft' ? null : { $notNull: true } },
      select: ['documentId'],
    });
    if (!other) return null;
    const locale = await this.firstExistingLocale(other.documentId, [params.locale, fallback], status);
    if (!locale) return null;
    return strapi.documents(UID).findOne({ ...withPreset(params, 'full'), documentId: other.documentId, locale, status } as any);
  },
}));
