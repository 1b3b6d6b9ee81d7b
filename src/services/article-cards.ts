import type { Core } from '@strapi/strapi';
import { presets } from '../api/article/populate';
import { collectKeys, type SchemaLookup } from '../lib/cache-keys';
import type { Digits } from '../lib/reading-time';
import { addArticleExtras } from './article-extras';
import { cacheService } from './cache';

const ARTICLE = 'api::article.article';

/**
 * The published card (card preset) of each given document in one locale,
 * keyed by documentId; documents without a published version are absent.
 *
 * Goes to the Query Engine directly: the same SQL as the Document Service
 * (one query per preset relation, whatever the number of cards) without its
 * per-call parameter validation and transformation, which cost as much again
 * (20 search-result cards: 10 ms through `strapi.documents()`, 5 ms here).
 * The published row's relations already point at published targets.
 */
export async function publishedCards(strapi: Core.Strapi, documentIds: string[], locale: string): Promise<Map<string, any>> {
  if (!documentIds.length) return new Map();
  const query = strapi.get('query-params').transform(ARTICLE, presets.card);
  const rows: any[] = await strapi.db.query(ARTICLE).findMany({
    ...query,
    where: { documentId: { $in: documentIds }, locale, publishedAt: { $notNull: true } },
  });
  return new Map(rows.map((row) => [row.documentId, row]));
}

export interface RenderOptions {
  digits: Digits;
  /** The request's auth (ctx.state.auth), for sanitizing. */
  auth: unknown;
  /** No Authorization header: the cards are everyone's, so they may come from and go to the card cache. */
  anonymous: boolean;
}

/**
 * Cards as the public REST API shows them: card preset, sanitized for the
 * requester, with readingTimeLabel, dates and jsonLd; keyed by documentId.
 *
 * Loading, sanitizing and decorating 20 cards is about 10 ms of CPU, the
 * larger part of a search request (docs/benchmarks.md). So for anonymous
 * readers each rendered card is kept in the card cache under the keys of the
 * documents it shows (the article, its section, authors and tags): any write
 * to one of them evicts it, here and on the other nodes, exactly like cached
 * responses. A result page then loads only the cards not rendered recently.
 */
export async function renderCards(strapi: Core.Strapi, documentIds: string[], locale: string, options: RenderOptions): Promise<Map<string, any>> {
  const cache = options.anonymous ? cacheService(strapi).cards : null;
  const cacheKey = (documentId: string) => `card:${locale}:${options.digits}:${documentId}`;
  const out = new Map<string, any>();
  const missing: string[] = [];
  for (const documentId of documentIds) {
    const hit = cache?.get(cacheKey(documentId));
    if (hit) out.set(documentId, JSON.parse(hit.body.toString('utf8')));
    else missing.push(documentId);
  }
  if (!missing.length) return out;

  const rows = await publishedCards(strapi, missing, locale);
  const cards = (await strapi.contentAPI.sanitize.output([...rows.values()], strapi.getModel(ARTICLE), { auth: options.auth } as any)) as any[];
  await addArticleExtras(strapi, cards, options.digits);
  const lookup: SchemaLookup = (uid) => (strapi.getModel(uid as any)?.attributes as any) ?? undefined;
  for (const card of cards) {
    out.set(card.documentId, card);
    const keys = [...collectKeys({ data: card }, ARTICLE, lookup)];
    cache?.set(cacheKey(card.documentId), { body: Buffer.from(JSON.stringify(card)), etag: '', headers: {}, keys });
  }
  return out;
}
