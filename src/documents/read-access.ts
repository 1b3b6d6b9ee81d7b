import type { Core } from '@strapi/strapi';
import { contentTypes } from '@strapi/utils';
import { boundPopulate, DRAFT_PARAMS } from '../lib/access-rules';
import { accessOf, modelLookup, schemaOf } from '../infra/access';
import { invalid, refuse } from '../infra/errors';
import { LIVE_ENTRY_UID } from '../lib/live';
import { liveService } from '../api/services';
import type { DocumentMiddleware } from './types';
import type { SecurityConfig } from '../../config/security';

const READS = new Set(['findMany', 'findFirst', 'findOne', 'count']);

/** A preview link verified by the preview page opens exactly its one version (src/api/preview). */
export interface PreviewGrant {
  documentId: string;
  locale: string;
}

/**
 * Document Service middleware, outermost: every read made while serving a
 * request for a caller without the drafts permission (the public, read-only
 * and partner tokens) is made of published versions only — whatever code
 * issued it: a core controller, a GraphQL resolver, a custom service that
 * forgot `status`. `status: 'published'` also applies to every populated
 * relation, so drafts cannot arrive through a section's or an author's
 * articles; populate is bounded as src/lib/access-rules.ts says. An explicit
 * `status: 'draft'` is a 403 (the route policies refuse it first; this is the
 * floor under them). Reads outside a request (cron, scripts, bootstrap) and by
 * admins are left alone; the preview page reads the one version its signed
 * link names.
 */
export function readAccessMiddleware(strapi: Core.Strapi): DocumentMiddleware {
  const lookup = modelLookup(strapi);
  return async (ctx, next) => {
    if (!READS.has(ctx.action)) return next();
    const request = strapi.requestContext.get() as { state: { auth?: never; previewGrant?: PreviewGrant } } | undefined;
    if (!request) return next();
    const access = await accessOf(strapi, request.state);
    if (access.drafts) return next();

    const params = (ctx.params ??= {});
    const grant = request.state.previewGrant;
    if (grant && params.documentId === grant.documentId && params.locale === grant.locale) return next();

    const model = schemaOf(strapi, ctx.uid);
    if (params.status === 'draft' && model && contentTypes.hasDraftAndPublish(model)) {
      refuse('status', 'drafts need an API token with the drafts permission', 'Drafts are not available to this caller');
    }
    params.status = 'published';
    for (const name of DRAFT_PARAMS) if (name !== 'status') delete params[name];
    if (params.populate !== undefined) {
      const { maxDepth } = strapi.config.get('security.populate') as SecurityConfig['populate'];
      const bounded = boundPopulate(params.populate, ctx.uid, lookup, maxDepth);
      if (bounded.tooDeep) {
        invalid(['populate', ...bounded.tooDeep], `nests deeper than ${maxDepth} levels`);
      }
      params.populate = bounded.populate;
    }
    if (ctx.uid === LIVE_ENTRY_UID) {
      // Entries have no draft of their own: they are public when their coverage is, in their locale.
      const floor = await liveService(strapi).publicCoverageFilter();
      params.filters = params.filters ? { $and: [params.filters, floor] } : floor;
    }
    return next();
  };
}
