/** API reference declarations of the reference itself (src/lib/openapi/types.ts RouteDoc). */
import { pathParam } from '../../lib/openapi/declare';
import type { RouteDoc } from '../../lib/openapi/types';

export const openapiJsonDoc: RouteDoc = {
  summary: 'This document (OpenAPI 3.1)',
  tags: ['reference'],
  description: 'Generate a typed client: `npm run types:client` (openapi-typescript).',
  responses: { 200: { description: 'The OpenAPI document', content: { 'application/json': { type: 'object', required: ['openapi', 'paths'], properties: { openapi: { const: '3.1.0' } } } } } },
  examples: [{ summary: 'The document' }],
};

export const docsPageDoc: RouteDoc = {
  summary: 'The API reference page (Swagger UI, every asset served by this app)',
  tags: ['reference'],
  responses: { 200: { description: 'HTML page', content: { 'text/html': { type: 'string' } } } },
  examples: [{ summary: 'The page' }],
};

export const docsAssetDoc: RouteDoc = {
  summary: 'A file of the reference page',
  tags: ['reference'],
  parameters: [pathParam('asset', { type: 'string', enum: ['swagger-ui.css', 'swagger-ui-bundle.js', 'init.js'] }, 'The file')],
  responses: { 200: { description: 'The file', content: { 'text/css': { type: 'string' }, 'application/javascript': { type: 'string' } } } },
  examples: [
    { summary: 'Stylesheet', path: { asset: 'swagger-ui.css' } },
    { summary: 'Script', path: { asset: 'init.js' } },
  ],
};

export const sdlDoc: RouteDoc = {
  summary: 'The GraphQL schema (SDL) of /graphql',
  tags: ['reference', 'graphql'],
  responses: { 200: { description: 'The schema as GraphQL SDL', content: { 'text/plain': { type: 'string' } } } },
  examples: [{ summary: 'The schema' }],
};
