/**
 * Shared schemas of the API reference, and the corrections applied to what
 * Strapi's generator (@strapi/openapi 5.54) writes for content types:
 * `documentId` is a cuid2 (Strapi creates it with @paralleldrive/cuid2's
 * createId, 24 characters) — the generator says `uuid`, which strict clients
 * then enforce against every real id; every attribute can be null in a
 * response; only `id`/`documentId` are always present (presets, `fields` and
 * `populate` choose the rest).
 */
import type { JsonSchema } from './types';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
export const schemaRef = ref;

export const DOCUMENT_ID: JsonSchema = {
  type: 'string',
  pattern: '^[a-z][a-z0-9]{23}$',
  description: 'A document id: a cuid2 (24 lower-case letters and digits, starting with a letter), the same for every locale of the document',
  examples: ['o8n735zwifaojb9y8wooime1'],
};

export const localeSchema = (locales: string[], defaultLocale: string): JsonSchema => ({
  type: 'string',
  enum: locales,
  description: `A configured locale; \`${defaultLocale}\` when not given. Any other value is a 400 naming the parameter.`,
  examples: [defaultLocale],
});

/** The one error shape (src/infra/errors.ts, src/infra/http.ts sendError). */
export const ERROR_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['data', 'error'],
  additionalProperties: false,
  properties: {
    data: { type: 'null' },
    error: {
      type: 'object',
      required: ['status', 'name', 'message'],
      additionalProperties: false,
      properties: {
        status: { type: 'integer', minimum: 400, maximum: 599 },
        name: { type: 'string', examples: ['ValidationError', 'NotFoundError'] },
        message: { type: 'string' },
        details: {
          type: 'object',
          description: 'For request errors, `errors` names each field at fault (`path`, e.g. `["locale"]` or `["relatedLinks", 0, "url"]`)',
          properties: {
            errors: {
              type: 'array',
              items: {
                type: 'object',
                required: ['path', 'message'],
                properties: {
                  path: { type: 'array', items: { type: ['string', 'integer'] } },
                  message: { type: 'string' },
                  name: { type: 'string' },
                },
              },
            },
          },
        },
      },
    },
  },
  examples: [
    {
      data: null,
      error: {
        status: 400,
        name: 'ValidationError',
        message: 'Unknown locale "xx"',
        details: { errors: [{ path: ['locale'], message: 'must be one of: ar, en', name: 'ValidationError' }] },
      },
    },
  ],
};

/** Error responses every operation can give, in components.responses, by status. */
export const ERROR_RESPONSES: Record<number, { name: string; description: string }> = {
  400: { name: 'BadRequest', description: 'Invalid parameter: an unknown locale or query parameter, a bad value. `error.details.errors[].path` names it.' },
  401: { name: 'Unauthorized', description: 'An `Authorization` header that is not `Bearer <valid token>`, or an expired token' },
  403: { name: 'Forbidden', description: 'The caller may not do this (e.g. `status=draft` without the drafts permission, a partner token outside the feeds)' },
  404: { name: 'NotFound', description: 'Nothing with that id, slug or page' },
  429: { name: 'TooManyRequests', description: 'Over the rate limit; `Retry-After` says when to try again' },
  503: { name: 'ServiceUnavailable', description: 'The database is unreachable; `Retry-After` says when to try again' },
};

/** Errors any public operation may answer. */
export const COMMON_ERRORS = [400, 401, 429, 503];

export function errorComponents(): Record<string, unknown> {
  return Object.fromEntries(
    Object.values(ERROR_RESPONSES).map(({ name, description }) => [
      name,
      { description, content: { 'application/json': { schema: ref('Error') } } },
    ]),
  );
}

export const errorResponseRef = (status: number) => ({ $ref: `#/components/responses/${ERROR_RESPONSES[status].name}` });

export const PAGINATION: JsonSchema = {
  type: 'object',
  required: ['page', 'pageSize', 'pageCount', 'total'],
  additionalProperties: false,
  properties: {
    page: { type: 'integer', minimum: 1 },
    pageSize: { type: 'integer', minimum: 1, maximum: 100 },
    pageCount: { type: 'integer', minimum: 0 },
    total: { type: 'integer', minimum: 0 },
  },
};

/** The name Strapi's generator gives a content type's (`…Document`) or component's (`…Entry`) schema. */
export function generatedSchemaName(uid: string, kind: 'document' | 'component'): string {
  const pascal = uid
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
  return pascal + (kind === 'document' ? 'Document' : 'Entry');
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Drops `$schema` (OpenAPI declares the dialect once) and generated `default`s (the generator writes its own boot time into `publishedAt`). */
export function stripGeneratorNoise<T>(value: T): T {
  if (Array.isArray(value)) return value.map(stripGeneratorNoise) as T;
  if (!isObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === '$schema' || (k === 'default' && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v))) continue;
    out[k] = stripGeneratorNoise(v);
  }
  return out as T;
}

/** `schema` or null. */
export function nullable(schema: JsonSchema): JsonSchema {
  const { description, readOnly, ...rest } = schema as { description?: string; readOnly?: boolean } & JsonSchema;
  const anyOf = rest.anyOf as JsonSchema[] | undefined;
  if (anyOf && Object.keys(rest).length === 1) {
    if (anyOf.some((s) => s.type === 'null')) return schema;
    return { ...(description ? { description } : {}), ...(readOnly ? { readOnly } : {}), anyOf: [...anyOf, { type: 'null' }] };
  }
  return { ...(description ? { description } : {}), ...(readOnly ? { readOnly } : {}), anyOf: [rest, { type: 'null' }] };
}

/**
 * A generated document (`kind: 'document'`) or component (`'component'`)
 * schema as responses really are: ids typed, every attribute nullable, only
 * the ids required, unknown properties refused (a private field that leaks
 * fails validation), `extra` properties added (computed fields: reading time,
 * dates, JSON-LD…).
 */
export function responseEntitySchema(generated: JsonSchema, kind: 'document' | 'component', extra: Record<string, JsonSchema> = {}): JsonSchema {
  const props = (generated.properties ?? {}) as Record<string, JsonSchema>;
  const properties: Record<string, JsonSchema> = { id: { type: 'integer', description: 'Row id of this locale version (prefer `documentId`)' } };
  if (kind === 'document') properties.documentId = ref('DocumentId');
  for (const [name, schema] of Object.entries(props)) {
    if (name === 'id' || name === 'documentId') continue;
    properties[name] = name === 'locale' ? ref('Locale') : nullable(schema);
  }
  Object.assign(properties, extra);
  const out: JsonSchema = {
    type: 'object',
    required: kind === 'document' ? ['id', 'documentId'] : ['id'],
    additionalProperties: false,
    properties,
  };
  if (generated.description) out.description = generated.description;
  return out;
}
