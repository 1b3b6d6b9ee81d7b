import type { Core } from '@strapi/strapi';
import { DRAFTS_PERMISSION, draftParamIn, mayUseResource, namedUnboundedRelation, PUBLIC_REFUSED_PARAMS } from '../lib/access-rules';
import { accessOf, modelLookup, type AuthState } from '../infra/access';
import { invalid, refuse } from '../infra/errors';

interface RouteState {
  handler?: unknown;
  info?: { apiName?: string; pluginName?: string };
}

/** `api::article.article.find` → `api::article.article`; plugin routes → `plugin::<name>.<controller>`. */
function resourceOf(route: RouteState | undefined): string | null {
  if (!route || typeof route.handler !== 'string') return null;
  const handler = route.handler;
  if (/^(api|plugin)::/.test(handler)) return handler.split('.').slice(0, 2).join('.');
  const controller = handler.split('.')[0];
  if (route.info?.pluginName) return `plugin::${route.info.pluginName}.${controller}`;
  if (route.info?.apiName) return `api::${route.info.apiName}.${controller}`;
  return null;
}

/**
 * The access rules of src/lib/access-rules.ts, as a Strapi policy. Attached to
 * every content-API route (src/api/<type>/routes, and plugin routes through
 * src/extensions) and to every GraphQL query and mutation (src/graphql), so
 * the same request gets the same answer whichever surface it takes:
 * - drafts (`status=draft`, `publicationFilter`, `hasPublishedVersion`) need
 *   the drafts permission → otherwise 403 naming the parameter;
 * - `_q` (LIKE over every string column) is refused to public callers → 400;
 * - naming an unbounded relation in `populate` (a section's articles) without
 *   the drafts permission → 400 pointing at the list endpoint;
 * - read-only tokens stay on our own content types (no /api/users, no media
 *   library listing) → 403.
 * The Document Service read guard (src/documents/read-access.ts) holds the
 * same line for whatever code runs inside the request. Refusals are
 * PolicyErrors: Strapi's route authorization turns any other ForbiddenError
 * thrown below it into a bare "Forbidden" without the field.
 */
/** What a policy gets: a copy of the Koa context (`type: 'koa'`) or the resolver's arguments (`type: 'graphql'`). */
interface PolicyContext {
  type: 'koa' | 'graphql';
  args?: Record<string, unknown>;
  request?: { query?: Record<string, unknown>; body?: { data?: unknown } };
  state: { auth?: AuthState; route?: RouteState };
}

export default async (policyContext: PolicyContext, config: { uid?: string; scope?: string } | undefined, { strapi }: { strapi: Core.Strapi }) => {
  const graphql = policyContext.type === 'graphql';
  // A koa policy context is a copy of ctx's own properties: `query` (a getter) is on `request`.
  const params: Record<string, unknown> = (graphql ? policyContext.args : policyContext.request?.query) ?? {};
  const access = await accessOf(strapi, policyContext.state);

  const resource = config?.uid ?? resourceOf(policyContext.state?.route);
  if (resource && !mayUseResource(access.kind, resource)) {
    refuse('authorization', 'this token type cannot read this resource', `A ${access.kind} may not use ${resource}`);
  }

  // For resolvers that skip Strapi's own permission check (users-permissions' account mutations).
  if (config?.scope) {
    const auth = policyContext.state?.auth as Parameters<Core.Strapi['auth']['verify']>[0];
    const allowed = await strapi.auth.verify(auth, { scope: [config.scope] }).then(() => true, () => false);
    if (!allowed) refuse('authorization', `needs ${config.scope}`, `This needs the ${config.scope} permission`);
  }

  const draftParam = draftParamIn(params);
  if (draftParam && !access.drafts) {
    refuse(draftParam, 'drafts need an API token with the drafts permission', `Unpublished content needs the ${DRAFTS_PERMISSION} permission`);
  }

  const unbounded = !graphql && !access.drafts && resource ? namedUnboundedRelation(params.populate, resource, modelLookup(strapi)) : null;
  if (unbounded) {
    const message = 'grows without bound: page through /api/articles?section=, ?author= or ?tag=<slug> instead';
    invalid(['populate', ...unbounded], message);
  }

  // Strapi says 'Missing "data" payload' without naming a field.
  const handler = policyContext.state?.route?.handler;
  const action = typeof handler === 'string' ? handler.split('.').pop() : '';
  if (!graphql && (action === 'create' || action === 'update')) {
    const data = policyContext.request?.body?.data;
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
      invalid('data', 'must be an object of fields', 'The request body must be {"data": {…the fields…}}');
    }
  }

  if (!graphql && access.kind === 'public') {
    const refused = PUBLIC_REFUSED_PARAMS.find((name) => name in params);
    if (refused) {
      invalid(refused, 'is not available to public callers; use /api/search', `${refused} is not available without an API token: use /api/search`);
    }
  }
  return true;
};
