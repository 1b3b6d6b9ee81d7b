/**
 * /graphql in the API reference: one POST operation; the schema itself is
 * published as SDL at /api/schema.graphql (src/api/openapi).
 */
import type { RouteDoc } from '../lib/openapi/types';

const graphqlDoc: RouteDoc = {
  summary: 'GraphQL (schema: /api/schema.graphql)',
  description:
    'The same content and access rules as REST. Depth, page size and an operation price are limited (README "GraphQL", "Security model"); errors are GraphQL errors naming the argument. The full schema is [/api/schema.graphql](/api/schema.graphql).',
  tags: ['graphql'],
  requestBody: {
    description: 'A GraphQL operation',
    content: {
      'application/json': {
        type: 'object',
        required: ['query'],
        properties: { query: { type: 'string' }, variables: { type: 'object' }, operationName: { type: 'string' } },
      },
    },
  },
  responses: {
    200: {
      description: 'The result (`errors` lists what failed, each with `extensions.code`)',
      content: {
        'application/json': {
          type: 'object',
          properties: {
            data: { anyOf: [{ type: 'object' }, { type: 'null' }] },
            errors: { type: 'array', items: { type: 'object', required: ['message'], properties: { message: { type: 'string' }, extensions: { type: 'object' } } } },
          },
        },
      },
    },
    400: {
      description: 'A query GraphQL refuses before running it (syntax, unknown field, bad argument, over the limits): GraphQL errors, not the REST error shape',
      content: { 'application/json': { type: 'object', required: ['errors'], properties: { errors: { type: 'array', minItems: 1, items: { type: 'object', required: ['message'] } } } } },
    },
  },
  examples: [
    {
      summary: 'Ten Arabic headlines with their section',
      body: { query: '{ articles(locale: "ar", pagination: { pageSize: 10 }) { documentId title slug section { name slug } } }' },
    },
    { summary: 'Search', body: { query: '{ searchArticles(q: "اسعار النفط", locale: "ar") { items { title slug } total } }' } },
    { summary: 'A field that does not exist', body: { query: '{ articles { nope } }' }, status: 400 },
  ],
};

export const graphqlRouteDoc = (endpoint: string) => ({ method: 'POST', path: endpoint, operationId: 'graphql.query', doc: graphqlDoc });
