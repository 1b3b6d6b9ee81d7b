import type { Core } from '@strapi/strapi';
import { articleUrl } from '../../../lib/article-url';
import { DEFAULT_BASE_URL } from '../../../lib/feed-item';
import { strongEtag } from '../../../lib/http-cache';
import {
  NEWS_MAX_ENTRIES,
  NEWS_WINDOW_MS,
  renderNewsSitemap,
  renderSitemapIndex,
  renderUrlset,
  type NewsEntry,
} from '../../../lib/sitemaps';
import { dbDate } from '../../../lib/dates';
import { infra } from '../../../infra';
import type { CacheValidators } from '../../../infra/http';
import { publishedWhere } from '../../article/query';
import { articleService, noticesService, siteService } from '../../services';

const ARTICLE = 'api::article.article';

/** Rows per query when reading a sitemap page (keeps IN-lists for the section join small). */
const CHUNK = 5000;

interface Row {
  title: string;
  slug: string;
  documentId: string;
  firstPublishedAt: unknown;
  updatedAt: unknown;
  section?: { slug?: string } | null;
}

const newestOf = (dates: Array<Date | null | undefined>): Date =>
  new Date(Math.max(0, ...dates.filter((d): d is Date => !!d).map((d) => d.getTime())));

const sitemap = ({ strapi }: { strapi: Core.Strapi }) => ({
  pageSize(): number {
    return Number(strapi.config.get('syndication.sitemaps.pageSize')) || 50000;
  },

  newsSince(now = Date.now()): Date {
    return new Date(now - NEWS_WINDOW_MS);
  },

  async rows(where: Record<string, unknown>, offset: number, limit: number): Promise<Row[]> {
    const out: Row[] = [];
    for (let start = offset; start < offset + limit; start += CHUNK) {
      const batch: Row[] = await strapi.db.query(ARTICLE).findMany({
        where,
        select: ['title', 'slug', 'documentId', 'firstPublishedAt', 'updatedAt'],
        populate: { section: { select: ['slug'] } },
        orderBy: [{ firstPublishedAt: 'desc' }, { id: 'desc' }],
        offset: start,
        limit: Math.min(CHUNK, offset + limit - start),
      });
      out.push(...batch);
      if (batch.length < CHUNK) break;
    }
    return out;
  },

  url(baseUrl: string, locale: string, row: Row): string {
    return articleUrl({ baseUrl, locale, sectionSlug: row.section?.slug, slug: row.slug || row.documentId });
  },

  /**
   * When a story of the locale last left the public (its kill/withhold notice, within the retention): a
   * sitemap's Last-Modified must move forward when a URL leaves it, or a crawler revalidating by
   * If-Modified-Since keeps the taken-down URL (the newest remaining article is older than the takedown).
   */
  async lastTakedown(locale: string): Promise<Date | null> {
    const [newest] = await noticesService(strapi).list(locale, {}, 1);
    return newest?.changed ?? null;
  },

  /** Sitemap index: per locale, the news sitemap and every page of the article sitemap. */
  async index(): Promise<{ validators: CacheValidators; render: () => Promise<string> }> {
    const locales = (await infra(strapi).locales.known()).sort();
    const aggs = await Promise.all(locales.map((locale) => articleService(strapi).aggregate(publishedWhere(locale))));
    const origin = siteService(strapi).apiOrigin();
    const size = this.pageSize();
    const entries = locales.flatMap((locale, i) => {
      const pages = Math.max(1, Math.ceil(aggs[i].count / size));
      const lastmod = aggs[i].newest ?? undefined;
      return [
        { url: `${origin}/api/sitemaps/news?locale=${encodeURIComponent(locale)}`, lastmod },
        ...Array.from({ length: pages }, (_, p) => ({
          url: `${origin}/api/sitemaps/articles?locale=${encodeURIComponent(locale)}&page=${p + 1}`,
          lastmod,
        })),
      ];
    });
    return {
      validators: {
        etag: strongEtag(['index', origin, size, locales, aggs]),
        lastModified: newestOf(aggs.map((a) => a.newest)),
        access: 'public',
      },
      render: () => renderSitemapIndex(entries),
    };
  },

  async news(locale: string): Promise<{ validators: CacheValidators; render: () => Promise<string> }> {
    const where = publishedWhere(locale, {}, { firstPublishedAt: { $gte: this.newsSince() } });
    const [agg, site, takedown] = await Promise.all([articleService(strapi).aggregate(where), siteService(strapi).settings(locale), this.lastTakedown(locale)]);
    return {
      validators: {
        etag: strongEtag(['news', locale, agg, site.updatedAt, site.baseUrl]),
        lastModified: newestOf([agg.newest, site.updatedAt, takedown]),
        access: 'public',
      },
      render: async () => {
        const baseUrl = site.baseUrl || DEFAULT_BASE_URL;
        const rows = await this.rows(where, 0, NEWS_MAX_ENTRIES);
        const entries: NewsEntry[] = rows.map((row) => ({
          url: this.url(baseUrl, locale, row),
          lastmod: dbDate(row.updatedAt) ?? undefined,
          title: row.title,
          published: dbDate(row.firstPublishedAt) ?? new Date(),
        }));
        return renderNewsSitemap(entries, { name: site.name || new URL(baseUrl).hostname, language: locale });
      },
    };
  },

  /** One page of the full article sitemap; null when the page is past the end. */
  async articles(locale: string, page: number): Promise<{ validators: CacheValidators; render: () => Promise<string> } | null> {
    const where = publishedWhere(locale);
    // Every locale's published versions too: another edition appearing changes this page's hreflang links.
    const [agg, editions, site] = await Promise.all([
      articleService(strapi).aggregate(where),
      articleService(strapi).aggregate({ publishedAt: { $notNull: true } }),
      siteService(strapi).settings(locale),
    ]);
    const takedown = await this.lastTakedown(locale);
    const size = this.pageSize();
    if (page > Math.max(1, Math.ceil(agg.count / size))) return null;
    return {
      validators: {
        etag: strongEtag(['articles', locale, page, size, agg, editions, site.baseUrl]),
        lastModified: newestOf([agg.newest, editions.newest, takedown]),
        access: 'public',
      },
      render: async () => {
        const baseUrl = site.baseUrl || DEFAULT_BASE_URL;
        const rows = await this.rows(where, (page - 1) * size, size);
        const editions = new Map<string, Array<{ locale: string; url: string }>>();
        for (let i = 0; i < rows.length; i += CHUNK) {
          const found = await articleService(strapi).editions(rows.slice(i, i + CHUNK).map((r) => r.documentId), baseUrl);
          for (const [id, e] of found) editions.set(id, e.all);
        }
        return renderUrlset(
          rows.map((row) => ({ url: this.url(baseUrl, locale, row), lastmod: dbDate(row.updatedAt) ?? undefined, alternates: editions.get(row.documentId) })),
        );
      },
    };
  },
});

export type SitemapService = ReturnType<typeof sitemap>;
export default sitemap;
