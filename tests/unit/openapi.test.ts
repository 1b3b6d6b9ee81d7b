import { toOpenApiPath } from '../../src/lib/openapi/route-paths';
import { undocumented } from '../../src/lib/openapi/scope';
import { nullable, responseEntitySchema, stripGeneratorNoise, generatedSchemaName } from '../../src/lib/openapi/schemas';
import { curlSnippet, examplePath, fetchSnippet } from '../../src/lib/openapi/examples';
import { buildDocument, type BuildInput } from '../../src/lib/openapi/document';

describe('route paths', () => {
  it('turns Koa parameters and their alternatives into OpenAPI parameters with an enum', () => {
    expect(toOpenApiPath('/api/feeds/:format(rss|atom|json|ninjs)')).toEqual({ path: '/api/feeds/{format}', params: [{ name: 'format', enum: ['rss', 'atom', 'json', 'ninjs'] }] });
    expect(toOpenApiPath('/api/articles/:id/draft')).toEqual({ path: '/api/articles/{id}/draft', params: [{ name: 'id' }] });
  });
  it('refuses a pattern it cannot describe', () => {
    expect(() => toOpenApiPath('/api/connect/(.*)')).toThrow(/cannot describe/);
  });
});

describe('coverage', () => {
  const served = [
    { methods: ['HEAD', 'GET'], path: '/api/articles' },
    { methods: ['POST'], path: '/api/articles' },
    { methods: ['HEAD', 'GET'], path: '/api/live/:id' },
    { methods: ['POST'], path: '/api/auth/local' },
    { methods: [], path: '/api([^/]*)' },
    { methods: ['HEAD', 'GET'], path: '/admin/init' },
    { methods: ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS', 'ACL', 'BIND', 'COPY', 'LOCK', 'MOVE'], path: '/graphql' },
  ];
  it('reports public routes neither documented nor out of scope', () => {
    expect(undocumented(served, new Set(['GET /api/articles']), new Set(['POST /api/articles']))).toEqual(['GET /api/live/:id', 'POST /graphql']);
    expect(undocumented(served, new Set(['GET /api/articles', 'GET /api/live/:id', 'POST /graphql']), new Set(['POST /api/articles']))).toEqual([]);
  });
  it('a custom write is not excused as a core write', () => {
    expect(undocumented([{ methods: ['POST'], path: '/api/kill-notices' }], new Set(), new Set(['POST /api/articles']))).toEqual(['POST /api/kill-notices']);
  });
});

describe('schemas', () => {
  it('names schemas as the generator does', () => {
    expect(generatedSchemaName('api::article.article', 'document')).toBe('ApiArticleArticleDocument');
    expect(generatedSchemaName('media.figure', 'component')).toBe('MediaFigureEntry');
  });
  it('makes attributes nullable once', () => {
    expect(nullable({ type: 'string', description: 'd' })).toEqual({ description: 'd', anyOf: [{ type: 'string' }, { type: 'null' }] });
    const once = nullable({ anyOf: [{ type: 'boolean' }, { type: 'null' }] });
    expect(once).toEqual({ anyOf: [{ type: 'boolean' }, { type: 'null' }] });
  });
  it('corrects a generated document schema: cuid2 ids, locale enum, only ids required, extras, no generator noise', () => {
    const generated = stripGeneratorNoise({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      properties: { documentId: { type: 'string', format: 'uuid' }, id: {}, title: { type: 'string' }, locale: { type: 'string' }, publishedAt: { type: 'string', default: '2026-12-01T23:45:58.633Z' } },
      required: ['documentId', 'id', 'title'],
    });
    const schema = responseEntitySchema(generated, 'document', { jsonLd: { type: 'string' } }) as any;
    expect(schema.required).toEqual(['id', 'documentId']);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.documentId).toEqual({ $ref: '#/components/schemas/DocumentId' });
    expect(schema.properties.locale).toEqual({ $ref: '#/components/schemas/Locale' });
    expect(schema.properties.publishedAt).toEqual({ anyOf: [{ type: 'string' }, { type: 'null' }] });
    expect(schema.properties.jsonLd).toEqual({ type: 'string' });
    expect(JSON.stringify(schema)).not.toContain('$schema');
  });
});

describe('examples', () => {
  const ex = { summary: 'search', query: { q: 'اسعار النفط', locale: 'ar' } };
  it('curl sends Arabic values url-encoded by curl itself, readable in the docs', () => {
    expect(curlSnippet('http://localhost:1337', '/api/search', ex)).toBe("curl -G 'http://localhost:1337/api/search' --data-urlencode 'q=اسعار النفط' --data-urlencode 'locale=ar'");
    expect(curlSnippet('http://x', '/api/feeds/{format}', { summary: 'p', path: { format: 'rss' }, caller: 'partner' })).toBe(`curl 'http://x/api/feeds/rss' -H "Authorization: Bearer $PARTNER_TOKEN"`);
  });
  it('fetch builds the query with URLSearchParams', () => {
    expect(fetchSnippet('http://x', '/api/search', ex, true)).toContain('new URLSearchParams({"q":"اسعار النفط","locale":"ar"})');
  });
  it('fills path parameters (encoded) and keeps placeholders readable', () => {
    expect(examplePath('/api/articles/slug/{slug}', { summary: 's', path: { slug: 'أسعار-النفط' } })).toBe(`/api/articles/slug/${encodeURIComponent('أسعار-النفط')}`);
    expect(examplePath('/api/articles/{id}', { summary: 's', path: { id: '<documentId>' } })).toBe('/api/articles/<documentId>');
    expect(() => examplePath('/api/articles/{id}', { summary: 's' })).toThrow(/no value for \{id\}/);
  });
});

describe('the document', () => {
  const input = (allow: string[]): BuildInput => ({
    title: 't',
    version: '1',
    description: 'd',
    serverUrl: 'http://localhost:1337/',
    locales: ['ar', 'en'],
    defaultLocale: 'ar',
    generatedSchemas: {},
    entities: [],
    routes: [
      {
        method: 'GET',
        path: '/api/search',
        operationId: 'search.find',
        allowedQuery: allow,
        doc: { summary: 's', parameters: [{ name: 'q', in: 'query', schema: { type: 'string' } }], responses: { 200: { description: 'ok', content: { 'application/json': { type: 'object' } } } }, errors: [404], examples: [{ summary: 'q', query: { q: 'النفط' } }] },
      },
    ],
  });
  it('documents each route with the error responses in the project shape', () => {
    const doc = buildDocument(input(['q']));
    const op = doc.paths['/api/search'].get;
    expect(Object.keys(op.responses).sort()).toEqual(['200', '400', '401', '404', '429', '503']);
    expect(op.responses['404']).toEqual({ $ref: '#/components/responses/NotFound' });
    expect(doc.components.schemas.Locale).toMatchObject({ enum: ['ar', 'en'] });
    expect(doc.servers).toEqual([{ url: 'http://localhost:1337' }]);
  });
  it('refuses a declaration whose parameters differ from what the route allows', () => {
    expect(() => buildDocument(input(['q', 'page']))).toThrow(/undocumented: page/);
    expect(() => buildDocument(input([]))).toThrow(/not allowed: q/);
  });
  it('refuses a custom route without a declaration', () => {
    const i = input(['q']);
    i.routes[0].doc = undefined;
    expect(() => buildDocument(i)).toThrow(/no config.openapi declaration/);
  });
});
