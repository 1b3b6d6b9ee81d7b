/** API reference declaration of GET /api/search (src/lib/openapi/types.ts RouteDoc). */
import { digitsParam, documentSchema, jsonResponse, localeParam, query, schemaRef } from '../../lib/openapi/declare';
import type { RouteDoc } from '../../lib/openapi/types';

export const searchDoc: RouteDoc = {
  summary: 'Arabic-aware full-text search of published articles',
  description:
    'Matches without hamza, tashkeel or tatweel, with ى for ي and Arabic-Indic or Latin digits. Syntax: all words must match; `"quoted words"` is a phrase; `-word` excludes; `or` between words means either. Results are article cards, best match first, each with a `snippet`.',
  tags: ['search'],
  parameters: [
    query('q', { type: 'string', minLength: 1, maxLength: 200 }, 'The query', { required: true, example: 'اسعار النفط' }),
    localeParam(),
    query('section', { type: 'string', minLength: 1 }, 'Section slug in that locale; unknown → 404'),
    query('page', { type: 'integer', minimum: 1, default: 1 }, 'Page number'),
    query('pageSize', { type: 'integer', minimum: 1, maximum: 100, default: 20 }, 'Results per page'),
    digitsParam,
  ],
  responses: {
    200: jsonResponse('Ranked article cards', {
      type: 'object',
      required: ['data', 'meta'],
      additionalProperties: false,
      properties: {
        data: { type: 'array', items: documentSchema('api::article.article') },
        meta: { type: 'object', required: ['pagination', 'locale'], additionalProperties: false, properties: { pagination: schemaRef('Pagination'), locale: schemaRef('Locale') } },
      },
    }),
  },
  errors: [404],
  examples: [
    { summary: 'No hamza, still matches «أسعار النفط»', query: { q: 'اسعار النفط', locale: 'ar' } },
    { summary: 'Phrase and exclusion, in one section', query: { q: '"البنك المركزي" -الفائدة', section: 'اقتصاد' } },
    { summary: 'Either word, page 1 of 10', query: { q: 'قطر or الكويت', page: '1', pageSize: '10' } },
    { summary: 'English', query: { q: 'oil', locale: 'en' } },
    { summary: 'Missing q', query: { locale: 'ar' }, status: 400 },
  ],
};
