/**
 * The API reference (`api::openapi.openapi`): collects what Strapi's
 * generator (@strapi/openapi) writes and every route's `config.openapi`
 * declaration, and assembles the document (src/lib/openapi/document.ts).
 * Built on first use and held until the configured locales change.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { generate } from '@strapi/openapi';
import { printSchema, type GraphQLSchema } from 'graphql';
import { buildDocument, type RouteInput } from '../../../lib/openapi/document';
import { routeKey } from '../../../lib/openapi/route-paths';
import { undocumented, type ServedRoute } from '../../../lib/openapi/scope';
import type { OpenApiDocument, ParameterDoc, RouteDoc } from '../../../lib/openapi/types';
import { infra } from '../../../infra';
import { generatedSchemaName } from '../../../lib/openapi/schemas';
import { PREVIEW_ROUTES } from '../../preview/route';
import { graphqlRouteDoc } from '../../../graphql/openapi';

interface StrapiRoute {
  method: string;
  path: string;
  handler: string | unknown;
  request?: unknown;
  config?: { openapi?: RouteDoc; policies?: Array<string | { name: string; config?: { allow?: string[] } }> };
}

const CORE_READS = new Set(['find', 'findOne']);
const CORE_WRITES = new Set(['create', 'update', 'delete']);

function allowedQuery(route: StrapiRoute): string[] | undefined {
  for (const p of route.config?.policies ?? []) if (typeof p === 'object' && p.name === 'global::query-params') return p.config?.allow ?? [];
  return undefined;
}

/** `api::article.article.find` → the content type and action of a core route, if it is one. */
function coreAction(strapi: Core.Strapi, route: StrapiRoute): { uid: string; action: string } | null {
  if (typeof route.handler !== 'string' || !route.request) return null;
  const at = route.handler.lastIndexOf('.');
  const uid = route.handler.slice(0, at);
  return strapi.contentTypes[uid as keyof typeof strapi.contentTypes] ? { uid, action: route.handler.slice(at + 1) } : null;
}

const shortOperationId = (handler: string) => handler.replace(/^api::([^.]+)\.[^.]+\./, '$1.');

