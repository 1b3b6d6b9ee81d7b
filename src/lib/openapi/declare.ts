/**
 * Small helpers for the `config.openapi` declarations next to each route
 * (src/api/<name>/openapi.ts). A declaration is plain data: summary,
 * parameters, success responses, request examples.
 */
import { generatedSchemaName, schemaRef } from './schemas';
import type { JsonSchema, ParameterDoc, ResponseDoc } from './types';

export { schemaRef };

/** The response schema of a content type (`api::article.article`), as generated and corrected. */
export const documentSchema = (uid: string) => schemaRef(generatedSchemaName(uid, 'document'));

export const query = (name: string, schema: JsonSchema, description: string, extra: Partial<ParameterDoc> = {}): ParameterDoc => ({
  name,
  in: 'query',
  description,
  schema,
  ...extra,
});

export const pathParam = (name: string, schema: JsonSchema, description: string, example?: string): ParameterDoc => ({
  name,
  in: 'path',
  required: true,
  description,
  schema,
  ...(example ? { example } : {}),
});

export const localeParam = (description = 'The edition (default: the default locale)') => query('locale', schemaRef('Locale'), description);

export const digitsParam = query('digits', { type: 'string', enum: ['latn', 'arab'], default: 'latn' }, 'Digits of `dates` and `readingTimeLabel`: Latin (`latn`) or Arabic-Indic (`arab`)');

export const fallbackParam = query('fallback', schemaRef('Locale'), 'Serve this locale when the requested one has no version; `meta.servedLocale` and `Content-Language` say which was served');

export const slugFilterParams = (what: string): ParameterDoc[] =>
  (['section', 'author', 'tag'] as const).map((kind) => query(kind, { type: 'string', minLength: 1 }, `${kind[0].toUpperCase()}${kind.slice(1)} slug in that locale (Arabic slugs raw or percent-encoded): only ${what} of that ${kind}`));

/** A JSON success response `{ data, meta }`. */
export const jsonResponse = (description: string, schema: JsonSchema, headers?: ResponseDoc['headers']): ResponseDoc => ({
  description,
  content: { 'application/json': schema },
  ...(headers ? { headers } : {}),
});

/** Headers of conditional GETs (feeds, sitemaps): `If-None-Match` / `If-Modified-Since` give 304. */
export const VALIDATOR_HEADERS: NonNullable<ResponseDoc['headers']> = {
  ETag: { description: 'Strong validator; send it back in `If-None-Match` for a 304', schema: { type: 'string' } },
  'Last-Modified': { description: 'Newest change among the listed articles', schema: { type: 'string' } },
  'Cache-Control': { description: '`public, max-age=60, s-maxage=300, stale-while-revalidate=600`; `private, max-age=60` for token callers', schema: { type: 'string' } },
};

export const NOT_MODIFIED: ResponseDoc = { description: 'Not modified (the `If-None-Match` / `If-Modified-Since` validators still hold)' };
