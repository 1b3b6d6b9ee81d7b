import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { blocksToPlainText } from '../../lib/blocks-text';
import { buildSnippet } from '../../lib/highlight';
import { parseSearchQuery, positiveWords } from '../../lib/search-query';
import { postgresEngine } from './postgres';
import { sqliteEngine } from './sqlite';
import type { IndexRow, SearchEngine } from './types';
import { cacheService } from '../cache';
import { LIST_KEY } from '../../lib/cache-keys';

const ARTICLE = 'api::article.article';

export function engineFor(strapi: Core.Strapi): SearchEngine {
  const client = strapi.db.dialect.client;
  if (client === 'postgres') return postgresEngine;
  if (client === 'sqlite') return sqliteEngine;
  throw new Error(`Article search supports PostgreSQL and SQLite, not "${client}"`);
}

/** The columns of a published article row that the index needs. */
const SOURCE = {
  select: ['documentId', 'locale', 'title', 'excerpt', 'body', 'firstPublishedAt', 'publishedAt'],
  populate: { section: { select: ['documentId'] } },
};

const toDate = (v: unknown): string | null => (v ? new Date(v as string).toISOString() : null);

export function toIndexRow(entry: any): IndexRow {
  return {
    documentId: entry.documentId,
    locale: entry.locale,
    sectionId: entry.section?.documentId ?? null,
    publishedAt: toDate(entry.firstPublishedAt ?? entry.publishedAt),
    title: entry.title ?? '',
    excerpt: entry.excerpt ?? '',
    body: blocksToPlainText(entry.body),
  };
}

/** Replaces the index rows of one document by its current published versions (none → removed). */
export async function syncArticleIndex(strapi: Core.Strapi, documentId: string): Promise<void> {
  const engine = engineFor(strapi);
  await strapi.db.transaction(async ({ trx }) => {
    const published = await strapi.db.query(ARTICLE).findMany({
      ...SOURCE,
      where: { documentId, publishedAt: { $notNull: true } },
    });
    await engine.removeDocument(trx as Knex, documentId);
    await engine.insert(trx as Knex, published.map(toIndexRow));
  });
}

/**
 * Rebuilds the whole index from the published articles, in batches, reporting
 * progress; then evicts cached list responses (search results are among them).
 */
export async function reindexArticles(
  strapi: Core.Strapi,
  onProgress: (done: number, total: number) => void = () => {},
  batchSize = 500,
): Promise<number> {
  const engine = engineFor(strapi);
  const where = { publishedAt: { $notNull: true } };
  const total = await strapi.db.query(ARTICLE).count({ where });
  onProgress(0, total);
  const count = await strapi.db.transaction(async ({ trx }) => {
    await engine.clear(trx as Knex);
    let done = 0;
    let lastId = 0;
    for (;;) {
      // Keyset pagination: stable and fast however large the table.
      const batch = await strapi.db.query(ARTICLE).findMany({
        select: [...SOURCE.select, 'id'],
        populate: SOURCE.populate,
        where: { ...where, id: { $gt: lastId } },
        orderBy: { id: 'asc' },
        limit: batchSize,
      });
      if (!batch.length) break;
      await engine.insert(trx as Knex, batch.map(toIndexRow));
      lastId = batch[batch.length - 1].id;
      done += batch.length;
      onProgress(done, total);
    }
    return done;
  });
  await cacheService(strapi).invalidate([LIST_KEY]);
  return count;
}

export interface SearchParams {
  q: unknown;
  locale: string;
  sectionId?: string;
  page: number;
  pageSize: number;
}

export interface SearchResult {
  total: number;
  hits: Array<{ documentId: string; snippet: string }>;
}

/** Ranked document ids of one page, each with a highlighted snippet. Throws SearchQueryError on a bad `q`. */
export async function searchArticleIndex(strapi: Core.Strapi, params: SearchParams): Promise<SearchResult> {
  const parsed = parseSearchQuery(params.q);
  const engine = engineFor(strapi);
  const { total, hits } = await engine.search(strapi.db.connection, {
    query: parsed,
    locale: params.locale,
    sectionId: params.sectionId,
    limit: params.pageSize,
    offset: (params.page - 1) * params.pageSize,
  });
  const words = positiveWords(parsed);
  return { total, hits: hits.map((h) => ({ documentId: h.documentId, snippet: buildSnippet(h, words) })) };
}
