/**
 * How routes declare their access rules (pure data; the policies themselves
 * live in src/policies). Every content-API route carries `content-access`;
 * custom endpoints also declare the query parameters they take.
 */
import type { RouteDoc } from './openapi/types';

export const CONTENT_ACCESS = 'global::content-access';

export interface PolicyRef {
  name: string;
  config?: Record<string, unknown>;
}

/** `config.policies` of a custom route: the access rules plus its declared query parameters. */
export const customRoute = (...allowedQuery: string[]): { policies: Array<string | PolicyRef> } => ({
  policies: [CONTENT_ACCESS, { name: 'global::query-params', config: { allow: allowedQuery } }],
});

const COLLECTION_ACTIONS = ['find', 'findOne', 'create', 'update', 'delete'] as const;
const SINGLE_ACTIONS = ['find', 'update', 'delete'] as const;

/**
 * `config` for `factories.createCoreRouter`: the access rules on every core
 * action, and the API reference declarations of its read actions
 * (`config.openapi`, added to what Strapi's generator describes).
 */
export function coreRouterAccess(
  kind: 'collection' | 'single' = 'collection',
  docs: Partial<Record<'find' | 'findOne', RouteDoc>> = {},
): Record<string, { policies: string[]; openapi?: RouteDoc }> {
  const actions = kind === 'single' ? SINGLE_ACTIONS : COLLECTION_ACTIONS;
  return Object.fromEntries(
    actions.map((action) => {
      const doc = docs[action as keyof typeof docs];
      return [action, { policies: [CONTENT_ACCESS], ...(doc ? { openapi: doc } : {}) }];
    }),
  );
}

interface PluginRoute {
  method?: string;
  path?: string;
  config?: { policies?: Array<string | PolicyRef> } & Record<string, unknown>;
}

/** For src/extensions/<plugin>/strapi-server.ts: the access rules on every content-API route of a plugin. */
export function addContentAccess(routes: PluginRoute[]): void {
  for (const route of routes) {
    const policies = route.config?.policies ?? [];
    if (!policies.includes(CONTENT_ACCESS)) route.config = { ...route.config, policies: [...policies, CONTENT_ACCESS] };
  }
}

/** Adds a policy to the plugin admin route `method path` (throws if Strapi renamed it: a silent no-op would open it). */
export function addAdminRoutePolicy(routes: PluginRoute[], method: string, path: string, policy: string | PolicyRef): void {
  const route = routes.find((r) => r.method === method && r.path === path);
  if (!route) throw new Error(`[newsroom] admin route ${method} ${path} not found: update src/extensions`);
  route.config = { ...route.config, policies: [...(route.config?.policies ?? []), policy] };
}
