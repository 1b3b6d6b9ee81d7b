import type { Core } from '@strapi/strapi';
import { articleChangeKeys, documentKeys, GRAPHQL_KEY, LISTS_KEY, type PublishedVersion } from '../lib/cache-keys';
import { FEED_FORMATS } from '../lib/feeds';
import { publicChange, splitEvictions, type PublicChange, type VersionStamp } from '../lib/publication';
import type { Ref } from '../lib/read-model';
import { affectedTopics, pingHub, type ArticleTopicSource } from '../lib/websub';
import { infra } from '../infra';
import { feedService, noticesService, outboxService, readModelService, searchService, siteService } from '../api/services';
import { parseTakedown, type Takedown } from '../lib/syndication';
import { currentTakedown } from '../infra/takedown';
import { invalidFields } from '../infra/errors';
import type { DocumentMiddleware } from './types';

const ARTICLE = 'api::article.article';
const SITE = 'api::site.site';
const TAXONOMY: Record<string, 'section' | 'author' | 'tag'> = {
  'api::section.section': 'section',
  'api::author.author': 'author',
  'api::tag.tag': 'tag',
};
const WRITES = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft']);

export type ArticleVersion = VersionStamp & PublishedVersion & { title?: string; slug?: string; firstPublishedAt?: string | Date | null; corrections?: unknown[] };
type Effects = () => Promise<void>;

/** The published versions of an article, with what its lists are scoped by (one query per relation). */
export const articleVersions = (strapi: Core.Strapi, documentId: string): Promise<ArticleVersion[]> =>
  strapi.db.query(ARTICLE).findMany({
    where: { documentId, publishedAt: { $notNull: true } },
    select: ['id', 'locale', 'updatedAt', 'title', 'slug', 'firstPublishedAt'],
    populate: { section: { select: ['slug'] }, authors: { select: ['slug'] }, tags: { select: ['slug'] }, corrections: { select: ['id'] } },
  });

/** The versions of a section/author/tag (no drafts: every version is public). */
const taxonomyVersions = (strapi: Core.Strapi, uid: string, documentId: string): Promise<Array<VersionStamp & { documentId: string; slug?: string }>> =>
  strapi.db.query(uid as 'api::section.section').findMany({ where: { documentId }, select: ['id', 'locale', 'updatedAt', 'documentId', 'slug'] });

const inLocales = <T extends { locale: string }>(versions: T[], locales: string[]) => versions.filter((v) => locales.includes(v.locale));

/** A stale-marked article's list scopes, as cache keys see a version. */
const versionOf = (locale: string, scopes: Ref[]): PublishedVersion => ({
  locale,
  section: scopes.find((s) => s.kind === 'section') ?? null,
  authors: scopes.filter((s) => s.kind === 'author'),
  tags: scopes.filter((s) => s.kind === 'tag'),
});

/**
 * Document Service middleware: the one place that knows what a write changed
 * for readers, and brings every projection of published content along.
 *
 * Around each write to an article, section, author or tag it compares the
 * public versions before and after (src/lib/publication.ts). When none
 * changed — a draft save, a draft created, a schedule edited, a draft
 * discarded — nothing else happens. Otherwise:
 * - in the write's transaction: the search index and the read model rows of
 *   the changed locales are rebuilt; rows showing a changed section, author,
 *   tag or related article are marked stale;
 * - after the commit: the cache keys of exactly what changed are evicted
 *   (src/lib/cache-keys.ts), here, on the other nodes and at the CDN — soft
 *   (stale-while-revalidate) for a new version, hard for an unpublish or a
 *   delete; the WebSub hub is pinged for the affected feeds; stale rows are
 *   re-rendered in the background.
 * A site settings write evicts everything and marks every row stale. Media
 * files are not documents: their database lifecycle (subscribeMediaChanges) does the same.
 */
