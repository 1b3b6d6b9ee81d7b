import type { Core } from '@strapi/strapi';
import { articleDates, articleReadingTimeLabel } from '../lib/article-extras';
import { paginationProblems } from '../lib/query-shape';
import { DIGIT_SYSTEMS, type Digits } from '../lib/reading-time';
import { CONTENT_ACCESS } from '../lib/route-policies';
import { infra } from '../infra';
import { documentsOf } from '../infra/documents';
import { invalid, invalidFields } from '../infra/errors';
import { presets } from '../api/article/populate';
import type { ArticleCard } from '../api/article/types';
import { articleService, searchService } from '../api/services';
import type { NewsroomConfig } from '../../config/newsroom';
import { accessResolversConfig, hidePluginQueries, toManyRelationFields } from './access';
import { batchedRelationsConfig, isPreloaded, markPreloaded } from './batch-relations';
import { alternatesResolver } from './editions';
import { liveResolvers, liveTypeDefs } from './live';
import { readModelResolvers } from './read-model';
import type { ResolverMiddleware, ResolversConfig } from './types';

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

export function registerGraphql(strapi: Core.Strapi): void {
  const graphql = strapi.plugin('graphql');
  if (!graphql) return;
  const maxLimit = Number(graphql.config('maxLimit')) || 100;

  const { locales } = infra(strapi);
  /**
   * Strapi clamps an over-large page silently; a partner asking for 10 000
   * items should be told: pages over maxLimit (or "all" with limit -1) are
   * refused naming the argument, as on REST. Unknown locales too.
   */
  const guard: ResolverMiddleware = async (resolve, parent, args, context, info) => {
    const problems = paginationProblems(args?.pagination, maxLimit);
    if (problems.length) invalidFields(problems);
    for (const name of ['locale', 'fallback'] as const) {
      const value = args?.[name];
      if (typeof value === 'string' && !(await locales.isKnown(value))) invalid(name, `must be one of: ${(await locales.known()).join(', ')}`);
    }
    return resolve(parent, args, context, info);
  };

  const resolversConfig: ResolversConfig = {
    'Query.articleBySlug': { auth: { scope: [`${ARTICLE}.findOne`] }, middlewares: [guard] },
    'Query.searchArticles': { auth: { scope: ['api::search.search.find'] }, middlewares: [guard] },
    'Query.relatedArticles': { auth: { scope: ['api::search.search.find'] }, middlewares: [guard] },
    // A coverage is an article: readable by whoever may read a published one (as REST /api/live/…).
    'Query.liveCoverage': { auth: { scope: [`${ARTICLE}.findOne`] }, middlewares: [guard] },
    'Article.readingTimeLabel': { auth: false },
    'Article.dates': { auth: false },
    'Article.jsonLd': { auth: false },
    'Article.alternates': { auth: false },
  };
  for (const name of COLLECTION_QUERIES) {
    resolversConfig[`Query.${name}`] = { middlewares: [guard] };
    resolversConfig[`Query.${name}_connection`] = { middlewares: [guard] };
  }
  // Nested lists too: Strapi would cut `sections { articles(pagination: { pageSize: 500 }) }` to 100 without a word.
  for (const key of toManyRelationFields(strapi)) resolversConfig[key] = { middlewares: [guard] };
  const readModel = readModelResolvers(strapi);
  for (const [key, { middlewares }] of Object.entries(batchedRelationsConfig(strapi, [readModel.articles]))) {
    const existing = resolversConfig[key];
    resolversConfig[key] = { ...existing, middlewares: [...(existing?.middlewares ?? []), ...(middlewares ?? [])] };
  }
  // The REST routes' access policy on every root query and mutation (drafts, token classes).
  for (const [key, { policies }] of Object.entries(accessResolversConfig(strapi, { articleBySlug: ARTICLE, searchArticles: ARTICLE, relatedArticles: ARTICLE, liveCoverage: ARTICLE }))) {
    resolversConfig[key] = { ...resolversConfig[key], policies };
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

      "Another published edition of the story (hreflang)."
      type ArticleAlternate {
        locale: String!
        "The edition's public page."
        url: String!
      }

      extend type Article {
        "Reading time in words, e.g. دقيقتان / 3 دقائق / 5 minutes."
        readingTimeLabel(digits: DigitSystem = latn): String
        dates(digits: DigitSystem = latn): ArticleDates
        "schema.org NewsArticle as JSON text, safe to embed in <script type=application/ld+json>."
        jsonLd: String
        "The story's other published editions (as REST's alternates): empty when there is none."
        alternates: [ArticleAlternate!]!
      }

      type Query {
        "The published article with this slug (Arabic slugs as they are, not percent-encoded); with fallback, the fallback locale's version when the requested one does not exist."
        articleBySlug(slug: String!, locale: I18NLocaleCode, fallback: I18NLocaleCode): Article
        "Arabic-aware full-text search over published articles (same rules as GET /api/search)."
        searchArticles(q: String!, locale: I18NLocaleCode, section: String, page: Int, pageSize: Int): ArticleSearchResult!
        "Related published stories (أخبار ذات صلة) for a published article, most similar first (same rules as GET /api/articles/:documentId/related)."
        relatedArticles(documentId: ID!, locale: I18NLocaleCode, limit: Int): [Article!]!
      }
      ${liveTypeDefs}
    `,
    resolvers: {
      Query: {
        ...liveResolvers(strapi),
        articleBySlug: {
          resolve: async (_parent: unknown, args: { slug: string; locale?: string; fallback?: string }, context: unknown, info: unknown) => {
            const prerendered = await readModel.articleBySlug(args, context, info);
            if (prerendered) return prerendered;
            const articles = articleService(strapi);
            if (!args.fallback) return articles.findBySlug(args.slug, { locale: args.locale, populate: {} });
            const locale = args.locale ?? (await locales.defaultLocale());
            return articles.findBySlugWithFallback(args.slug, { locale, populate: {} }, args.fallback);
          },
        },
        searchArticles: {
          resolve: async (_parent: unknown, args: Record<string, unknown>) => {
            const search = searchService(strapi);
            const page = await search.find(args);
            const cards = await articleService(strapi).publishedCards(page.hits.map((h) => h.documentId), page.locale);
            const ranked = search.inRankOrder(page, cards);
            const items = ranked.map((r) => r.card);
            // The cards come with the card preset's relations: no query per item and field.
            markPreloaded(items);
            return { items, snippets: ranked.map((r) => r.snippet), ...page.pagination };
          },
        },
        relatedArticles: {
          resolve: async (_parent: unknown, args: { documentId: string; locale?: string; limit?: number }) => {
            const related = await searchService(strapi).related(args.documentId, args);
            const cards = await articleService(strapi).publishedCards(related.ids, related.locale);
            const items = related.ids.filter((id) => cards.has(id)).map((id) => cards.get(id)!);
            markPreloaded(items);
            return items;
          },
        },
      },
      Article: {
        alternates: alternatesResolver(strapi),
        readingTimeLabel: (parent: ArticleCard, args: { digits: Digits }) => articleReadingTimeLabel(parent, args.digits) ?? null,
        dates: (parent: ArticleCard, args: { digits: Digits }) =>
          articleDates(parent, { digits: args.digits, timeZone: (strapi.config.get('newsroom') as NewsroomConfig).timeZone }),
        // Needs the relations (section, authors, tags, cover): one card load per article asked for,
        // unless it came from the read model, which rendered it.
        jsonLd: async (parent: ArticleCard & { jsonLd?: unknown }) => {
          if (isPreloaded(parent) && typeof parent.jsonLd === 'string') return parent.jsonLd;
          const card = (await documentsOf(strapi, ARTICLE).findOne({
            ...presets.card,
            documentId: parent.documentId,
            locale: parent.locale ?? undefined,
            status: parent.publishedAt ? 'published' : 'draft',
          })) as (ArticleCard & { jsonLd?: string }) | null;
          return card ? (await articleService(strapi).withExtras([card]))[0].jsonLd ?? null : null;
        },
      },
    },
    resolversConfig,
  }));
}
