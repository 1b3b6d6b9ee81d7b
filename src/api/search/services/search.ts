import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { blocksToPlainText } from '../../../lib/blocks-text';
import { LISTS_KEY } from '../../../lib/cache-keys';
import { buildSnippet } from '../../../lib/highlight';
import { STEMMER_VERSION } from '../../../lib/arabic-stem';
import { MAX_SOURCE_WORDS, rankRelated, significantWords, type RelatedCandidate } from '../../../lib/related';
import { parseSearchQuery, positiveKeys, SearchQueryError } from '../../../lib/search-query';
import { infra } from '../../../infra';
import { invalid, notFound } from '../../../infra/errors';
import { postgresEngine } from '../engines/postgres';
import { sqliteEngine } from '../engines/sqlite';
import type { IndexRow, SearchEngine } from '../engines/types';

const ARTICLE = 'api::article.article';

/** The columns of a published article row that the index needs. */
const SOURCE = {
  select: ['documentId', 'locale', 'title', 'excerpt', 'body', 'firstPublishedAt', 'publishedAt'],
  populate: { section: { select: ['documentId'] } },
};

interface SourceRow {
  id?: number;
  documentId: string;
  locale: string;
  title?: string | null;
  excerpt?: string | null;
  body?: unknown;
  firstPublishedAt?: unknown;
  publishedAt?: unknown;
  section?: { documentId?: string } | null;
}

/** What related stories are matched on, besides the text. */
export const RELATED_RELATIONS = { tags: { select: ['documentId'] }, section: { select: ['documentId'] } };

/** An article row (title, excerpt, RELATED_RELATIONS populated) as the source of related stories. */
export const relatedSource = (row: { documentId: string; title?: string | null; excerpt?: string | null; tags?: Array<{ documentId: string }> | null; section?: { documentId?: string } | null }) => ({
  documentId: row.documentId,
  text: `${row.title ?? ''} ${row.excerpt ?? ''}`,
  tagIds: (row.tags ?? []).map((t) => t.documentId),
  sectionId: row.section?.documentId ?? null,
});

const isoDate = (v: unknown): string | null => (v ? new Date(v as string).toISOString() : null);

export function toIndexRow(entry: SourceRow): IndexRow {
  return {
    documentId: entry.documentId,
    locale: entry.locale,
    sectionId: entry.section?.documentId ?? null,
    publishedAt: isoDate(entry.firstPublishedAt ?? entry.publishedAt),
    title: entry.title ?? '',
    excerpt: entry.excerpt ?? '',
    body: blocksToPlainText(entry.body as Parameters<typeof blocksToPlainText>[0]),
  };
}

export interface SearchRequest {
  q?: unknown;
  locale?: unknown;
  section?: unknown;
  page?: unknown;
  pageSize?: unknown;
}

export interface SearchPage {
  /** Best first; the snippet is HTML in which <mark> is the only markup. */
  hits: Array<{ documentId: string; snippet: string }>;
  locale: string;
  pagination: { page: number; pageSize: number; pageCount: number; total: number };
}

/** Integers only: "2" and 2 are fine, "2.5", "x", "" and 0 are not. */
function positiveInt(value: unknown, field: string, fallback: number, max: number): number {
  if (value === undefined || value === null) return fallback;
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > max) invalid(field, `must be an integer between 1 and ${max}`);
  return n;
}

/**
 * Article search (`api::search.search`): the index the Document Service keeps
 * in step with every write (src/documents/search-index.ts), and the queries
 * REST (GET /api/search) and GraphQL (searchArticles) share.
 */
