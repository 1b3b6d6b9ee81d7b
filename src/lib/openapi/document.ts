/**
 * Assembles the one OpenAPI 3.1 document of the public and partner API from
 * (1) what Strapi's generator knows — content-type and component schemas, the
 * query parameters of core routes — corrected (src/lib/openapi/schemas.ts),
 * and (2) the declaration each route carries in `config.openapi`
 * (src/lib/openapi/types.ts RouteDoc). Pure: the Strapi side
 * (src/api/openapi/services/openapi.ts) collects the inputs.
 */
import {
  COMMON_ERRORS,
  DOCUMENT_ID,
  ERROR_SCHEMA,
  PAGINATION,
  errorComponents,
  errorResponseRef,
  generatedSchemaName,
  localeSchema,
  responseEntitySchema,
  schemaRef,
  stripGeneratorNoise,
} from './schemas';
import { codeSamples, examplesMarkdown } from './examples';
import { toOpenApiPath } from './route-paths';
import type { JsonSchema, OpenApiDocument, OperationObject, ParameterDoc, RequestExample, ResponseDoc, RouteDoc } from './types';

/** A core route (createCoreRouter) read action, with what Strapi's generator wrote for it. */
export interface CoreRoute {
  uid: string;
  action: 'find' | 'findOne';
  kind: 'collection' | 'single';
  /** The generated operation (its `parameters` are used). */
  generated?: { parameters?: ParameterDoc[] };
}

export interface RouteInput {
  method: string;
  /** Full Koa path, e.g. /api/feeds/:format(rss|atom|json|ninjs). */
  path: string;
  operationId: string;
  doc?: RouteDoc;
  core?: CoreRoute;
  /** `config.auth: false`: no API token is checked (a bad one is no 401). */
  noAuth?: boolean;
  /** The query parameters the route's query-params policy allows (custom routes). */
  allowedQuery?: string[];
}

export interface BuildInput {
  title: string;
  version: string;
  description: string;
  serverUrl: string;
  locales: string[];
  defaultLocale: string;
  /** components.schemas of Strapi's generated document. */
  generatedSchemas: Record<string, JsonSchema>;
  /** uid of every content type and component whose generated schema is kept, by generated name. */
  entities: Array<{ uid: string; kind: 'document' | 'component' }>;
  routes: RouteInput[];
  tags?: Array<{ name: string; description?: string }>;
  extensions?: Record<`x-${string}`, unknown>;
}

const JSON_TYPE = 'application/json';

const isJsonMedia = (media: string) => media === JSON_TYPE || /\+json$/.test(media);

/** `{ data, meta }` of a core read. */
function coreResponse(core: CoreRoute): ResponseDoc {
  const entity = schemaRef(generatedSchemaName(core.uid, 'document'));
  const list = core.kind === 'collection' && core.action === 'find';
  return {
    description: list ? 'A page of documents, newest first where the type has a date' : 'One document',
    content: {
      [JSON_TYPE]: {
        type: 'object',
        required: ['data', 'meta'],
        additionalProperties: false,
        properties: list
          ? { data: { type: 'array', items: entity }, meta: { type: 'object', required: ['pagination'], additionalProperties: false, properties: { pagination: schemaRef('Pagination') } } }
          : { data: entity, meta: schemaRef('SingleMeta') },
      },
    },
  };
}

const defaultSummary = (core: CoreRoute) =>
  core.action === 'find' ? (core.kind === 'single' ? `The ${core.uid.split('.').pop()} settings` : `List ${core.uid.split('.').pop()}s`) : `One ${core.uid.split('.').pop()} by documentId`;

function defaultExamples(core: CoreRoute, defaultLocale: string, otherLocale?: string): RequestExample[] {
  if (core.action === 'findOne') return [{ summary: 'By documentId', path: { id: '<documentId>' } }];
  return [{ summary: `Default locale (${defaultLocale})` }, ...(otherLocale ? [{ summary: `Locale ${otherLocale}`, query: { locale: otherLocale } }] : [])];
}

/** Strapi's generated parameters, corrected: locale an enum, no JSON-Schema dialect noise. */
function coreParameters(core: CoreRoute): ParameterDoc[] {
  return (core.generated?.parameters ?? [])
    .filter((p) => p.in === 'query')
    .map((p) => stripGeneratorNoise(p))
    .map((p) => (p.name === 'locale' ? { ...p, schema: schemaRef('Locale'), description: 'The edition to read' } : p));
}

function pathParameters(path: string, doc?: RouteDoc): { path: string; parameters: ParameterDoc[] } {
  const converted = toOpenApiPath(path);
  const parameters = converted.params.map((param): ParameterDoc => {
    const declared = doc?.parameters?.find((d) => d.in === 'path' && d.name === param.name);
    if (declared) return { ...declared, required: true };
    const schema: JsonSchema = param.enum ? { type: 'string', enum: param.enum } : ['id', 'documentId'].includes(param.name) ? schemaRef('DocumentId') : { type: 'string' };
    return { name: param.name, in: 'path', required: true, schema };
  });
  return { path: converted.path, parameters };
}

