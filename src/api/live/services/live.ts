import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { articleUrl } from '../../../lib/article-url';
import { blocksToPlainText } from '../../../lib/blocks-text';
import { absoluteUrl, cleanText, DEFAULT_BASE_URL, stableId, toFeedMeta, type FeedItem } from '../../../lib/feed-item';
import { renderBlocksToHtml } from '../../../lib/blocks-html';
import { FEED_CONTENT_TYPES, renderFeed, type FeedFormat } from '../../../lib/feeds';
import { strongEtag, type AccessClass } from '../../../lib/http-cache';
import {
  cursorFilter,
  ENTRY_POPULATE,
  entryUrl,
  JSON_LD_UPDATES,
  LIVE_ENTRY_UID,
  publicEntry,
  type EntryQuery,
  type EntryRow,
  type LiveEvent,
  type LiveEventKind,
  type PublicEntry,
} from '../../../lib/live';
import { infra } from '../../../infra';
import { documentsOf } from '../../../infra/documents';
import { invalid } from '../../../infra/errors';
import type { CacheValidators } from '../../../infra/http';
import { siteService } from '../../services';

const ARTICLE = 'api::article.article';
const SORT = [{ postedAt: 'desc' }, { id: 'desc' }];

/** The public facts of a live coverage in one locale (its published article version). */
export interface Coverage {
  documentId: string;
  locale: string;
  title: string;
  slug: string | null;
  sectionSlug: string | null;
  coverageStartTime: string | null;
  coverageEndTime: string | null;
  updatedAt: string | null;
}

export interface EntryPage {
  entries: PublicEntry[];
  /** More entries beyond this page in its direction (older for `before`/first page, newer for `after`). */
  hasMore: boolean;
}

const iso = (v: unknown): string | null => (v ? new Date(v as string).toISOString() : null);

