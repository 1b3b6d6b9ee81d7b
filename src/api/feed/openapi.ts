/** API reference declaration of GET /api/feeds/{format} (src/lib/openapi/types.ts RouteDoc). */
import { NOT_MODIFIED, VALIDATOR_HEADERS, localeParam, pathParam, query, slugFilterParams } from '../../lib/openapi/declare';
import type { RouteDoc } from '../../lib/openapi/types';

export const feedDoc: RouteDoc = {
  summary: 'Syndication feed: RSS 2.0, Atom 1.0, JSON Feed 1.1 or IPTC ninjs 2.x',
  description:
    'Published articles only, newest first by firstPublishedAt. Anonymous callers get title, link, summary, authors, categories and cover; a partner token (`npm run token -- partner "<name>"`) also gets the full text. Item ids (`urn:uuid:…`) never change. Send `If-None-Match` with the last `ETag` for a 304.',
  tags: ['feeds'],
  parameters: [
    pathParam('format', { type: 'string', enum: ['rss', 'atom', 'json', 'ninjs'] }, 'Feed format', 'rss'),
    localeParam(),
    ...slugFilterParams('the stories'),
    query('limit', { type: 'integer', minimum: 1, maximum: 100, default: 30 }, 'Number of items'),
  ],
  responses: {
    200: {
      description: 'The feed (media type by format)',
      headers: VALIDATOR_HEADERS,
      content: {
        'application/rss+xml': { type: 'string' },
        'application/atom+xml': { type: 'string' },
        'application/feed+json': {
          type: 'object',
          required: ['version', 'title', 'items'],
          properties: { version: { const: 'https://jsonfeed.org/version/1.1' }, title: { type: 'string' }, language: { type: 'string' }, items: { type: 'array', items: { type: 'object', required: ['id'] } } },
        },
        'application/json': { type: 'array', description: 'ninjs 2.x news items', items: { type: 'object', required: ['uri'], properties: { uri: { type: 'string' }, language: { type: 'string' }, headlines: { type: 'array', items: { type: 'object' } } } } },
      },
    },
    304: NOT_MODIFIED,
  },
  errors: [403, 404],
  examples: [
    { summary: 'Arabic RSS (default locale)', path: { format: 'rss' } },
    { summary: 'Economy section, 10 items, Atom', path: { format: 'atom' }, query: { section: 'اقتصاد', limit: '10' } },
    { summary: 'One author as JSON Feed', path: { format: 'json' }, query: { author: 'خالد-المري' } },
    { summary: 'English edition as ninjs, tag Oil', path: { format: 'ninjs' }, query: { locale: 'en', tag: 'oil' } },
    { summary: 'Partner: full text', path: { format: 'rss' }, caller: 'partner' },
    { summary: 'Unknown section', path: { format: 'rss' }, query: { section: 'لا-يوجد' }, status: 404 },
    { summary: 'Limit out of range', path: { format: 'json' }, query: { limit: '500' }, status: 400 },
  ],
};
