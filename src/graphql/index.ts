import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { defaultLocale, isKnownLocale, knownLocales } from '../services/locales';
import { inRankOrder, searchArticles } from '../services/search/request';
import { publishedCards } from '../services/article-cards';
import { addArticleExtras, siteTimeZone } from '../services/article-extras';
import { presets } from '../api/article/populate';
import { articleDates, articleReadingTimeLabel } from '../lib/article-extras';
import { DIGIT_SYSTEMS, type Digits } from '../lib/reading-time';
import { batchedRelationsConfig, markPreloaded } from './batch-relations';
import { accessResolversConfig, hidePluginQueries, toManyRelationFields } from './access';
import { CONTENT_ACCESS } from '../lib/route-policies';

const ARTICLE = 'api::article.article';
/** users-permissions' GraphQL account mutations → the REST auth action each stands for. */
const ACCOUNT_MUTATIONS = {
  login: 'callback',
  register: 'register',
  forgotPassword: 'forgotPassword',
  resetPassword: 'resetPassword',
  changePassword: 'changePassword',
  emailConfirmation: 'emailConfirmation',
};
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
    await checkLocale(strapi, args, 'fallback');
    return resolve(parent, args, context, info);
  };

  const resolversConfig: Record<string, unknown> = {
    'Query.articleBySlug': { auth: { scope: [`${ARTICLE}.findOne`] }, middlewares: [guard] },
    'Query.searchArticles': { auth: { scope: ['api::search.search.find'] }, middlewares: [guard] },
    'Article.readingTimeLabel': { auth: false },
    'Article.dates': { auth: false },
    'Article.jsonLd': { auth: false },
  };
  for (const name of COLLECTION_QUERIES) {
    resolversConfig[`Query.${name}`] = { middlewares: [guard] };
    resolversConfig[`Query.${name}_connection`] = { middlewares: [guard] };
  }
  // Nested lists too: Strapi would cut `sections { articles(pagination: { pageSize: 500 }) }` to 100 without a word.
  for (const key of toManyRelationFields(strapi)) resolversConfig[key] = { middlewares: [guard] };
  for (const [key, { middlewares }] of Object.entries(batchedRelationsConfig(strapi))) {
    const existing = resolversConfig[key] as { middlewares?: unknown[] } | undefined;
    resolversConfig[key] = { ...existing, middlewares: [...(existing?.middlewares ?? []), ...middlewares] };
  }
  // The REST routes' access policy on every root query and mutation (drafts, token classes).
  for (const [key, { policies }] of Object.entries(accessResolversConfig(strapi, { articleBySlug: ARTICLE, searchArticles: ARTICLE }))) {
    resolversConfig[key] = { ...(resolversConfig[key] as object | undefined), policies };
  }
  hidePluginQueries(strapi);
  // users-permissions' account mutations skip the permission check (auth: false, and the first
  // extension's config wins the merge); the access policy asks for the permission of their REST
  // route instead, which the public role does not hold (src/bootstrap/public-permissions.ts).
  for (const [field, action] of Object.entries(ACCOUNT_MUTATIONS)) {
    resolversConfig[`Mutation.${field}`] = {
      policies: [{ name: CONTENT_ACCESS, config: { uid: 'plugin::users-permissions.auth', scope: `plugin::users-permissions.auth.${action}` } }],
    };
  }

  graphql.service('extension').use(() => ({
    typeDefs: /* GraphQL */ `
      enum DigitSystem { ${DIGIT_SYSTEMS.join(' ')} }

      type ArticleFormattedDate {
        iso: String!
        gregorian: String!
        "Umm al-Qura Hijri calendar"
        hijri: String!
      }

      type ArticleDates {
        firstPublishedAt: ArticleFormattedDate
      }

      type ArticleSearchResult {
        "Published article cards, best match first."
        items: [Article!]!
        "HTML snippet for each item, same order; <mark> is the only markup."
        snippets: [String!]!
        total: Int!
        page: Int!
        pageSize: Int!
        pageCount: Int!
      }

      extend type Article {
        "Reading time in words, e.g. دقيقتان / 3 دقائق / 5 minutes."
        readingTimeLabel(digits: DigitSystem = latn): String
        dates(digits: DigitSystem = latn): ArticleDates
        "schema.org NewsArticle as JSON text, safe to embed in <script type=application/ld+json>."
        jsonLd: String
      }

      type Query {
        "The published article with this slug (Arabic slugs as they are, not percent-encoded); with fallback, the fallback locale's version when the requested one does not exist."
        articleBySlug(slug: String!, locale: I18NLocaleCode, fallback: I18NLocaleCode): Article
        "Arabic-aware full-text search over published articles (same rules as GET /api/search)."
        searchArticles(q: String!, locale: I18NLocaleCode, section: String, page: Int, pageSize: Int): ArticleSearchResult!
      }
    `,
    resolvers: {
      Query: {
        articleBySlug: {
          resolve: async (_parent: unknown, args: { slug: string; locale?: string; fallback?: string }) => {
            const service = strapi.service(ARTICLE);
            if (!args.fallback) return service.findBySlug(args.slug, { locale: args.locale, populate: {} });
            const locale = args.locale ?? (await defaultLocale(strapi));
            return service.findBySlugWithFallback(args.slug, { locale, populate: {} }, args.fallback);
          },
        },
        searchArticles: {
          resolve: async (_parent: unknown, args: Record<string, unknown>) => {
            const page = await searchArticles(strapi, args);
            const ranked = inRankOrder(page, await publishedCards(strapi, page.hits.map((h) => h.documentId), page.locale));
            const items = ranked.map((r) => r.card);
            // The cards come with the card preset's relations: no query per item and field.
            markPreloaded(items);
            return { items, snippets: ranked.map((r) => r.snippet), ...page.pagination };
          },
        },
      },
      Article: {
        readingTimeLabel: (parent: any, args: { digits: Digits }) => articleReadingTimeLabel(parent, args.digits) ?? null,
        dates: (parent: any, args: { digits: Digits }) => articleDates(parent, { digits: args.digits, timeZone: siteTimeZone() }),
        // Needs the relations (section, authors, tags, cover): one card load per article asked for.
        jsonLd: async (parent: any) => {
          const card = await strapi.documents(ARTICLE).findOne({
            ...(presets.card as any),
            documentId: parent.documentId,
            locale: parent.locale,
            status: parent.publishedAt ? 'published' : 'draft',
          });
          return card ? (await addArticleExtras(strapi, [card as Record<string, any>]))[0].jsonLd : null;
        },
      },
    },
    resolversConfig,
  }));
}