function operation(route: RouteInput, input: BuildInput, origin: string): { path: string; method: string; op: OperationObject } {
  const { doc, core } = route;
  if (!doc && !core) throw new Error(`${route.method} ${route.path} has no config.openapi declaration`);
  const { path, parameters: pathParams } = pathParameters(route.path, doc);
  const queryParams: ParameterDoc[] = core ? coreParameters(core) : [];
  for (const p of doc?.parameters ?? []) {
    if (p.in === 'path') continue;
    const at = queryParams.findIndex((q) => q.name === p.name && q.in === p.in);
    if (at >= 0) queryParams[at] = p;
    else queryParams.push(p);
  }
  const examples = doc?.examples ?? (core ? defaultExamples(core, input.defaultLocale, input.locales.find((l) => l !== input.defaultLocale)) : []);
  const successes: Record<string, ResponseDoc> = doc?.responses ?? (core ? { 200: coreResponse(core) } : {});
  const responses: Record<string, unknown> = {};
  let json = false;
  for (const [status, response] of Object.entries(successes)) {
    const content = response.content
      ? Object.fromEntries(Object.entries(response.content).map(([media, schema]) => [media, { schema }]))
      : undefined;
    json ||= Object.keys(response.content ?? {}).some(isJsonMedia);
    responses[status] = { description: response.description, ...(response.headers ? { headers: response.headers } : {}), ...(content ? { content } : {}) };
  }
  const hasStatus = queryParams.some((p) => p.name === 'status');
  const common = route.noAuth ? COMMON_ERRORS.filter((s) => s !== 401) : COMMON_ERRORS;
  const errors = new Set([...common, ...(doc?.errors ?? []), ...(pathParams.length && (core || doc?.errors?.includes(404)) ? [404] : []), ...(hasStatus ? [403] : [])]);
  for (const status of [...errors].sort()) responses[String(status)] ??= errorResponseRef(status);
  const intro = doc?.description ?? (core ? `Generated from the \`${core.uid}\` content type.` : '');
  const op: OperationObject = {
    operationId: route.operationId,
    summary: doc?.summary ?? (core ? defaultSummary(core) : route.operationId),
    description: [intro, examples.length ? `#### Examples\n\n${examplesMarkdown(origin, path, examples, json)}` : ''].filter(Boolean).join('\n\n'),
    tags: doc?.tags ?? (core ? [core.uid.split('.').pop()!] : undefined),
    parameters: [...pathParams, ...queryParams],
    responses,
    security: route.noAuth ? [{}] : doc?.security === 'required' ? [{ bearerAuth: [] }] : [{}, { bearerAuth: [] }],
    ...(doc?.requestBody
      ? { requestBody: { description: doc.requestBody.description, required: true, content: Object.fromEntries(Object.entries(doc.requestBody.content).map(([m, schema]) => [m, { schema }])) } }
      : {}),
    'x-request-examples': examples,
    'x-codeSamples': codeSamples(origin, path, examples, json),
  };
  if (route.allowedQuery) {
    const documented = new Set(queryParams.map((p) => p.name));
    const missing = route.allowedQuery.filter((name) => !documented.has(name));
    const extra = [...documented].filter((name) => !route.allowedQuery!.includes(name));
    if (missing.length || extra.length) {
      throw new Error(`${route.method} ${route.path}: documented query parameters differ from the route's allow list (undocumented: ${missing.join(', ') || '—'}; not allowed: ${extra.join(', ') || '—'})`);
    }
  }
  return { path, method: route.method.toLowerCase(), op };
}

/** Properties that core routes declare for their content type (`entityProperties`), by uid. */
function entityExtras(routes: RouteInput[]): Map<string, Record<string, JsonSchema>> {
  const extras = new Map<string, Record<string, JsonSchema>>();
  for (const r of routes) {
    if (r.core && r.doc?.entityProperties) extras.set(r.core.uid, { ...(extras.get(r.core.uid) ?? {}), ...r.doc.entityProperties });
  }
  return extras;
}

export function buildDocument(input: BuildInput): OpenApiDocument {
  const origin = input.serverUrl.replace(/\/+$/, '');
  const extras = entityExtras(input.routes);
  const schemas: Record<string, JsonSchema> = {
    DocumentId: DOCUMENT_ID,
    Locale: localeSchema(input.locales, input.defaultLocale),
    Error: ERROR_SCHEMA,
    Pagination: PAGINATION,
    SingleMeta: {
      type: 'object',
      additionalProperties: false,
      description: 'Empty, except with `fallback`: which locale was asked for and which one was served (also in `Content-Language`)',
      properties: { requestedLocale: schemaRef('Locale'), servedLocale: schemaRef('Locale') },
    },
  };
  for (const { uid, kind } of input.entities) {
    const name = generatedSchemaName(uid, kind);
    const generated = input.generatedSchemas[name];
    if (!generated) throw new Error(`Strapi's generator wrote no schema ${name} for ${uid}`);
    schemas[name] = responseEntitySchema(stripGeneratorNoise(generated), kind, extras.get(uid));
  }
  const paths: OpenApiDocument['paths'] = {};
  const seen = new Set<string>();
  for (const route of input.routes) {
    const { path, method, op } = operation(route, input, origin);
    if (seen.has(op.operationId)) throw new Error(`Duplicate operationId ${op.operationId}`);
    seen.add(op.operationId);
    (paths[path] ??= {})[method] = op;
  }
  return {
    openapi: '3.1.0',
    info: { title: input.title, version: input.version, description: input.description },
    servers: [{ url: origin }],
    ...(input.tags ? { tags: input.tags } : {}),
    paths,
    components: {
      schemas,
      responses: errorComponents(),
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', description: 'A Strapi API token: partner (feeds), preview (drafts), read-only or full-access (see "Partners")' },
      },
    },
    ...(input.extensions ?? {}),
  };
}
