import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { isKnownLocale, knownLocales } from '../services/locales';
import { batchedRelationsConfig } from './batch-relations';

const ARTICLE = 'api::article.article';
/** Root collection queries of our API whose pagination and locale are checked. */
const COLLECTION_QUERIES = ['articles', 'authors', 'sections', 'tags'];

const invalid = (path: string, message: string): never => {
  throw new errors.ValidationError(`${path} ${message}`, {
    errors: [{ path: path.split('.'), message, name: 'ValidationError' }],
  });
};

/**
 * Strapi clamps an over-large page silently; a partner asking for 10 000 items
 * should be told. Any root query asking for more than maxLimit items (or for
 * "all" with limit -1) is refused with a validation error naming the argument.
 */
export function checkPagination(args: any, maxLimit: number): void {
  const p = args?.pagination;
  if (!p) return;
  for (const key of ['limit', 'pageSize'] as const) {
    const value = p[key];
    if (value === undefined || value === null) continue;
    if (!Number.isInteger(value) || value < 1 || value > maxLimit) {
      invalid(`pagination.${key}`, `must be an integer between 1 and ${maxLimit}`);
    }
  }
  for (const key of ['page', 'start'] as const) {
    const value = p[key];
    if (value !== undefined && value !== null && (!Number.isInteger(value) || value < (key === 'page' ? 1 : 0))) {
      invalid(`pagination.${key}`, key === 'page' ? 'must be an integer ≥ 1' : 'must be an integer ≥ 0');
    }
  }
}

async function checkLocale(strapi: Core.Strapi, args: any, name = 'locale'): Promise<void> {
  const value = args?.[name];
  if (typeof value === 'string' && !(await isKnownLocale(strapi, value))) {
    invalid(name, `must be one of: ${(await knownLocales(strapi)).join(', ')}`);
  }
}

export function registerGraphql(strapi: Core.Strapi): void {
  const graphql = strapi.plugin('graphql');
  if (!graphql) return;
  const maxLimit = Number(graphql.config('maxLimit')) || 100;

  const guard = async (resolve: any, parent: any, args: any, context: any, info: any) => {
    checkPagination(args, maxLimit);
    await checkLocale(strapi, args);
    return resolve(parent, args, context, info);
  };

  const resolversConfig: Record<string, unknown> = {
    'Query.articleBySlug': { auth: { scope: [`${ARTICLE}.findBySlug`] }, middlewares: [guard] },
  };
  for (const name of COLLECTION_QUERIES) {
    resolversConfig[`Query.${name}`] = { middlewares: [guard] };
    resolversConfig[`Query.${name}_connection`] = { middlewares: [guard] };
  }
  for (const [key, { middlewares }] of Object.entries(batchedRelationsConfig(strapi))) {
    const existing = resolversConfig[key] as { middlewares?: unknown[] } | undefined;
    resolversConfig[key] = { ...existing, middlewares: [...(existing?.middlewares ?? []), ...middlewares] };
  }

  graphql.service('extension').use(() => ({
    typeDefs: /* GraphQL */ `
      type Query {
        "The published article with this slug (Arabic slugs as they are, not percent-encoded)."
        articleBySlug(slug: String!, locale: I18NLocaleCode): Article
      }
    `,
    resolvers: {
      Query: {
        articleBySlug: {
          resolve: async (_parent: unknown, args: { slug: string; locale?: string }) =>
            strapi.service(ARTICLE).findBySlug(args.slug, { locale: args.locale, populate: {} }),
        },
      },
    },
    resolversConfig,
  }));
}