export function publicationMiddleware(strapi: Core.Strapi): DocumentMiddleware {
  const readModel = () => readModelService(strapi);
  const log = (what: string) => (err: unknown) => strapi.log.error(`[publication] ${what}: ${err instanceof Error ? err.stack : err}`);
  const refresh = () => void readModel().refreshStale().catch(log('refreshing stale read-model rows'));

  async function articleChanged(documentId: string, action: string, takedown: Takedown | undefined, change: PublicChange, before: ArticleVersion[], after: ArticleVersion[]): Promise<Effects> {
    await searchService(strapi).syncDocument(documentId);
    // Editions (hreflang): when a locale's URL appears, moves or goes, the other published locales show it in `alternates`/JSON-LD.
    const editions = editionsMoved(change.changed, before, after) ? after.map((v) => v.locale).filter((l) => !change.changed.includes(l)) : [];
    await readModel().sync(documentId, [...change.changed, ...editions]);
    // Partners: versions and kill/withhold notices, and the outbox events, in this transaction.
    const syndicated = await noticesService(strapi).record(documentId, action, change.changed, before, after, takedown);
    await outboxService(strapi).enqueue(syndicated);
    // Articles whose related links show this one.
    const related = await readModel().markStale('article', [documentId]);
    return async () => {
      const hard: string[] = [];
      const soft: string[] = [];
      for (const locale of change.changed) {
        const keys = articleChangeKeys(documentId, locale, inLocales([...before, ...after], [locale]));
        (change.removed.includes(locale) ? hard : soft).push(...keys);
      }
      for (const locale of editions) soft.push(...articleChangeKeys(documentId, locale, inLocales(after, [locale])));
      for (const r of related) soft.push(...articleChangeKeys(r.documentId, r.locale, [versionOf(r.locale, r.scopes)]));
      const evictions = splitEvictions(hard, soft);
      const { cache } = infra(strapi);
      await cache.invalidate(evictions.hard);
      await cache.invalidate(evictions.soft, { soft: true });
      pingFeeds(strapi, inLocales([...before, ...after], change.changed));
      if (syndicated.length) outboxService(strapi).kick();
      if (related.length) refresh();
    };
  }

  async function taxonomyChanged(uid: string, documentId: string, change: PublicChange, versions: Array<{ documentId: string; slug?: string; locale: string }>): Promise<Effects> {
    await readModel().markStale(TAXONOMY[uid], [documentId]);
    return async () => {
      const keys = (locales: string[]) => [LISTS_KEY, ...inLocales(versions, locales).flatMap((v) => documentKeys(uid, v))];
      const removed = change.removed;
      const { cache } = infra(strapi);
      if (removed.length) await cache.invalidate(keys(removed));
      const kept = change.changed.filter((l) => !removed.includes(l));
      if (kept.length) await cache.invalidate(keys(kept), { soft: true });
      refresh();
    };
  }

  return async (ctx, next) => {
    if (!WRITES.has(ctx.action) || !(ctx.uid === ARTICLE || ctx.uid === SITE || TAXONOMY[ctx.uid])) return next();
    if (ctx.uid === SITE) {
      const result = await next();
      siteService(strapi).forget();
      await readModel().markAllStale(); // the publisher in every JSON-LD
      await infra(strapi).cache.invalidate('*'); // the site's name and URL are on every feed and page
      refresh();
      return result;
    }
    const isArticle = ctx.uid === ARTICLE;
    // Kill or withhold (README, "Kill and withhold"): given in the params, or by the admin's unpublish dialog.
    let takedown: Takedown | undefined;
    if (isArticle && ctx.params && 'takedown' in ctx.params) {
      const parsed = parseTakedown(ctx.params.takedown);
      if (parsed.errors.length) invalidFields(parsed.errors, 'Invalid takedown');
      takedown = parsed.takedown;
      delete ctx.params.takedown; // not a Document Service parameter
    }
    takedown ??= isArticle ? currentTakedown() : undefined;
    const versions = (documentId: string) => (isArticle ? articleVersions(strapi, documentId) : taxonomyVersions(strapi, ctx.uid, documentId));
    // Nested in another write (e.g. the scheduler's): the effects wait for the outermost commit.
    const nested = strapi.db.inTransaction();
    let effects: Effects | null = null;
    const result = await strapi.db.transaction(async ({ onCommit }) => {
      const givenId: string | undefined = ctx.params?.documentId;
      const before = givenId ? await versions(givenId) : [];
      const written = await next();
      const documentId: string | undefined = givenId ?? written?.documentId;
      if (!documentId) return written;
      const after = await versions(documentId);
      const change = publicChange(before, after);
      if (!change.changed.length) return written;
      effects = isArticle
        ? await articleChanged(documentId, ctx.action, takedown, change, before as ArticleVersion[], after as ArticleVersion[])
        : await taxonomyChanged(ctx.uid, documentId, change, [...before, ...after] as Array<{ documentId: string; locale: string }>);
      if (nested) onCommit(() => void effects!().catch(log('after-commit effects')));
      return written;
    });
    // Awaited: the write's response must not beat the eviction (the next request sees the change).
    if (!nested && effects) await (effects as Effects)();
    return result;
  };
}

