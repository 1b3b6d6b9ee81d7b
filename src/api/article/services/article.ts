import { factories, type Core } from '@strapi/strapi';
import { articleExtras, type ExtrasContext } from '../../../lib/article-extras';
import { dbDate } from '../../../lib/dates';
import type { Digits } from '../../../lib/reading-time';
import { documentsOf } from '../../../infra/documents';
import type { NewsroomConfig } from '../../../../config/newsroom';
import { presets } from '../populate';
import { withPreset, type ArticleQuery } from '../query';
import type { ArticleCard } from '../types';
import { liveService, readModelService, siteService } from '../../services';
import type { LiveEntryForJsonLd } from '../../../lib/json-ld';
import { editions, originalLocale, type Alternate, type EditionVersion } from '../../../lib/hreflang';
import { infra } from '../../../infra';

const UID = 'api::article.article';
type Status = 'draft' | 'published';

export interface RenderOptions {
  digits: Digits;
  /** The request's auth (ctx.state.auth), for sanitizing. */
  auth: unknown;
  /** No Authorization header: the cards are everyone's, so they may come from the read model. */
  anonymous: boolean;
}

export interface Aggregate {
  count: number;
  newest: Date | null;
}

const article = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The published (or draft) locale version with this slug, in the full preset; null when absent. */
  async findBySlug(slug: string, params: { locale?: string; status?: Status } & ArticleQuery = {}) {
    return documentsOf(strapi, UID).findFirst({ ...withPreset(params, 'full'), filters: { slug: { $eq: slug } }, status: params.status ?? 'published' });
  },

  /** The first of `locales` in which this document has a version of that status; null when none. */
  async firstExistingLocale(documentId: string, locales: string[], status: Status = 'published'): Promise<string | null> {
    const rows: Array<{ locale: string }> = await strapi.db.query(UID).findMany({
      where: { documentId, locale: { $in: locales }, publishedAt: status === 'draft' ? null : { $notNull: true } },
      select: ['locale'],
    });
    const have = new Set(rows.map((r) => r.locale));
    return locales.find((l) => have.has(l)) ?? null;
  },

  /**
   * By slug with a locale fallback: the slug in the requested locale; else the
   * document whose `fallback`-locale version has this slug, served in the
   * requested locale when it has one, otherwise in the fallback locale.
   */
  async findBySlugWithFallback(slug: string, params: { locale: string; status?: Status } & ArticleQuery, fallback: string) {
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
    return documentsOf(strapi, UID).findOne({ ...withPreset(params, 'full'), documentId: other.documentId, locale, status });
  },

  /**
   * The published card of each given document in one locale, keyed by
   * documentId. Through the Query Engine: the same SQL as the Document Service
   * (one query per preset relation, whatever the number of cards) without its
   * per-call parameter validation, which costs as much again (20 search-result
   * cards: 10 ms through `strapi.documents()`, 5 ms here). The published row's
   * relations already point at published targets.
   */
  async publishedCards(documentIds: string[], locale: string): Promise<Map<string, ArticleCard>> {
    if (!documentIds.length) return new Map();
    const query = strapi.get('query-params').transform(UID, presets.card);
    const rows: ArticleCard[] = await strapi.db.query(UID).findMany({
      ...query,
      where: { documentId: { $in: documentIds }, locale, publishedAt: { $notNull: true } },
    });
    return new Map(rows.map((row) => [row.documentId, row]));
  },

  /**
   * Cards as the public REST API shows them — card preset, sanitized for the
   * requester, with readingTimeLabel, dates and jsonLd — keyed by documentId.
   * Anonymous readers get them from the read model (rendered at write time);
   * the rest (tokens, or rows not yet rendered) are rendered here.
   */
  async renderCards(documentIds: string[], locale: string, options: RenderOptions): Promise<Map<string, ArticleCard>> {
    const out = options.anonymous
      ? ((await readModelService(strapi).cards(documentIds, locale, options.digits)) as unknown as Map<string, ArticleCard>)
      : new Map<string, ArticleCard>();
    const missing = documentIds.filter((id) => !out.has(id));
    if (!missing.length) return out;
    const rows = await this.publishedCards(missing, locale);
    const sanitize = strapi.contentAPI.sanitize.output as (data: unknown, schema: unknown, options: { auth: unknown }) => Promise<ArticleCard[]>;
    const cards = await sanitize([...rows.values()], strapi.getModel(UID), { auth: options.auth });
    await this.withExtras(cards, options.digits);
    for (const card of cards) out.set(card.documentId, card);
    return out;
  },

  /**
   * Adds readingTimeLabel, dates and jsonLd to each article (in place), with
   * one site lookup per locale present. Articles without a locale are left alone.
   */
  async withExtras<T extends { locale?: string | null }>(articles: T[], digits: Digits = 'latn'): Promise<T[]> {
    const { timeZone } = strapi.config.get('newsroom') as NewsroomConfig;
    const site = siteService(strapi);
    const mediaBaseUrl = site.apiOrigin();
    const contexts = new Map<string, ExtrasContext>();
    const ids = articles.map((a) => (a as { documentId?: unknown })?.documentId).filter((id): id is string => typeof id === 'string');
    const first = articles.find((a) => typeof a?.locale === 'string')?.locale;
    const found = first ? await this.editions(ids, (await site.publisher(first)).baseUrl) : undefined;
    const entries = await this.liveUpdates(articles);
    for (const item of articles) {
      if (!item || typeof item.locale !== 'string') continue;
      if (!contexts.has(item.locale)) contexts.set(item.locale, { publisher: await site.publisher(item.locale), digits, timeZone, mediaBaseUrl, editions: found });
      const source = item as Parameters<typeof articleExtras>[0] & { documentId?: string };
      const liveEntries = source.isLive === true && source.documentId ? (entries.get(`${item.locale}|${source.documentId}`) ?? []) : undefined;
      Object.assign(item, articleExtras(liveEntries ? { ...source, liveEntries } : source, contexts.get(item.locale)!));
    }
    return articles;
  },

  /** The newest entries of the live articles among these (their JSON-LD liveBlogUpdate), keyed `locale|documentId`: one query per locale. */
  async liveUpdates(articles: Array<{ locale?: string | null; documentId?: string; isLive?: unknown } | null>): Promise<Map<string, LiveEntryForJsonLd[]>> {
    const byLocale = new Map<string, string[]>();
    for (const a of articles) {
      if (a && a.isLive === true && typeof a.locale === 'string' && typeof a.documentId === 'string') byLocale.set(a.locale, [...(byLocale.get(a.locale) ?? []), a.documentId]);
    }
    const out = new Map<string, LiveEntryForJsonLd[]>();
    for (const [locale, ids] of byLocale) {
      for (const [id, list] of await liveService(strapi).newestEntries(ids, locale)) out.set(`${locale}|${id}`, list);
    }
    return out;
  },

  /**
   * The published editions (every locale's public URL) of these documents and
   * which one is the original, in one query: `alternates` and the JSON-LD
   * translation links (src/lib/hreflang.ts). Published versions only, whoever asks.
   */
  async editions(documentIds: string[], baseUrl: string): Promise<Map<string, { all: Alternate[]; original?: string }>> {
    const out = new Map<string, { all: Alternate[]; original?: string }>();
    const ids = [...new Set(documentIds)];
    if (!ids.length) return out;
    const rows = (await strapi.db.query(UID).findMany({
      where: { documentId: { $in: ids }, publishedAt: { $notNull: true } },
      select: ['documentId', 'locale', 'slug', 'firstPublishedAt'],
      populate: { section: { select: ['slug'] } },
    })) as EditionVersion[];
    const defaultLocale = await infra(strapi).locales.defaultLocale();
    const byDoc = new Map<string, EditionVersion[]>();
    for (const r of rows) byDoc.set(r.documentId, [...(byDoc.get(r.documentId) ?? []), r]);
    for (const [id, versions] of byDoc) out.set(id, { all: editions(baseUrl, versions), original: originalLocale(versions, defaultLocale) });
    return out;
  },

  /**
   * COUNT(DISTINCT id) and MAX(updated_at) of the matching rows in ONE query,
   * built by Strapi's query builder (same joins and aliases as its own count()):
   * what a feed's or sitemap's validators need, without loading any item.
   */
  async aggregate(where: Record<string, unknown>): Promise<Aggregate> {
    const builder = (strapi.db as unknown as { entityManager: { createQueryBuilder(uid: string): QueryBuilder } }).entityManager.createQueryBuilder(UID);
    const qb = builder.init({ where }).count();
    const knexQuery = qb.getKnexQuery();
    const updatedAt = (strapi.db.metadata.get(UID).attributes.updatedAt as { columnName?: string })?.columnName ?? 'updated_at';
    knexQuery.max({ max: qb.aliasColumn(updatedAt) });
    const row = ((await knexQuery.first()) ?? {}) as { count?: unknown; max?: unknown };
    return { count: Number(row.count ?? 0), newest: dbDate(row.max) };
  },
});

/** The part of Strapi's query builder `aggregate` uses (not in Strapi's public types). */
interface QueryBuilder {
  init(params: { where: Record<string, unknown> }): QueryBuilder;
  count(): QueryBuilder;
  getKnexQuery(): { max(columns: Record<string, unknown>): void; first(): Promise<unknown> };
  aliasColumn(column: string): string;
}

export type ArticleService = ReturnType<typeof article>;
export default factories.createCoreService(UID, article);