const live = ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * The published, live version of an article in one locale; null when there
   * is none (a draft, an embargoed story, not live): the public surfaces then
   * answer 404, whoever asks.
   */
  async coverage(documentId: string, locale: string): Promise<Coverage | null> {
    const doc = await documentsOf(strapi, ARTICLE).findOne({
      documentId,
      locale,
      status: 'published',
      fields: ['title', 'slug', 'isLive', 'coverageStartTime', 'coverageEndTime', 'updatedAt', 'firstPublishedAt'],
      populate: { section: { fields: ['slug'] } },
    });
    if (!doc || doc.isLive !== true) return null;
    return {
      documentId,
      locale,
      title: doc.title,
      slug: doc.slug ?? null,
      sectionSlug: doc.section?.slug ?? null,
      coverageStartTime: iso(doc.coverageStartTime ?? doc.firstPublishedAt),
      coverageEndTime: iso(doc.coverageEndTime),
      updatedAt: iso(doc.updatedAt),
    };
  },

  /**
   * The floor under every read of entries by a caller without the drafts
   * permission (src/documents/read-access.ts): only entries whose coverage has
   * a published, live version in the entry's own locale.
   */
  async publicCoverageFilter(): Promise<Record<string, unknown>> {
    const rows: Array<{ documentId: string; locale: string }> = await strapi.db.query(ARTICLE).findMany({
      where: { isLive: true, publishedAt: { $notNull: true } },
      select: ['documentId', 'locale'],
    });
    if (!rows.length) return { id: { $lt: 0 } };
    const byLocale = new Map<string, string[]>();
    for (const r of rows) byLocale.set(r.locale, [...(byLocale.get(r.locale) ?? []), r.documentId]);
    return { $or: [...byLocale].map(([locale, ids]) => ({ $and: [{ locale: { $eq: locale } }, { coverage: { $in: ids } }] })) };
  },

  /** One page of a coverage's entries, newest first (cursor: ?after/?before=<entry documentId>, ?since=<time>). */
  async page(coverage: string, locale: string, query: EntryQuery): Promise<EntryPage> {
    const and: Record<string, unknown>[] = [{ coverage: { $eq: coverage } }];
    const cursorName = query.after ? 'after' : query.before ? 'before' : null;
    if (cursorName) {
      const at = await strapi.db.query(LIVE_ENTRY_UID).findOne({ where: { documentId: query[cursorName], locale, coverage }, select: ['id', 'postedAt'] });
      if (!at) invalid(cursorName, 'must be the documentId of an entry of this coverage');
      and.push(cursorFilter(cursorName, at as { id: number; postedAt: string }));
    }
    if (query.since) and.push({ updatedAt: { $gt: query.since.toISOString() } });
    const newer = cursorName === 'after';
    const rows = (await documentsOf(strapi, LIVE_ENTRY_UID).findMany({
      locale,
      filters: { $and: and },
      sort: newer ? [{ postedAt: 'asc' }, { id: 'asc' }] : SORT,
      limit: query.limit + 1,
      populate: ENTRY_POPULATE,
    })) as unknown as EntryRow[];
    const hasMore = rows.length > query.limit;
    const kept = rows.slice(0, query.limit);
    if (newer) kept.reverse();
    return { entries: kept.map((r) => publicEntry(r, locale)), hasMore };
  },

  /** The newest entries of each live article (JSON-LD liveBlogUpdate), one query per locale. */
  async newestEntries(documentIds: string[], locale: string, limit = JSON_LD_UPDATES): Promise<Map<string, PublicEntry[]>> {
    const out = new Map<string, PublicEntry[]>();
    if (!documentIds.length) return out;
    const rows = (await strapi.db.query(LIVE_ENTRY_UID).findMany({
      where: { coverage: { $in: documentIds }, locale },
      orderBy: SORT,
      limit: limit * documentIds.length,
      populate: { authors: { select: ['documentId', 'name', 'slug', 'jobTitle'] }, image: { populate: { image: { select: ['url', 'alternativeText', 'width', 'height', 'mime'] } } } },
    })) as EntryRow[];
    for (const row of rows) {
      const list = out.get(row.coverage) ?? [];
      if (list.length < limit) list.push(publicEntry(row, locale));
      out.set(row.coverage, list);
    }
    return out;
  },

  /** An entry as the stream sends it, read inside the write's transaction (no request access rules: the writer's view). */
  async renderEntry(documentId: string, locale: string): Promise<PublicEntry | null> {
    const row = (await strapi.db.query(LIVE_ENTRY_UID).findOne({
      where: { documentId, locale },
      populate: { authors: { select: ['documentId', 'name', 'slug', 'jobTitle'] }, image: { populate: { image: { select: ['url', 'alternativeText', 'width', 'height', 'mime'] } } }, corrections: true },
    })) as EntryRow | null;
    return row ? publicEntry(row, locale) : null;
  },

  /** Appends one event to the log in the caller's transaction. */
  record(trx: Knex, coverage: string, locale: string, entry: string, kind: LiveEventKind, payload: unknown): Promise<LiveEvent> {
    return infra(strapi).live.record(trx, { coverage, locale, entry, kind, payload: JSON.stringify(payload) });
  },

  /** The public URL of the coverage's article page. */
  async articleUrl(c: Coverage): Promise<string> {
    const settings = await siteService(strapi).settings(c.locale);
    return articleUrl({ baseUrl: settings.baseUrl || DEFAULT_BASE_URL, locale: c.locale, sectionSlug: c.sectionSlug, slug: c.slug || c.documentId });
  },

  selfFeedUrl(format: FeedFormat, c: Coverage): string {
    return `${siteService(strapi).apiOrigin()}/api/live/${c.documentId}/feed/${format}?locale=${encodeURIComponent(c.locale)}`;
  },

  /** Validators of a coverage feed: newest entry change + count, the coverage's own version, the site. */
  async feedValidators(format: FeedFormat, c: Coverage, access: AccessClass, limit: number): Promise<CacheValidators> {
    const [agg] = await strapi.db.connection('live_entries').where({ coverage: c.documentId, locale: c.locale }).count({ count: '*' }).max({ newest: 'updated_at' });
    const site = await siteService(strapi).settings(c.locale);
    const newest = agg?.newest ? new Date(agg.newest as string | number) : null;
    const times = [newest, site.updatedAt, c.updatedAt ? new Date(c.updatedAt) : null].filter((d): d is Date => !!d && !Number.isNaN(d.getTime())).map((d) => d.getTime());
    return {
      etag: strongEtag(['live', format, c, access, limit, Number(agg?.count ?? 0), newest, site.updatedAt]),
      lastModified: new Date(Math.max(0, ...times)),
      access,
      links: [{ href: this.selfFeedUrl(format, c), rel: 'self' }],
    };
  },

  /** The coverage's newest entries as feed items (each its own stable id); partners get the full body. */
  async renderFeed(format: FeedFormat, c: Coverage, access: AccessClass, limit: number): Promise<string> {
    const site = siteService(strapi);
    const settings = await site.settings(c.locale);
    const page = await this.page(c.documentId, c.locale, { limit });
    const pageUrl = await this.articleUrl(c);
    const mediaBase = site.apiOrigin();
    const items: FeedItem[] = page.entries.map((e) => {
      const text = blocksToPlainText(e.body);
      const posted = e.postedAt ? new Date(e.postedAt) : new Date(0);
      const html = access === 'partner' ? renderBlocksToHtml(e.body as never, { locale: c.locale, baseUrl: mediaBase }) : '';
      const imageUrl = e.image?.url ? absoluteUrl(e.image.url, mediaBase) : undefined;
      return {
        id: stableId(e.documentId, c.locale, 'live-entry'),
        url: entryUrl(pageUrl, e.documentId),
        title: cleanText(e.title) || cleanText(text.slice(0, 110)) || cleanText(c.title),
        summary: cleanText(text.length > 300 ? `${text.slice(0, 297)}…` : text) || undefined,
        contentHtml: html || undefined,
        published: posted,
        updated: e.updatedAt ? new Date(e.updatedAt) : posted,
        authors: e.authors.filter((a) => a.name).map((a) => ({ name: cleanText(a.name), slug: a.slug ?? undefined })),
        categories: [],
        image: imageUrl
          ? { url: imageUrl, type: e.image!.mime ?? undefined, width: e.image!.width ?? undefined, height: e.image!.height ?? undefined, caption: e.image!.caption ?? undefined, credit: e.image!.credit ?? undefined, alt: e.image!.alt ?? undefined }
          : undefined,
        language: c.locale,
      };
    });
    const meta = toFeedMeta({ site: settings, locale: c.locale, selfUrl: this.selfFeedUrl(format, c), items, subtitle: cleanText(c.title) });
    return renderFeed(format, meta, items, settings.baseUrl ?? '');
  },

  contentType(format: FeedFormat): string {
    return FEED_CONTENT_TYPES[format];
  },
});

export type LiveService = ReturnType<typeof live>;
export default live;