/** Whether a changed locale's public URL appeared, changed (slug, section) or disappeared. */
function editionsMoved(changed: string[], before: ArticleVersion[], after: ArticleVersion[]): boolean {
  const url = (v: ArticleVersion | undefined) => (v ? `${v.slug ?? ''}|${v.section?.slug ?? ''}` : null);
  return changed.some((l) => url(before.find((v) => v.locale === l)) !== url(after.find((v) => v.locale === l)));
}

/** Pings the WebSub hub, after the response, for every feed the changed versions were or are in. */
function pingFeeds(strapi: Core.Strapi, versions: ArticleVersion[]): void {
  const hubUrl = strapi.config.get('syndication.websub.hubUrl') as string;
  if (!hubUrl || !versions.length) return;
  const slugs = (list: PublishedVersion['authors']) => (list ?? []).map((x) => x.slug).filter((s): s is string => !!s);
  const sources: ArticleTopicSource[] = versions.map((v) => ({ locale: v.locale, section: v.section?.slug ?? null, authors: slugs(v.authors), tags: slugs(v.tags) }));
  setImmediate(async () => {
    try {
      const feeds = feedService(strapi);
      const topics = affectedTopics(sources, FEED_FORMATS, (format, loc, filters) => feeds.selfUrl(format, loc, filters));
      const timeoutMs = Number(strapi.config.get('syndication.websub.timeoutMs')) || 5000;
      const failed = (await pingHub(hubUrl, topics, timeoutMs)).filter((r) => !r.ok);
      if (failed.length) strapi.log.warn(`[websub] hub ${hubUrl} refused ${failed.length}/${topics.length} pings: ${failed[0].error ?? `HTTP ${failed[0].status}`}`);
    } catch (err) {
      strapi.log.warn(`[websub] ping failed: ${err instanceof Error ? err.message : err}`);
    }
  });
}

/**
 * Media files are edited through the upload plugin, not the Document
 * Service: a changed or deleted file marks the read-model rows showing it
 * stale and evicts those articles' keys (soft: their new rendering follows).
 */
export function subscribeMediaChanges(strapi: Core.Strapi): void {
  const changed = async (event: { result?: { id?: unknown; documentId?: unknown } }) => {
    const id = event.result?.id;
    if (id === undefined || id === null) return;
    const readModel = readModelService(strapi);
    const rows = await readModel.markStale('media', [String(id)]);
    // Every REST response showing the file carries its key (GraphQL ones `graphql`); the articles'
    // list scopes cover lists whose headers had no room for it.
    const keys = [
      GRAPHQL_KEY,
      ...documentKeys('plugin::upload.file', event.result!),
      ...rows.flatMap((r) => articleChangeKeys(r.documentId, r.locale, [versionOf(r.locale, r.scopes)])),
    ];
    await infra(strapi).cache.invalidate([...new Set(keys)], { soft: true });
    if (!rows.length) return;
    void readModel.refreshStale().catch((err) => strapi.log.error(`[publication] refreshing after a media change: ${err}`));
  };
  strapi.db.lifecycles.subscribe({ models: ['plugin::upload.file'], afterUpdate: changed, afterDelete: changed });
}
