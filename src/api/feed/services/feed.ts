import type { Core } from '@strapi/strapi';
import { toFeedItem, toFeedMeta, type FeedArticle } from '../../../lib/feed-item';
import { FEED_CONTENT_TYPES, renderFeed, type FeedFormat } from '../../../lib/feeds';
import { strongEtag, type AccessClass } from '../../../lib/http-cache';
import type { FieldError } from '../../../lib/input-rules';
import { listQuery, withPreset } from '../../article/services/article';
import { defaultLocale } from '../../../services/locales';
import { ARTICLE, aggregate, apiOrigin, loadSite, publishedWhere, type ArticleFilters } from '../../../services/syndication-source';
import type { CacheValidators } from '../../../services/syndication-http';

export const DEFAULT_LIMIT = 30;
export const MAX_LIMIT = 100;

/** A validated, normalised feed request: the only inputs that shape a feed. */
export interface FeedRequest {
  locale: string;
  limit: number;
  filters: ArticleFilters;
  /** Display names of the filter targets (for the feed title). */
  labels: string[];
}

type Parsed = { ok: FeedRequest } | { status: 400 | 404; message: string; errors: FieldError[] };

const FILTER_TYPES = {
  section: 'api::section.section',
  author: 'api::author.author',
  tag: 'api::tag.tag',
} as const;

const single = (value: unknown): string | undefined | null =>
  value === undefined ? undefined : typeof value === 'string' && value.trim() !== '' ? value.trim() : null;

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** 400 for malformed parameters, 404 for a section/author/tag slug that does not exist in the locale. */
  async parse(query: Record<string, unknown>): Promise<Parsed> {
    const errors: FieldError[] = [];
    const locale = single(query.locale);
    if (locale === null) errors.push({ path: ['locale'], message: 'must be a single locale code' });
    let limit = DEFAULT_LIMIT;
    if (query.limit !== undefined) {
      const raw = single(query.limit);
      limit = raw && /^\d{1,3}$/.test(raw) ? Number(raw) : NaN;
      if (!(limit >= 1 && limit <= MAX_LIMIT)) {
        errors.push({ path: ['limit'], message: `must be an integer from 1 to ${MAX_LIMIT}` });
      }
    }
    const filters: ArticleFilters = {};
    for (const key of Object.keys(FILTER_TYPES) as Array<keyof typeof FILTER_TYPES>) {
      const slug = single(query[key]);
      if (slug === null) errors.push({ path: [key], message: 'must be a single slug' });
      else if (slug) filters[key] = slug;
    }
    if (errors.length) return { status: 400, message: 'Invalid feed parameters', errors };

    const resolvedLocale = locale ?? (await defaultLocale(strapi));
    const labels: string[] = [];
    for (const [key, slug] of Object.entries(filters) as Array<[keyof typeof FILTER_TYPES, string]>) {
      const found = await strapi.db
        .query(FILTER_TYPES[key])
        .findOne({ where: { slug, locale: resolvedLocale }, select: ['name'] });
      if (!found) {
        return {
          status: 404,
          message: `No ${key} with slug "${slug}" in locale "${resolvedLocale}"`,
          errors: [{ path: [key], message: 'not found' }],
        };
      }
      labels.push(found.name);
    }
    return { ok: { locale: resolvedLocale, limit, filters, labels } };
  },

  /** Canonical URL of a feed: the rel="self" link and the WebSub topic (default limit omitted). */
  selfUrl(format: FeedFormat, locale: string, filters: ArticleFilters = {}, limit = DEFAULT_LIMIT): string {
    const params = new URLSearchParams({ locale });
    for (const key of ['section', 'author', 'tag'] as const) if (filters[key]) params.set(key, filters[key]!);
    if (limit !== DEFAULT_LIMIT) params.set('limit', String(limit));
    return `${apiOrigin(strapi)}/api/feeds/${format}?${params.toString()}`;
  },

  hubUrl(): string | undefined {
    return (strapi.config.get('syndication.websub.hubUrl') as string) || undefined;
  },

  /**
   * Validators from one aggregate query (newest updatedAt + count of the matching
   * articles) plus the site row, so a revalidation never loads the items.
   */
  async validators(format: FeedFormat, req: FeedRequest, access: AccessClass): Promise<CacheValidators> {
    const [agg, site] = await Promise.all([
      aggregate(strapi, publishedWhere(req.locale, req.filters)),
      loadSite(strapi, req.locale),
    ]);
    const self = this.selfUrl(format, req.locale, req.filters, req.limit);
    const hub = this.hubUrl();
    const siteUpdated = site.updatedAt ? new Date(site.updatedAt) : null;
    const times = [agg.newest, siteUpdated].filter((d): d is Date => d !== null).map((d) => d.getTime());
    return {
      etag: strongEtag([format, req.locale, req.filters, req.limit, access, agg.count, agg.newest, siteUpdated, self, hub]),
      lastModified: new Date(Math.max(0, ...times)),
      access,
      links: [...(hub ? [{ href: hub, rel: 'hub' }] : []), { href: self, rel: 'self' }],
    };
  },

  /** Loads the newest published articles (card preset, or full for partners) in a fixed number of queries and renders. */
  async render(format: FeedFormat, req: FeedRequest, access: AccessClass): Promise<string> {
    const fullText = access === 'partner';
    const query = listQuery(withPreset({ ...req.filters }, fullText ? 'full' : 'card'));
    const [articles, site] = await Promise.all([
      strapi.documents(ARTICLE).findMany({ ...query, locale: req.locale, status: 'published', limit: req.limit } as any),
      loadSite(strapi, req.locale),
    ]);
    const mediaBaseUrl = apiOrigin(strapi);
    const items = (articles as unknown as FeedArticle[]).map((article) =>
      toFeedItem(article, { site, locale: req.locale, fullText, mediaBaseUrl }),
    );
    const meta = toFeedMeta({
      site,
      locale: req.locale,
      selfUrl: this.selfUrl(format, req.locale, req.filters, req.limit),
      hubUrl: this.hubUrl(),
      items,
      subtitle: req.labels.join(' · ') || undefined,
    });
    return renderFeed(format, meta, items, site.baseUrl ?? '');
  },

  contentType(format: FeedFormat): string {
    return FEED_CONTENT_TYPES[format];
  },
});
