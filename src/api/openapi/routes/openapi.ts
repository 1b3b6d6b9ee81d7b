import { openapiJsonDoc, docsPageDoc, docsAssetDoc, sdlDoc } from '../openapi';

/** The API reference: the OpenAPI document, its page (Swagger UI, served from this app) and the GraphQL SDL. Public. */
const open = (openapi: unknown) => ({ auth: false as const, policies: [{ name: 'global::query-params', config: { allow: [] } }], openapi });

export default {
  routes: [
    { method: 'GET', path: '/openapi.json', handler: 'openapi.document', config: open(openapiJsonDoc) },
    { method: 'GET', path: '/docs', handler: 'openapi.page', config: open(docsPageDoc) },
    { method: 'GET', path: '/docs/:asset(swagger-ui.css|swagger-ui-bundle.js|init.js)', handler: 'openapi.asset', config: open(docsAssetDoc) },
    { method: 'GET', path: '/schema.graphql', handler: 'openapi.sdl', config: open(sdlDoc) },
  ],
};
