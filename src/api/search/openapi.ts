/** API reference declaration of GET /api/search (src/lib/openapi/types.ts RouteDoc). */
import { digitsParam, documentSchema, jsonResponse, localeParam, pathParam, query, schemaRef } from '../../lib/openapi/declare';
import type { RouteDoc } from '../../lib/openapi/types';

/** `{ data: [article cards], meta }`, meta holding exactly these schemas. */
const cardsResponse = (description: string, meta: Record<string, ReturnType<typeof schemaRef>>) =>
  jsonResponse(description, {
    type: 'object',
    required: ['data', 'meta'],
    additionalProperties: false,
    properties: {
      data: { type: 'array', items: documentSchema('api::article.article') },
      meta: { type: 'object', required: Object.keys(meta), additionalProperties: false, properties: meta },
    },
  });

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
    200: cardsResponse('Ranked article cards', { pagination: schemaRef('Pagination'), locale: schemaRef('Locale') }),
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

export const relatedDoc: RouteDoc = {
  summary: 'Related stories (أخبار ذات صلة) for a published article, most similar first',
  description:
    'Published articles of the same locale, never the article itself: shared title/excerpt stems (+1 each), shared tags (+2 each), the same section (+1), newest among equals. Cards as in the list. Cached like a list: any public change in the locale evicts it.',
  tags: ['search'],
  parameters: [
    pathParam('documentId', schemaRef('DocumentId'), 'The published article'),
    localeParam(),
    query('limit', { type: 'integer', minimum: 1, maximum: 20, default: 5 }, 'Number of stories'),
    digitsParam,
  ],
  responses: {
    200: cardsResponse('Related article cards', { locale: schemaRef('Locale') }),
  },
  errors: [404],
  examples: [
    { summary: 'Five related Arabic stories', path: { documentId: '<documentId>' } },
    { summary: 'Three, with Arabic-Indic digits', path: { documentId: '<documentId>' }, query: { limit: '3', digits: 'arab' } },
    { summary: 'No such article', path: { documentId: 'zzzzzzzzzzzzzzzzzzzzzzzz' }, status: 404 },
  ],
};
