import type { Core } from '@strapi/strapi';
import { invalidFields } from '../infra/errors';
import { fieldsProblems, filterProblems, paginationProblems, populateFilterProblems, sortProblems, type AttributeLookup, type FilterOptions } from '../lib/query-shape';
import { accessOfAuth, modelLookup, schemaOf } from '../infra/access';

const ROOT_PAGINATION = ['page', 'pageSize', 'start', 'limit'] as const;

/**
 * Adds the value checks of src/lib/query-shape.ts to Strapi's content-API
 * query validator. That validator is the one gate every content-API query
 * passes: REST controllers call it, and so do GraphQL's root resolvers and its
 * nested relation resolvers (which then go to the Query Engine, not the
 * Document Service). Strapi has a registry for input validators but none for
 * queries, hence the wrapper. Bad input throws a ValidationError (400, or
 * BAD_USER_INPUT on GraphQL) naming the parameter.
 */
export function validateQueryValues(strapi: Core.Strapi): void {
  const validate = strapi.contentAPI.validate as { query: (query: any, schema: any, options?: any) => Promise<void> };
  const strapiQuery = validate.query.bind(validate);
  const lookup: AttributeLookup = (uid) => schemaOf(strapi, uid)?.attributes;
  const models = modelLookup(strapi);
  const hasDraftAndPublish = (uid: string) => !!models(uid)?.draftAndPublish;
  validate.query = async (query, schema, options) => {
    const maxLimit = Number(strapi.config.get('api.rest.maxLimit')) || 100;
    const root = Object.fromEntries(ROOT_PAGINATION.filter((k) => query?.[k] !== undefined).map((k) => [k, query[k]]));
    const filterOptions: FilterOptions = { drafts: (await accessOfAuth(strapi, options?.auth)).drafts, hasDraftAndPublish };
    const problems = [
      ...filterProblems(query?.filters, schema.uid, lookup, filterOptions),
      ...populateFilterProblems(query?.populate, schema.uid, lookup, filterOptions),
      ...paginationProblems(query?.pagination, maxLimit),
      ...(Object.keys(root).length ? paginationProblems(root, maxLimit, []) : []),
      ...sortProblems(query?.sort),
      ...fieldsProblems(query?.fields),
    ];
    if (problems.length) invalidFields(problems, `Invalid query: ${problems.map((p) => `${p.path.join('.')} ${p.message}`).join('; ')}`);
    return strapiQuery(query, schema, options);
  };
}
