import type { Core } from '@strapi/strapi';
import { cardPopulate, fullPopulate } from '../api/article/populate';
import type { ResolverMiddleware, ResolversConfig } from './types';

/**
 * GraphQL resolves every relation of every item separately (20 cards ×
 * section, authors, tags, cover, cover.image, avatar… ≈ 200 queries). For the
 * article list queries we load the card preset's relations for the whole page
 * at once, in the same batched queries as REST, and let those fields answer
 * from the loaded data. Fields queried with their own arguments (filters,
 * pagination, sort) keep Strapi's resolvers.
 */
const ARTICLE = 'api::article.article';
const preloaded = new WeakSet<object>();

/** Articles (and their nested objects) whose card relations are already loaded: those fields answer from them. */
export const markPreloaded = (value: unknown): void => {
  if (!value || typeof value !== 'object') return;
  if (Array.isArray(value)) return value.forEach(markPreloaded);
  preloaded.add(value);
  for (const child of Object.values(value)) if (child && typeof child === 'object') markPreloaded(child);
};

const hasOwnArgs = (args: Record<string, unknown> = {}) =>
  Object.values(args).some((v) => v !== undefined && !(Array.isArray(v) && v.length === 0) && !(v && typeof v === 'object' && Object.keys(v).length === 0));

async function preloadCards(strapi: Core.Strapi, all: Array<{ id: number }>): Promise<void> {
  const nodes = all.filter((n) => !preloaded.has(n)); // the read model's cards come with their relations
  if (!nodes.length) return;
  const query = strapi.get('query-params').transform(ARTICLE, { fields: ['id'], populate: cardPopulate });
  const rows: Array<Record<string, unknown> & { id: number }> = await strapi.db.query(ARTICLE).findMany({ ...query, where: { id: { $in: nodes.map((n) => n.id) } } });
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const node of nodes as Array<Record<string, unknown> & { id: number }>) {
    const row = byId.get(node.id);
    if (!row) continue;
    for (const field of Object.keys(cardPopulate)) node[field] = row[field] ?? (Array.isArray(row[field]) ? [] : null);
    markPreloaded(node);
  }
}

/** Whether an article (or nested object) came with its relations: from the read model or preloadCards. */
export const isPreloaded = (value: unknown): boolean => !!value && typeof value === 'object' && preloaded.has(value);

/**
 * resolversConfig entries: preload on the list queries, answer from preloaded
 * data on the relation fields. `first` runs before the preload (the read
 * model's answer, src/graphql/read-model.ts).
 */
export function batchedRelationsConfig(strapi: Core.Strapi, first: ResolverMiddleware[] = []): ResolversConfig {
  const preloadList: ResolverMiddleware = async (resolve, parent, args, ctx, info) => {
    const result = (await resolve(parent, args, ctx, info)) as Array<{ id: number }> | { nodes?: Array<{ id: number }> } | null;
    await preloadCards(strapi, Array.isArray(result) ? result : (result?.nodes ?? []));
    return result;
  };
  const fromPreload =
    (field: string): ResolverMiddleware =>
    async (resolve, parent, args, ctx, info) => {
      const loaded = parent as Record<string, unknown>;
      return preloaded.has(loaded) && loaded[field] !== undefined && !hasOwnArgs(args) ? loaded[field] : resolve(parent, args, ctx, info);
    };

  // The full preset's fields too: articleBySlug from the read model comes with them (src/graphql/read-model.ts).
  const fields: Record<string, string[]> = {
    Article: Object.keys(fullPopulate),
    ComponentContentRelatedLink: ['article'],
    Author: ['avatar'],
    ComponentMediaFigure: ['image'],
    ComponentSharedSeo: ['ogImage'],
  };
  const config: ResolversConfig = {
    'Query.articles': { middlewares: [...first, preloadList] },
    'Query.articles_connection': { middlewares: [preloadList] },
  };
  for (const [type, names] of Object.entries(fields)) {
    for (const name of names) config[`${type}.${name}`] = { middlewares: [fromPreload(name)] };
  }
  return config;
}
