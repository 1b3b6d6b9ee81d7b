/**
 * Which served routes the API reference must describe. Every route of
 * `strapi.server.listRoutes()` on a public path is either documented or
 * matched here with a reason; tests/integration/openapi.test.ts fails on any
 * other (a route added without its `config.openapi` declaration).
 */
import { routeKey } from './route-paths';

/** Paths readers, partners and frontends call (the admin panel and its APIs are not part of it). */
export const PUBLIC_PATH = /^\/(api|preview|graphql)(\/|$)/;

export interface OutOfScope {
  reason: string;
  matches: (method: string, path: string) => boolean;
}

/** Plugins' content-API routes: none is granted to the public role or to partner/preview tokens (src/bootstrap/public-permissions.ts). */
const PLUGIN_PATHS = /^\/api\/(auth|connect|users|users-permissions|upload|i18n|email|content-type-builder)(\/|$)/;

export function outOfScope(coreWrites: Set<string>): OutOfScope[] {
  return [
    {
      reason: 'plugin routes (accounts, media library, locales admin): not granted to the public role or partner tokens',
      matches: (_m, path) => PLUGIN_PATHS.test(path),
    },
    {
      reason: 'core create/update/delete: the newsroom\'s own tools with full-access tokens (README "REST API"), not the public and partner API',
      matches: (method, path) => coreWrites.has(routeKey(method, path)),
    },
  ];
}

export interface ServedRoute {
  methods: string[];
  path: string;
}

/**
 * Routes served on public paths that are neither documented (`documented`
 * holds `METHOD /koa/path` keys) nor out of scope. A route answering every
 * method (GraphQL) must document POST.
 */
export function undocumented(served: ServedRoute[], documented: Set<string>, coreWrites: Set<string>): string[] {
  const rules = outOfScope(coreWrites);
  const missing: string[] = [];
  for (const { methods, path } of served) {
    if (!PUBLIC_PATH.test(path) || methods.length === 0) continue;
    const all = methods.length > 10;
    const wanted = all ? ['POST'] : methods.filter((m) => m !== 'HEAD');
    for (const method of wanted) {
      const key = routeKey(method, path);
      if (documented.has(key) || rules.some((r) => r.matches(method, path))) continue;
      missing.push(key);
    }
  }
  return missing;
}