const search = ({ strapi }: { strapi: Core.Strapi }) => ({
  engine(): SearchEngine {
    const client = strapi.db.dialect.client;
    if (client === 'postgres') return postgresEngine;
    if (client === 'sqlite') return sqliteEngine;
    throw new Error(`Article search supports PostgreSQL and SQLite, not "${client}"`);
  },

  /** Replaces the index rows of one document by its current published versions (none → removed). */
  async syncDocument(documentId: string): Promise<void> {
    const engine = this.engine();
    await strapi.db.transaction(async ({ trx }) => {
      const published: SourceRow[] = await strapi.db.query(ARTICLE).findMany({ ...SOURCE, where: { documentId, publishedAt: { $notNull: true } } });
      await engine.removeDocument(trx as Knex, documentId);
      await engine.insert(trx as Knex, published.map(toIndexRow));
    });
  },

  /**
   * Rebuilds the whole index from the published articles, in batches,
   * reporting progress; then evicts cached list responses (search results are among them).
   */
  async reindex(onProgress: (done: number, total: number) => void = () => {}, batchSize = 500): Promise<number> {
    const engine = this.engine();
    const where = { publishedAt: { $notNull: true } };
    const total = await this.publishedCount();
    onProgress(0, total);
    const count = await strapi.db.transaction(async ({ trx }) => {
      await engine.clear(trx as Knex);
      let done = 0;
      let lastId = 0;
      for (;;) {
        // Keyset pagination: stable and fast however large the table.
        const batch: SourceRow[] = await strapi.db.query(ARTICLE).findMany({
          select: [...SOURCE.select, 'id'],
          populate: SOURCE.populate,
          where: { ...where, id: { $gt: lastId } },
          orderBy: { id: 'asc' },
          limit: batchSize,
        });
        if (!batch.length) break;
        await engine.insert(trx as Knex, batch.map(toIndexRow));
        lastId = batch[batch.length - 1].id!;
        done += batch.length;
        onProgress(done, total);
      }
      await (trx as Knex)('article_search_meta').where({ key: 'stemmer' }).delete();
      await (trx as Knex)('article_search_meta').insert({ key: 'stemmer', value: STEMMER_VERSION });
      return done;
    });
    await infra(strapi).cache.invalidate([LISTS_KEY]);
    return count;
  },

  /** The stemmer version the index was built with (null: unknown, i.e. built before versions were kept). */
  async indexVersion(): Promise<string | null> {
    const row = await strapi.db.connection('article_search_meta').where({ key: 'stemmer' }).first('value');
    return row?.value ?? null;
  },

  /** How many published article versions a reindex would write. */
  async publishedCount(): Promise<number> {
    return strapi.db.query(ARTICLE).count({ where: { publishedAt: { $notNull: true } } });
  },

  /**
   * Validates a search request and runs the index query. Bad input throws a
   * ValidationError (400) naming the field; an unknown section slug a 404.
   * Each caller loads the cards its API shows and puts them in rank order with `inRankOrder`.
   */
  async find(request: SearchRequest): Promise<SearchPage> {
    const maxPageSize = Number(strapi.config.get('api.rest.maxLimit')) || 100;
    const page = positiveInt(request.page, 'page', 1, 100_000);
    const pageSize = positiveInt(request.pageSize, 'pageSize', 20, maxPageSize);
    const locale = typeof request.locale === 'string' ? request.locale : await infra(strapi).locales.defaultLocale();

    let sectionId: string | undefined;
    if (request.section !== undefined && request.section !== null) {
      if (typeof request.section !== 'string' || request.section === '') invalid('section', 'must be a section slug');
      const section = await strapi.db.query('api::section.section').findOne({ where: { slug: request.section, locale }, select: ['documentId'] });
      if (!section) notFound('section', `No section with slug "${request.section}" in locale "${locale}"`);
      sectionId = section.documentId;
    }

    let parsed;
    try {
      parsed = parseSearchQuery(request.q);
    } catch (err) {
      if (err instanceof SearchQueryError) invalid('q', err.message);
      throw err;
    }
    const { total, hits } = await this.engine().search(strapi.db.connection, { query: parsed, locale, sectionId, limit: pageSize, offset: (page - 1) * pageSize });
    const words = positiveKeys(parsed);
    return {
      hits: hits.map((h) => ({ documentId: h.documentId, snippet: buildSnippet(h, words) })),
      locale,
      pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total },
    };
  },

  /**
   * Related stories for one published article (src/lib/related.ts): candidates
   * are the index's best matches for the stems of its title and excerpt, the
   * newest articles sharing a tag and the newest of its section; published
   * versions of the same locale only, never the article itself.
   */
  async related(documentId: string, request: { locale?: unknown; limit?: unknown }): Promise<{ ids: string[]; locale: string }> {
    const limit = positiveInt(request.limit, 'limit', 5, 20);
    const locale = typeof request.locale === 'string' ? request.locale : await infra(strapi).locales.defaultLocale();
    const source = await strapi.db.query(ARTICLE).findOne({
      where: { documentId, locale, publishedAt: { $notNull: true } },
      select: ['documentId', 'title', 'excerpt'],
      populate: RELATED_RELATIONS,
    });
    if (!source) notFound('documentId', `No published article "${documentId}" in locale "${locale}"`);
    return { ids: await this.relatedTo(relatedSource(source), locale, limit), locale };
  },

  /**
   * Related published stories of `locale` for a text and its tags/section,
   * whether or not it is published (the admin's suggestions for the version
   * being edited: src/api/search/controllers/suggestions.ts); never
   * `source.documentId` nor any of `exclude`.
   */
  async relatedTo(
    source: { documentId?: string | null; text: string; tagIds: string[]; sectionId: string | null },
    locale: string,
    limit: number,
    exclude: Iterable<string> = [],
  ): Promise<string[]> {
    const published = { locale, publishedAt: { $notNull: true } };
    const skip = new Set(exclude);
    if (source.documentId) skip.add(source.documentId);
    const words = significantWords(source.text).slice(0, MAX_SOURCE_WORDS);
    const { tagIds, sectionId } = source;
    const newest = { select: ['documentId'], orderBy: [{ firstPublishedAt: 'desc' }, { id: 'desc' }] };
    const [byTerms, byTags, bySection] = await Promise.all([
      words.length
        ? this.engine().search(strapi.db.connection, { query: words.map((w) => [{ words: [w.surface], keys: [w], negated: false }]), locale, limit: 50, offset: 0 })
        : { hits: [] },
      tagIds.length ? strapi.db.query(ARTICLE).findMany({ ...newest, where: { ...published, tags: { documentId: { $in: tagIds } } }, limit: 50 }) : [],
      sectionId ? strapi.db.query(ARTICLE).findMany({ ...newest, where: { ...published, section: { documentId: sectionId } }, limit: 20 }) : [],
    ]);
    const text = new Map(byTerms.hits.map((h) => [h.documentId, `${h.title} ${h.excerpt} ${h.body}`]));
    const ids = [...new Set([...text.keys(), ...[...byTags, ...bySection].map((r: { documentId: string }) => r.documentId)])].filter((id) => !skip.has(id));
    if (!ids.length) return [];
    const rows = await strapi.db.query(ARTICLE).findMany({
      where: { ...published, documentId: { $in: ids } },
      select: ['documentId', 'firstPublishedAt', 'publishedAt'],
      populate: RELATED_RELATIONS,
    });
    const candidates: RelatedCandidate[] = rows.map((r: SourceRow & { tags?: Array<{ documentId: string }> }) => ({
      documentId: r.documentId,
      publishedAt: isoDate(r.firstPublishedAt ?? r.publishedAt),
      text: text.get(r.documentId),
      tags: new Set((r.tags ?? []).map((t) => t.documentId)),
      sectionId: r.section?.documentId ?? null,
    }));
    // rankRelated never returns its source: an unsaved text has none ('').
    return rankRelated({ documentId: source.documentId ?? '', words, tags: new Set(tagIds), sectionId }, candidates, limit);
  },

  /** The page's cards in rank order with their snippets; a document unpublished since the index was read is skipped. */
  inRankOrder<T>(page: SearchPage, cards: Map<string, T>): Array<{ card: T; snippet: string }> {
    return page.hits.filter((h) => cards.has(h.documentId)).map((h) => ({ card: cards.get(h.documentId)!, snippet: h.snippet }));
  },
});

export type SearchService = ReturnType<typeof search>;
export default search;