const createOpenapiService = ({ strapi }: { strapi: Core.Strapi }) => {
  let held: { key: string; document: OpenApiDocument; routes: Set<string> } | null = null;
  let sdl: string | null = null;
  const prefix = () => strapi.config.get('api.rest.prefix', '/api') as string;

  /** Every route of src/api (and the root routes we add), with what is known about its description. */
  function apiRoutes(): Array<{ route: StrapiRoute; fullPath: string }> {
    const out: Array<{ route: StrapiRoute; fullPath: string }> = [];
    for (const api of Object.values(strapi.apis) as Array<{ routes: Record<string, { prefix?: string; routes: StrapiRoute[] }> }>) {
      for (const router of Object.values(api.routes)) {
        for (const route of router.routes) out.push({ route, fullPath: prefix() + (router.prefix ?? '') + route.path });
      }
    }
    return out;
  }

  function coreWriteKeys(): Set<string> {
    return new Set(
      apiRoutes()
        .filter(({ route }) => CORE_WRITES.has(coreAction(strapi, route)?.action ?? ''))
        .map(({ route, fullPath }) => routeKey(route.method, fullPath)),
    );
  }

  async function build(): Promise<{ document: OpenApiDocument; routes: Set<string> }> {
    const generated = generate(strapi, { type: 'content-api' }).document as unknown as {
      components?: { schemas?: Record<string, Record<string, unknown>> };
      paths: Record<string, Record<string, { parameters?: ParameterDoc[] }>>;
    };
    const routes: RouteInput[] = [];
    for (const { route, fullPath } of apiRoutes()) {
      const core = coreAction(strapi, route);
      const doc = route.config?.openapi;
      if (core && !CORE_READS.has(core.action)) continue; // writes: out of scope (src/lib/openapi/scope.ts)
      if (!core && !doc) continue; // undocumented: reported by the coverage check, not guessed at
      const handler = String(route.handler);
      const contentType = core ? (strapi.contentTypes as unknown as Record<string, { kind: string; info: { singularName: string } }>)[core.uid] : null;
      routes.push({
        method: route.method,
        path: fullPath,
        operationId: core ? `${contentType!.info.singularName}.${core.action}` : shortOperationId(handler),
        doc,
        noAuth: (route.config as { auth?: unknown } | undefined)?.auth === false,
        allowedQuery: core ? undefined : allowedQuery(route),
        core: core
          ? {
              uid: core.uid,
              action: core.action as 'find' | 'findOne',
              kind: contentType!.kind === 'singleType' ? 'single' : 'collection',
              generated: generated.paths[route.path.replace(/:([A-Za-z_]+)/g, '{$1}')]?.[route.method.toLowerCase()],
            }
          : undefined,
      });
    }
    for (const r of PREVIEW_ROUTES) routes.push({ method: r.method, path: r.path, operationId: 'preview.article', doc: r.config.openapi, noAuth: true });
    const graphql = strapi.plugin('graphql');
    if (graphql) routes.push(graphqlRouteDoc(String(graphql.config('endpoint') ?? '/graphql')));

    const { locales } = infra(strapi);
    const defaultLocale = await locales.defaultLocale();
    const known = await locales.known();
    const generatedSchemas = generated.components?.schemas ?? {};
    const entities = [
      ...Object.keys(strapi.contentTypes).map((uid) => ({ uid, kind: 'document' as const })),
      ...Object.keys(strapi.components).map((uid) => ({ uid, kind: 'component' as const })),
    ].filter(({ uid, kind }) => generatedSchemas[generatedSchemaName(uid, kind)]);
    const port = strapi.config.get('server.port', 1337);
    const serverUrl = (strapi.config.get('server.url', '') as string) || `http://localhost:${port}`;
    const pkg = strapi.config.get('info', {}) as { name?: string; version?: string };
    const document = buildDocument({
      title: 'خليجي 247 — Public and partner API',
      version: pkg.version ?? '0.0.0',
      description: description(),
      serverUrl,
      locales: [defaultLocale, ...known.filter((l) => l !== defaultLocale)],
      defaultLocale,
      generatedSchemas,
      entities,
      routes,
      tags: TAGS,
      extensions: { 'x-graphql-sdl': `${prefix()}/schema.graphql` },
    });
    return { document, routes: new Set(routes.map((r) => routeKey(r.method, r.path))) };
  }

  async function current() {
    const { locales } = infra(strapi);
    const key = `${await locales.defaultLocale()}|${(await locales.known()).sort().join(',')}`;
    if (held?.key !== key) held = { key, ...(await build()) };
    return held;
  }

  function description(): string {
    const file = path.join(strapi.dirs.app.root, 'docs', 'partners.md');
    const partners = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    return [
      'Published content of an Arabic-first newsroom: REST (articles, authors, sections, tags, site settings), search, feeds, sitemaps, the preview page, and GraphQL ([SDL](' + `${prefix()}/schema.graphql` + ')). `ar` is the default locale, `en` the second.',
      'Errors always have one shape (`Error`): `{ "data": null, "error": { "status", "name", "message", "details": { "errors": [{ "path", "message" }] } } }`, the path naming the parameter or field.',
      partners,
    ]
      .filter(Boolean)
      .join('\n\n');
  }

  return {
    /** The document, rebuilt when the configured locales changed. */
    async document(): Promise<OpenApiDocument> {
      return (await current()).document;
    },

    /** The GraphQL schema as SDL (built once: the schema only changes with the code). */
    sdl(): string {
      if (sdl === null) {
        const schema = strapi.plugin('graphql')?.service('content-api').buildSchema() as GraphQLSchema | undefined;
        sdl = schema ? printSchema(schema) : '';
      }
      return sdl;
    },

    /** Served routes on public paths that are neither documented nor out of scope (src/lib/openapi/scope.ts). */
    async undocumentedRoutes(): Promise<string[]> {
      const { routes } = await current();
      const served: ServedRoute[] = strapi.server.listRoutes().map((layer: { methods: string[]; path: string }) => ({ methods: layer.methods, path: layer.path }));
      return undocumented(served, routes, coreWriteKeys());
    },
  };
};

export type OpenapiService = ReturnType<typeof createOpenapiService>;
export default createOpenapiService;

const TAGS = [
  { name: 'articles', description: 'News articles: lists (card preset), one article (full preset), by slug, drafts for preview' },
  { name: 'search', description: 'Arabic-aware full-text search' },
  { name: 'feeds', description: 'RSS, Atom, JSON Feed and ninjs for partners and aggregators' },
  { name: 'sitemaps', description: 'Sitemaps for search engines' },
  { name: 'preview', description: 'Drafts for preview frontends and the built-in preview page' },
  { name: 'graphql', description: 'The GraphQL endpoint and its schema' },
  { name: 'reference', description: 'This reference' },
];
