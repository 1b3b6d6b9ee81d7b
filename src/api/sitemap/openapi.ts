/** API reference declarations of the sitemaps (src/lib/openapi/types.ts RouteDoc). */
import { NOT_MODIFIED, VALIDATOR_HEADERS, localeParam, pathParam, query } from '../../lib/openapi/declare';
import type { ResponseDoc, RouteDoc } from '../../lib/openapi/types';

const xml = (description: string): ResponseDoc => ({ description, headers: VALIDATOR_HEADERS, content: { 'application/xml': { type: 'string' } } });

export const sitemapIndexDoc: RouteDoc = {
  summary: 'Sitemap index over every locale',
  tags: ['sitemaps'],
  responses: { 200: xml('A <sitemapindex> listing each locale\'s news sitemap and article sitemap pages'), 304: NOT_MODIFIED },
  examples: [{ summary: 'The index' }],
};

export const sitemapDoc: RouteDoc = {
  summary: 'Google News sitemap (last 48 hours) or the article sitemap (every published article, paged)',
  tags: ['sitemaps'],
  parameters: [
    pathParam('kind', { type: 'string', enum: ['news', 'articles'] }, '`news`: the last 48 hours, at most 1000; `articles`: all, 50,000 per page', 'news'),
    localeParam(),
    query('page', { type: 'integer', minimum: 1, default: 1 }, 'Page of the article sitemap; past the last page → 404'),
  ],
  responses: { 200: xml('A <urlset> (empty when there is nothing to list)'), 304: NOT_MODIFIED },
  errors: [404],
  examples: [
    { summary: 'Arabic news sitemap', path: { kind: 'news' }, query: { locale: 'ar' } },
    { summary: 'Arabic article sitemap, page 1', path: { kind: 'articles' }, query: { locale: 'ar', page: '1' } },
    { summary: 'Past the last page', path: { kind: 'articles' }, query: { page: '999' }, status: 404 },
    { summary: 'Page not a positive integer', path: { kind: 'articles' }, query: { page: '0' }, status: 400 },
  ],
};
