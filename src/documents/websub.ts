import type { Core } from '@strapi/strapi';
import { FEED_FORMATS } from '../lib/feeds';
import { affectedTopics, pingHub, type ArticleTopicSource } from '../lib/websub';
import { feedService } from '../api/services';
import type { DocumentCall, DocumentMiddleware } from './types';

const ARTICLE = 'api::article.article';

/** Actions that change what the published feeds contain. */
function changesFeeds(action: string, params: DocumentCall['params']): boolean {
  if (action === 'publish' || action === 'unpublish' || action === 'delete') return true;
  return (action === 'create' || action === 'update') && params?.status === 'published';
}

interface SourceRow {
  locale: string;
  section?: { slug?: string | null } | null;
  authors?: Array<{ slug?: string | null }> | null;
  tags?: Array<{ slug?: string | null }> | null;
}

/** Published locale versions of a document with their section/author/tag slugs (one query per relation). */
async function publishedSources(strapi: Core.Strapi, documentId: string, locale: unknown): Promise<ArticleTopicSource[]> {
  const rows: SourceRow[] = await strapi.db.query(ARTICLE).findMany({
    where: { documentId, publishedAt: { $notNull: true }, ...(typeof locale === 'string' && locale !== '*' ? { locale } : {}) },
    select: ['locale'],
    populate: { section: { select: ['slug'] }, authors: { select: ['slug'] }, tags: { select: ['slug'] } },
  });
  const slugs = (list: SourceRow['authors']) => (list ?? []).map((x) => x.slug).filter((s): s is string => !!s);
  return rows.map((r) => ({ locale: r.locale, section: r.section?.slug ?? null, authors: slugs(r.authors), tags: slugs(r.tags) }));
}

/**
 * After a publish/unpublish/delete (or a create/update that publishes), pings
 * the WebSub hub for every feed the article was or is in. The ping runs after
 * the operation has returned, with a timeout; failures are logged, never thrown.
 */
export const websubMiddleware =
  (strapi: Core.Strapi): DocumentMiddleware =>
  async (context, next) => {
    const hubUrl = strapi.config.get('syndication.websub.hubUrl') as string;
    if (context.uid !== ARTICLE || !hubUrl || !changesFeeds(context.action, context.params)) return next();

    const { documentId: givenId, locale } = context.params ?? {};
    // Where the article was listed before the change (unpublish/delete remove it from those feeds).
    const before = givenId ? await publishedSources(strapi, givenId, locale).catch(() => []) : [];
    const result = await next();
    const documentId = givenId ?? result?.documentId;

    setImmediate(async () => {
      try {
        const after = documentId ? await publishedSources(strapi, documentId, locale) : [];
        const feeds = feedService(strapi);
        const topics = affectedTopics([...before, ...after], FEED_FORMATS, (format, loc, filters) => feeds.selfUrl(format, loc, filters));
        if (!topics.length) return;
        const timeoutMs = Number(strapi.config.get('syndication.websub.timeoutMs')) || 5000;
        const failed = (await pingHub(hubUrl, topics, timeoutMs)).filter((r) => !r.ok);
        if (failed.length) {
          strapi.log.warn(`[websub] hub ${hubUrl} refused ${failed.length}/${topics.length} pings: ${failed[0].error ?? `HTTP ${failed[0].status}`}`);
        }
      } catch (err) {
        strapi.log.warn(`[websub] ping failed: ${err instanceof Error ? err.message : err}`);
      }
    });
    return result;
  };
