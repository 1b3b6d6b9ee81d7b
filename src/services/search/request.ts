import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { SearchQueryError } from '../../lib/search-query';
import { defaultLocale } from '../locales';
import { searchArticleIndex } from './index';

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

const invalid = (field: string, message: string): never => {
  throw new errors.ValidationError(`${field} ${message}`, {
    errors: [{ path: [field], message, name: 'ValidationError' }],
  });
};

/** Integers only: "2" and 2 are fine, "2.5", "x", "" and 0 are not. */
function positiveInt(value: unknown, field: string, fallback: number, max: number): number {
  if (value === undefined || value === null) return fallback;
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > max) invalid(field, `must be an integer between 1 and ${max}`);
  return n;
}

/**
 * Shared by REST (GET /api/search) and GraphQL (searchArticles): validates
 * the request and runs the index query; each caller loads the cards its
 * API shows and puts them in rank order with `inRankOrder`.
 * Bad input throws ValidationError (400) naming the field; an unknown
 * section slug throws NotFoundError (404).
 */
export async function searchArticles(strapi: Core.Strapi, request: SearchRequest): Promise<SearchPage> {
  const maxPageSize = Number(strapi.config.get('api.rest.maxLimit')) || 100;
  const page = positiveInt(request.page, 'page', 1, 100_000);
  const pageSize = positiveInt(request.pageSize, 'pageSize', 20, maxPageSize);
  const locale = typeof request.locale === 'string' ? request.locale : await defaultLocale(strapi);

  let sectionId: string | undefined;
  if (request.section !== undefined && request.section !== null) {
    if (typeof request.section !== 'string' || request.section === '') invalid('section', 'must be a section slug');
    const section = await strapi.db.query('api::section.section').findOne({
      where: { slug: request.section, locale },
      select: ['documentId'],
    });
    if (!section) {
      throw new errors.NotFoundError(`No section with slug "${request.section}" in locale "${locale}"`, {
        errors: [{ path: ['section'], message: 'not found', name: 'NotFoundError' }],
      });
    }
    sectionId = section.documentId;
  }

  let result;
  try {
    result = await searchArticleIndex(strapi, { q: request.q, locale, sectionId, page, pageSize });
  } catch (err) {
    if (err instanceof SearchQueryError) invalid('q', err.message);
    throw err;
  }

  return {
    hits: result.hits,
    locale,
    pagination: { page, pageSize, pageCount: Math.ceil(result.total / pageSize), total: result.total },
  };
}

/** The page's cards in rank order with their snippets; a document unpublished since the index was read is skipped. */
export function inRankOrder<T>(page: SearchPage, cards: Map<string, T>): Array<{ card: T; snippet: string }> {
  return page.hits.filter((h) => cards.has(h.documentId)).map((h) => ({ card: cards.get(h.documentId)!, snippet: h.snippet }));
}
