import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { notFound } from '../../../infra/errors';
import { openapiService } from '../../services';

/** Swagger UI's files come from the swagger-ui-dist package, served by this app: the page works offline, with no CDN. */
const SWAGGER_DIR = path.dirname(require.resolve('swagger-ui-dist/package.json'));
const ASSET_TYPES: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'application/javascript; charset=utf-8',
  'init.js': 'application/javascript; charset=utf-8',
};
/** Scripts only from this origin (no inline script: the initialiser is init.js); Swagger UI styles inline. */
const PAGE_CSP = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
const CACHE_CONTROL = 'public, max-age=300';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const prefix = () => strapi.config.get('api.rest.prefix', '/api') as string;
  const assets = new Map<string, string>();
  const asset = (name: string): string => {
    let text = assets.get(name);
    if (text === undefined) {
      text =
        name === 'init.js'
          ? `window.ui = SwaggerUIBundle({ url: ${JSON.stringify(`${prefix()}/openapi.json`)}, dom_id: '#swagger-ui', deepLinking: true, docExpansion: 'list', defaultModelsExpandDepth: 0 });\n`
          : fs.readFileSync(path.join(SWAGGER_DIR, name), 'utf8');
      assets.set(name, text);
    }
    return text;
  };

  return {
    /** GET /api/openapi.json */
    async document(ctx: Context) {
      ctx.set('Cache-Control', CACHE_CONTROL);
      ctx.body = await openapiService(strapi).document();
    },

    /** GET /api/docs — the reference page. */
    async page(ctx: Context) {
      ctx.set('Content-Security-Policy', PAGE_CSP);
      ctx.set('Cache-Control', CACHE_CONTROL);
      ctx.type = 'text/html; charset=utf-8';
      ctx.body = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>خليجي 247 — API reference</title>
<link rel="stylesheet" href="${prefix()}/docs/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="${prefix()}/docs/swagger-ui-bundle.js"></script>
<script src="${prefix()}/docs/init.js"></script>
</body>
</html>
`;
    },

    /** GET /api/docs/:asset */
    async asset(ctx: Context) {
      const name = String(ctx.params.asset);
      if (!ASSET_TYPES[name]) notFound('asset', `No file ${name}`);
      ctx.set('Cache-Control', CACHE_CONTROL);
      ctx.type = ASSET_TYPES[name];
      ctx.body = asset(name);
    },

    /** GET /api/schema.graphql */
    async sdl(ctx: Context) {
      ctx.set('Cache-Control', CACHE_CONTROL);
      ctx.type = 'text/plain; charset=utf-8';
      ctx.body = openapiService(strapi).sdl();
    },
  };
};
