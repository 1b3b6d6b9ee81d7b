/**
 * Database reads shared by feeds, sitemaps and WebSub: published-article
 * filters, one-query aggregates for cache validators, the site settings and
 * the public API origin.
 */
import type { Core } from '@strapi/strapi';
import type { SiteInfo } from '../lib/feed-item';
import { defaultLocale } from './locales';

export const ARTICLE = 'api::article.article';

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

const toDate = (value: unknown): Date | null => {
  if (value === null || value === undefined) return null;
  // SQLite returns epoch milliseconds (number or numeric string); PostgreSQL a Date.
  const date = value instanceof Date ? value : new Date(typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : (value as any));
  return Number.isNaN(date.getTime()) ? null : date;
};

export interface Aggregate {
  count: number;
  newest: Date | null;
}

/**
 * COUNT(DISTINCT id) and MAX(updated_at) of the matching rows in ONE query,
 * built by Strapi's query builder (same joins and aliases as its own count()).
 */
export async function aggregate(strapi: Core.Strapi, where: Record<string, unknown>): Promise<Aggregate> {
  // A `count` query is the one the builder aliases and de-duplicates (COUNT DISTINCT) when the
  // filters join relations; MAX(updated_at) is added to the same SELECT.
  const qb: any = (strapi.db as any).entityManager.createQueryBuilder(ARTICLE).init({ where }).count();
  const knexQuery = qb.getKnexQuery();
  const updatedAt = (strapi.db.metadata.get(ARTICLE).attributes.updatedAt as any)?.columnName ?? 'updated_at';
  knexQuery.max({ max: qb.aliasColumn(updatedAt) });
  const row = (await knexQuery.first()) ?? {};
  return { count: Number(row.count ?? 0), newest: toDate(row.max) };
}

/** The site single type in `locale`, falling back to the default locale's row (baseUrl is shared). */
export async function loadSite(strapi: Core.Strapi, locale: string): Promise<SiteInfo> {
  const fallback = await defaultLocale(strapi);
  const rows: Array<SiteInfo & { locale: string }> = await strapi.db.query('api::site.site').findMany({
    where: { locale: { $in: [...new Set([locale, fallback])] } },
    select: ['name', 'description', 'copyright', 'baseUrl', 'updatedAt', 'locale'],
  });
  const own = rows.find((r) => r.locale === locale);
  const other = rows.find((r) => r.locale !== locale);
  return { ...(other ?? {}), ...(own ?? {}), baseUrl: own?.baseUrl || other?.baseUrl, updatedAt: toDate(own?.updatedAt ?? other?.updatedAt) };
}

/** Public origin of this API (PUBLIC_URL, else Strapi's computed http://host:port), for self links and media. */
export const apiOrigin = (strapi: Core.Strapi): string =>
  String(strapi.config.get('server.absoluteUrl') || 'http://localhost:1337').replace(/\/+$/, '');

export { toDate as dbDate };
