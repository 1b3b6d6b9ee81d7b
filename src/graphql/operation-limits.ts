/**
 * Checks made on a GraphQL operation once it is parsed, before any resolver
 * runs (an Apollo Server plugin). Pure: no Strapi.
 *
 * 1. No argument may carry a control character (NUL…): the REST request
 *    guard refuses them in URLs, and PostgreSQL answers 500 on NUL in text.
 * 2. Operations are priced from the query and its variables
 *    (graphql-query-complexity) and refused above a budget.
 *
 * The price approximates the work: every object field (a relation, a
 * component, a media file) is one batched lookup; a list multiplies what it
 * selects by the page it asks for; a few fields cost more because they load
 * more (JSON-LD loads a card per article, search runs the index query).
 * 200 aliases of `articles(pagination: { pageSize: 100 }) { jsonLd }` cost
 * 200 × (1 + 100 × 10) ≈ 200,000: refused.
 */
import { getNamedType, getNullableType, GraphQLError, isListType, isObjectType, visit, type DocumentNode, type GraphQLField, type GraphQLSchema } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { CONTROL_CHARACTER } from '../lib/request-checks';

/** The name of the first argument or variable whose text holds a control character; null when clean. */
export function controlCharacterArgument(document: DocumentNode, variables: Record<string, unknown> | undefined): string | null {
  const dirty = (value: unknown): boolean =>
    typeof value === 'string'
      ? CONTROL_CHARACTER.test(value)
      : Array.isArray(value)
        ? value.some(dirty)
        : !!value && typeof value === 'object' && Object.entries(value).some(([k, v]) => CONTROL_CHARACTER.test(k) || dirty(v));
  for (const [name, value] of Object.entries(variables ?? {})) if (dirty(value)) return `$${name}`;
  let found: string | null = null;
  visit(document, {
    Argument(node) {
      let hit = false;
      visit(node.value, { StringValue(s) { if (CONTROL_CHARACTER.test(s.value)) hit = true; } });
      if (hit && !found) found = node.name.value;
    },
  });
  return found;
}

/** Fields priced above the default of their kind. */
export const FIELD_COSTS: Record<string, number> = {
  jsonLd: 10,
  searchArticles: 25,
  relatedArticles: 25,
  // Up to 100 entries (its own limit argument), priced like articles(pagination: { pageSize: 100 }).
  liveCoverage: 100,
};
/** A list that takes no page size (a repeatable component, a connection's nodes) counts this many items. */
const UNPAGED_LIST_ITEMS = 10;

export interface CostOptions {
  maxCost: number;
  /** The GraphQL plugin's default page size (defaultLimit). */
  defaultPageSize: number;
  /** Larger pages are refused by the resolvers with a message naming the argument; price them at this size. */
  maxPageSize: number;
  /** At most this many fields in one document (aliases included), whatever they cost. */
  maxFields?: number;
}

/** The page a list field asks for (its default when it takes a page but names none); null for unpaged fields. */
function pageSizeOf(field: GraphQLField<unknown, unknown>, args: Record<string, any>, { defaultPageSize, maxPageSize }: CostOptions): number | null {
  const search = field.name === 'searchArticles';
  if (!search && !field.args.some((a) => a.name === 'pagination')) return null;
  const asked = Number(search ? args.pageSize : (args.pagination?.pageSize ?? args.pagination?.limit));
  return Number.isInteger(asked) && asked >= 1 ? Math.min(asked, maxPageSize) : defaultPageSize;
}

export function newsroomEstimator(options: CostOptions): ComplexityEstimator {
  return ({ field, args, childComplexity }) => {
    const type = getNullableType(field.type);
    const isObject = isObjectType(getNamedType(field.type));
    const own = FIELD_COSTS[field.name] ?? (isObject ? 1 : 0);
    const items =
      pageSizeOf(field, args, options) ??
      (field.name === 'nodes' ? 1 : isListType(type) && isObject ? UNPAGED_LIST_ITEMS : 1);
    return own + items * childComplexity;
  };
}

/** The price of one operation of `document`. */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | undefined, options: CostOptions, operationName?: string): number {
  return getComplexity({
    schema,
    query: document,
    variables: variables ?? {},
    operationName,
    estimators: [newsroomEstimator(options)],
    maxQueryNodes: options.maxFields ?? 2000,
  });
}

/**
 * Apollo Server plugin: once the operation is parsed and validated, refuses
 * control characters in arguments and operations over the cost budget, each
 * with a 400 that says why.
 */
export function operationLimitsPlugin(options: CostOptions) {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }: { request: { variables?: Record<string, unknown>; operationName?: string | null }; document: DocumentNode; schema: GraphQLSchema }) {
          const dirty = controlCharacterArgument(document, request.variables);
          if (dirty) {
            throw new GraphQLError(`Argument ${dirty} must not contain control characters`, {
              extensions: { code: 'BAD_USER_INPUT', argument: dirty, http: { status: 400 } },
            });
          }
          let cost: number;
          try {
            cost = operationCost(schema, document, request.variables, options, request.operationName ?? undefined);
          } catch (err) {
            throw new GraphQLError(err instanceof Error ? err.message : 'Operation too large', {
              extensions: { code: 'GRAPHQL_COST_LIMIT', http: { status: 400 } },
            });
          }
          if (cost > options.maxCost) {
            throw new GraphQLError(`Operation costs ${cost}, over the limit of ${options.maxCost}: ask for smaller pages, fewer aliases or fewer expensive fields (jsonLd)`, {
              extensions: { code: 'GRAPHQL_COST_LIMIT', cost, maxCost: options.maxCost, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
