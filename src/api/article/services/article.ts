import { factories } from '@strapi/strapi';
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
    shortcuts.push({ [relation]: { slug: { $eq: String(slug) } } });
  }
  if (shortcuts.length) {
    out.filters = out.filters ? { $and: [out.filters, ...shortcuts] } : { $and: shortcuts };
  }
  if (out.sort === undefined) out.sort = DEFAULT_SORT;
  return out;
}

export default factories.createCoreService(UID, ({ strapi }) => ({
  /** The published (or draft) locale version with this slug, in the full preset; null when absent. */
  async findBySlug(slug: string, params: { locale?: string; status?: 'draft' | 'published' } & Query = {}) {
    return strapi.documents(UID).findFirst({
      ...withPreset(params, 'full'),
      filters: { slug: { $eq: slug } },
      status: params.status ?? 'published',
    } as any);
  },
}));
