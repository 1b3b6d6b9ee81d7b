import type { Core } from '@strapi/strapi';
import { toFeedItem, toFeedMeta, type FeedArticle } from '../../../lib/feed-item';
import { FEED_CONTENT_TYPES, NOTICE_FORMATS, renderFeed, type FeedFormat } from '../../../lib/feeds';
import { strongEtag, type AccessClass } from '../../../lib/http-cache';
import type { FieldError } from '../../../lib/input-rules';
import { infra } from '../../../infra';
import { documentsOf } from '../../../infra/documents';
import { invalidFields, notFound } from '../../../infra/errors';
import type { CacheValidators } from '../../../infra/http';
import { listQuery, publishedWhere, withPreset, type ArticleFilters } from '../../article/query';
import type { ArticleFull } from '../../article/types';
import { articleService, noticesService, siteService } from '../../services';

export const DEFAULT_LIMIT = 30;
export const MAX_LIMIT = 100;
const ARTICLE = 'api::article.article';

/** A validated, normalised feed request: the only inputs that shape a feed. */
export interface FeedRequest {
  locale: string;
  limit: number;
  filters: ArticleFilters;
  /** Display names of the filter targets (for the feed title). */
  labels: string[];
}

const FILTER_TYPES = {
  section: 'api::section.section',
  author: 'api::author.author',
  tag: 'api::tag.tag',
} as const;

const single = (value: unknown): string | undefined | null =>
  value === undefined ? undefined : typeof value === 'string' && value.trim() !== '' ? value.trim() : null;

const feed = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The feed a query asks for: 400 for malformed parameters, 404 for a section/author/tag slug not in the locale. */
  async parse(query: Record<string, unknown>): Promise<FeedRequest> {
    const errors: FieldError[] = [];
    const locale = single(query.locale);
    if (locale === null) errors.push({ path: ['locale'], message: 'must be a single locale code' });
    let limit = DEFAULT_LIMIT;
    if (query.limit !== undefined) {
      const raw = single(query.limit);
      limit = raw && /^\d{1,3}$/.test(raw) ? Number(raw) : NaN;
      if (!(limit >= 1 && limit <= MAX_LIMIT)) errors.push({ path: ['limit'], message: `must be an integer from 1 to ${MAX_LIMIT}` });
    }
    const filters: ArticleFilters = {};
    for (const key of Object.keys(FILTER_TYPES) as Array<keyof typeof FILTER_TYPES>) {
      const slug = single(query[key]);
      if (slug === null) errors.push({ path: [key], message: 'must be a single slug' });
      else if (slug) filters[key] = slug;
    }
    if (errors.length) invalidFields(errors, 'Invalid feed parameters');

    const resolvedLocale = locale ?? (await infra(strapi).locales.defaultLocale());
    const labels: string[] = [];
    for (const [key, slug] of Object.entries(filters) as Array<[keyof typeof FILTER_TYPES, string]>) {
      const found = await strapi.db.query(FILTER_TYPES[key]).findOne({ where: { slug, locale: resolvedLocale }, select: ['name'] });
      if (!found) notFound(key, `No ${key} with slug "${slug}" in locale "${resolvedLocale}"`);
      labels.push(found.name);
    }
    return { locale: resolvedLocale, limit, filters, labels };
  },

  /** Canonical URL of a feed: the rel="self" link and the WebSub topic (default limit omitted). */
  selfUrl(format: FeedFormat, locale: string, filters: ArticleFilters = {}, limit = DEFAULT_LIMIT): string {
    const params = new URLSearchParams({ locale });
    for (const key of ['section', 'author', 'tag'] as const) if (filters[key]) params.set(key, filters[key]!);
    if (limit !== DEFAULT_LIMIT) params.set('limit', String(limit));
    return `${siteService(strapi).apiOrigin()}/api/feeds/${format}?${params.toString()}`;
  },

  hubUrl(): string | undefined {
    return (strapi.config.get('syndication.websub.hubUrl') as string) || undefined;
  },

  /**
   * Validators from one aggregate query (newest updatedAt + count of the matching
   * articles) plus the site row, so a revalidation never loads the items.
   */
  async validators(format: FeedFormat, req: FeedRequest, access: AccessClass): Promise<CacheValidators> {
    const [agg, site, notices] = await Promise.all([
      articleService(strapi).aggregate(publishedWhere(req.locale, req.filters)),
      siteService(strapi).settings(req.locale),
      this.notices(format, req),
    ]);
    const self = this.selfUrl(format, req.locale, req.filters, req.limit);
    const hub = this.hubUrl();
    const noticeStamp = notices.map((n) => `${n.id}:${n.version}`);
    // RSS cannot carry a notice, but its Last-Modified must still move forward when a story leaves it
    // (else a client revalidating by If-Modified-Since keeps the taken-down item): the newest takedown counts.
    const takedowns = format === 'rss' ? await noticesService(strapi).list(req.locale, req.filters, 1) : notices;
    const times = [agg.newest, site.updatedAt, ...takedowns.map((n) => n.changed)].filter((d): d is Date => d !== null).map((d) => d.getTime());
    return {
      etag: strongEtag([format, req.locale, req.filters, req.limit, access, agg.count, agg.newest, site.updatedAt, self, hub, noticeStamp]),
      lastModified: new Date(Math.max(0, ...times)),
      access,
      links: [...(hub ? [{ href: hub, rel: 'hub' }] : []), { href: self, rel: 'self' }],
    };
  },

  /** The kill/withhold notices this feed carries (none in RSS, which cannot say it). */
  notices(format: FeedFormat, req: FeedRequest) {
    return NOTICE_FORMATS.includes(format) ? noticesService(strapi).list(req.locale, req.filters, req.limit) : Promise.resolve([]);
  },

  /** Loads the newest published articles (card preset, or full for partners) in a fixed number of queries and renders. */
  async render(format: FeedFormat, req: FeedRequest, access: AccessClass): Promise<string> {
    const fullText = access === 'partner';
    const query = listQuery(withPreset({ ...req.filters }, fullText ? 'full' : 'card'));
    const site = siteService(strapi);
    const [articles, settings, notices] = await Promise.all([
      documentsOf(strapi, ARTICLE).findMany({ ...query, locale: req.locale, status: 'published', limit: req.limit }),
      site.settings(req.locale),
      this.notices(format, req),
    ]);
    const versions = await noticesService(strapi).versions((articles as unknown as ArticleFull[]).map((a) => ({ documentId: a.documentId, locale: a.locale ?? req.locale })));
    const items = (articles as unknown as ArticleFull[]).map((article) => ({
      ...toFeedItem(article satisfies FeedArticle, { site: settings, locale: req.locale, fullText, mediaBaseUrl: site.apiOrigin() }),
      version: versions.get(`${article.documentId}|${article.locale ?? req.locale}`) ?? 1,
    }));
    const meta = toFeedMeta({
      site: settings,
      locale: req.locale,
      selfUrl: this.selfUrl(format, req.locale, req.filters, req.limit),
      hubUrl: this.hubUrl(),
      items,
      subtitle: req.labels.join(' · ') || undefined,
    });
    return renderFeed(format, meta, items, settings.baseUrl ?? '', notices);
  },

  contentType(format: FeedFormat): string {
    return FEED_CONTENT_TYPES[format];
  },
});

export type FeedService = ReturnType<typeof feed>;
export default feed;
