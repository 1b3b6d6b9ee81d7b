import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { DRAFTS_PERMISSION, draftParamIn, mayUseResource, namedUnboundedRelation, PUBLIC_REFUSED_PARAMS } from '../lib/access-rules';
import { accessOf, modelLookup } from '../infra/access';

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
export default async (policyContext: any, config: { uid?: string; scope?: string } | undefined, { strapi }: { strapi: Core.Strapi }) => {
  const graphql = policyContext.type === 'graphql';
  // A koa policy context is a copy of ctx's own properties: `query` (a getter) is on `request`.
  const params: Record<string, unknown> = (graphql ? policyContext.args : policyContext.request?.query) ?? {};
  const access = await accessOf(strapi, policyContext.state);

  const resource = config?.uid ?? resourceOf(policyContext.state?.route);
  if (resource && !mayUseResource(access.kind, resource)) {
    throw new errors.PolicyError(`A ${access.kind} may not use ${resource}`, {
      errors: [{ path: ['authorization'], message: 'this token type cannot read this resource', name: 'ForbiddenError' }],
    });
  }

  // For resolvers that skip Strapi's own permission check (users-permissions' account mutations).
  if (config?.scope) {
    const allowed = await strapi.auth.verify(policyContext.state?.auth, { scope: [config.scope] }).then(() => true, () => false);
    if (!allowed) throw new errors.PolicyError(`This needs the ${config.scope} permission`);
  }

  const draftParam = draftParamIn(params);
  if (draftParam && !access.drafts) {
    throw new errors.PolicyError(`Unpublished content needs the ${DRAFTS_PERMISSION} permission`, {
      errors: [{ path: [draftParam], message: 'drafts need an API token with the drafts permission', name: 'ForbiddenError' }],
    });
  }

  const unbounded = !graphql && !access.drafts && resource ? namedUnboundedRelation(params.populate, resource, modelLookup(strapi)) : null;
  if (unbounded) {
    const message = 'grows without bound: page through /api/articles?section=, ?author= or ?tag=<slug> instead';
    throw new errors.ValidationError(`populate.${unbounded.join('.')} ${message}`, {
      errors: [{ path: ['populate', ...unbounded], message, name: 'ValidationError' }],
    });
  }

  // Strapi says 'Missing "data" payload' without naming a field.
  const action = typeof policyContext.state?.route?.handler === 'string' ? policyContext.state.route.handler.split('.').pop() : '';
  if (!graphql && (action === 'create' || action === 'update')) {
    const data = policyContext.request?.body?.data;
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
      throw new errors.ValidationError('The request body must be {"data": {…the fields…}}', {
        errors: [{ path: ['data'], message: 'must be an object of fields', name: 'ValidationError' }],
      });
    }
  }

  if (!graphql && access.kind === 'public') {
    const refused = PUBLIC_REFUSED_PARAMS.find((name) => name in params);
    if (refused) {
      throw new errors.ValidationError(`${refused} is not available without an API token: use /api/search`, {
        errors: [{ path: [refused], message: 'is not available to public callers; use /api/search', name: 'ValidationError' }],
      });
    }
  }
  return true;
};
