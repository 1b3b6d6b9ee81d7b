/**
 * The OpenAPI 3.1 shapes this project writes, and the declaration a route
 * carries in `config.openapi` (see src/lib/openapi/README section in the
 * project README, "API reference"). Pure data: no Strapi.
 */
export type JsonSchema = Record<string, unknown>;

export interface ParameterDoc {
  name: string;
  in: 'query' | 'path' | 'header';
  description?: string;
  required?: boolean;
  schema: JsonSchema;
  style?: string;
  explode?: boolean;
  example?: unknown;
}

/** Who makes an example request: anonymous, or one of the token classes (the test holds one of each). */
export type Caller = 'public' | 'partner' | 'preview';

/**
 * One request shown in the docs (curl and fetch) and replayed by
 * tests/integration/openapi.test.ts against the running app, whose response
 * must match the documented status and schema. Values may name placeholders
 * the test (and a reader) fills in: `<documentId>` (a published Arabic
 * article), `<previewToken>` (a signed preview link's token).
 */
export interface RequestExample {
  summary: string;
  path?: Record<string, string>;
  query?: Record<string, string>;
  caller?: Caller;
  /** A JSON request body (POST). */
  body?: unknown;
  /** The expected status; 200 when left out. */
  status?: number;
}

export interface ResponseDoc {
  description: string;
  /** Media type → schema; JSON bodies are validated, text bodies checked for their media type. */
  content?: Record<string, JsonSchema>;
  headers?: Record<string, { description: string; schema: JsonSchema }>;
}

/**
 * What a route declares about itself, next to it (`config.openapi`). Core
 * routes (createCoreRouter) are described by Strapi's generator; their
 * declaration only adds (parameters, extra properties, examples). A custom
 * route's declaration is its whole description.
 */
export interface RouteDoc {
  summary: string;
  description?: string;
  tags?: string[];
  /** Query parameters (path parameters come from the route path; describe them here to add a description or example). */
  parameters?: ParameterDoc[];
  /** A request body (media type → schema), for POST routes. */
  requestBody?: { description: string; content: Record<string, JsonSchema> };
  /** Success responses by status. Error responses (400, 401, 403, 404, 429, 503) are added in the project's error shape. */
  responses?: Record<string, ResponseDoc>;
  /** Error statuses this route can answer besides the common ones (e.g. 404 for an unknown slug). */
  errors?: number[];
  /** Core routes: properties the content type's responses carry beyond its attributes (computed fields), merged into its schema. */
  entityProperties?: Record<string, JsonSchema>;
  /** `required`: only token callers (bearer security); otherwise a token is optional. */
  security?: 'optional' | 'required';
  examples: RequestExample[];
}

export interface OperationObject {
  operationId: string;
  summary: string;
  description?: string;
  tags?: string[];
  parameters: ParameterDoc[];
  responses: Record<string, unknown>;
  security?: Array<Record<string, string[]>>;
  requestBody?: unknown;
  'x-request-examples': RequestExample[];
  [ext: `x-${string}`]: unknown;
}

export interface OpenApiDocument {
  openapi: string;
  info: Record<string, unknown>;
  servers: Array<{ url: string; description?: string }>;
  tags?: Array<{ name: string; description?: string }>;
  paths: Record<string, Record<string, OperationObject>>;
  components: { schemas: Record<string, JsonSchema>; responses: Record<string, unknown>; securitySchemes: Record<string, unknown>; parameters?: Record<string, unknown> };
  externalDocs?: { description: string; url: string };
  [ext: `x-${string}`]: unknown;
}
