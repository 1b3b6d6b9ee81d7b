/**
 * The newsroom's access rules, declared once (README, "Security model").
 * Pure: the policy (src/policies/content-access.ts), the Document Service
 * read guard (src/documents/read-access.ts), the GraphQL extension and the
 * tests all read these.
 *
 * An embargo is a promise to sources and agencies: nothing unpublished —
 * a draft, a pending edit of a live story, a schedule, an e-mail address —
 * leaves the building unless the caller holds the drafts permission.
 */

/** Who is asking. API tokens are told apart by Strapi's token type. */
export type CallerKind =
  | 'public' // no credentials: the users-permissions public role
  | 'user' // a users-permissions end user (registration is off; only if an admin created one)
  | 'read-only-token'
  | 'custom-token' // e.g. a partner's feed-only token, or a preview frontend's token
  | 'full-access-token'
  | 'admin'; // an admin-panel session (content-manager)

/**
 * The content-API action that unlocks unpublished content on every surface.
 * It has no route: it exists so it can be ticked for a custom API token
 * (a preview frontend) in Settings → API Tokens → Article. Full-access tokens
 * and admin sessions have it implicitly; read-only tokens never do.
 */
export const DRAFTS_PERMISSION = 'api::article.article.readDrafts';

/** Parameters (REST query keys, GraphQL arguments) that reach unpublished versions or reveal which exist. */
export const DRAFT_PARAMS = ['status', 'publicationFilter', 'hasPublishedVersion'] as const;

/**
 * The draft parameter a request uses, if any. `status=published` is what
 * everyone gets anyway; GraphQL passes its enum as lower-case strings.
 */
export function draftParamIn(params: Record<string, unknown> | null | undefined): (typeof DRAFT_PARAMS)[number] | null {
  if (!params) return null;
  for (const name of DRAFT_PARAMS) {
    const value = params[name];
    if (value === undefined || value === null || value === '') continue;
    if (name === 'status' && String(value).toLowerCase() === 'published') continue;
    return name;
  }
  return null;
}

/**
 * `_q` searches every string column of a type with LIKE: a public caller could
 * probe private values a prefix at a time, and scan tables. Public callers use
 * /api/search; tokens keep `_q`, over searchable (non-private) columns only.
 */
export const PUBLIC_REFUSED_PARAMS = ['_q'] as const;

/**
 * Plugins whose content-API routes a read-only token may use. Strapi lets a
 * read-only token call every `find`/`findOne` of every plugin: `/api/users`
 * lists e-mail addresses and `/api/upload/files` the media of embargoed
 * stories. Custom tokens get exactly what was ticked for them; full-access
 * tokens are admin-grade.
 */
export const READ_ONLY_TOKEN_PLUGINS = ['i18n'] as const;

/** Whether this caller may use a route or query of the content type (or plugin controller) `uid`. */
export function mayUseResource(kind: CallerKind, uid: string): boolean {
  if (kind !== 'read-only-token' || uid.startsWith('api::')) return true;
  const plugin = /^plugin::([^.]+)\./.exec(uid)?.[1];
  return !!plugin && (READ_ONLY_TOKEN_PLUGINS as readonly string[]).includes(plugin);
}

/** Callers that see unpublished content without a permission check. */
export const alwaysSeesDrafts = (kind: CallerKind): boolean => kind === 'admin' || kind === 'full-access-token';

/**
 * Inverse to-many relations to the stories (`mappedBy` relations whose target
 * is a draft & publish type: a section's, author's or tag's articles) grow
 * every day without bound. Callers without the drafts permission cannot
 * populate them over REST — every article of a section in one response is a
 * table scan per request — and page through /api/articles?section=… instead:
 * named explicitly they are a 400, inside `populate=*` they are left out.
 * GraphQL pages nested lists itself (default 20, at most GRAPHQL_MAX_LIMIT).
 * A section's children (few, edited by hand) stay populatable.
 */
export interface SchemaAttribute {
  type: string;
  relation?: string;
  mappedBy?: string;
  target?: string;
  component?: string;
}
export interface ModelInfo {
  attributes: Record<string, SchemaAttribute>;
  draftAndPublish: boolean;
}
export type ModelLookup = (uid: string) => ModelInfo | undefined;

export function isUnboundedRelation(attribute: SchemaAttribute | undefined, lookup: ModelLookup): boolean {
  if (attribute?.type !== 'relation' || !attribute.mappedBy || !/Many$/.test(attribute.relation ?? '')) return false;
  return !!attribute.target && !!lookup(attribute.target)?.draftAndPublish;
}

const targetOf = (a: SchemaAttribute | undefined): string | undefined =>
  a?.type === 'relation' ? a.target : a?.type === 'component' ? a.component : a?.type === 'media' ? 'plugin::upload.file' : undefined;

type PopulateTree = Record<string, unknown>;

/** `populate` in any of Strapi's spellings ('a,b', ['a'], {a: true}) as an object; '*' and true stay as they are. */
function asTree(populate: unknown): PopulateTree | '*' | null {
  if (populate === undefined || populate === null || populate === false || populate === 'false') return null;
  if (populate === '*' || populate === true || populate === 'true') return '*';
  if (typeof populate === 'string') return Object.fromEntries(populate.split(',').map((n) => [n.trim(), true]));
  if (Array.isArray(populate)) return Object.fromEntries(populate.map((n) => [String(n), true]));
  return typeof populate === 'object' ? (populate as PopulateTree) : null;
}

/** The path of the first unbounded relation a request names in `populate` (raw REST query), or null. */
export function namedUnboundedRelation(populate: unknown, uid: string, lookup: ModelLookup, path: string[] = []): string[] | null {
  const tree = asTree(populate);
  const model = lookup(uid);
  if (!tree || tree === '*' || !model) return null;
  for (const [name, value] of Object.entries(tree)) {
    const attribute = model.attributes[name];
    if (isUnboundedRelation(attribute, lookup)) return [...path, name];
    const target = targetOf(attribute);
    if (target && value && typeof value === 'object' && 'populate' in value) {
      const found = namedUnboundedRelation((value as PopulateTree).populate, target, lookup, [...path, name, 'populate']);
      if (found) return found;
    }
  }
  return null;
}

/**
 * The populate tree as a caller without the drafts permission gets it:
 * unbounded relations dropped (they can only be there through `*`), at most
 * `maxDepth` levels. `tooDeep` names where it went past the limit.
 */
export function boundPopulate(populate: unknown, uid: string, lookup: ModelLookup, maxDepth: number): { populate: unknown; tooDeep: string[] | null } {
  let tooDeep: string[] | null = null;
  const visit = (value: unknown, at: string, depth: number, path: string[]): unknown => {
    const tree = asTree(value);
    const model = lookup(at);
    if (!tree || !model) return value;
    if (depth > maxDepth) {
      tooDeep ??= path;
      return undefined;
    }
    const names = tree === '*' ? Object.keys(model.attributes).filter((n) => targetOf(model.attributes[n]) || model.attributes[n].type === 'dynamiczone') : Object.keys(tree);
    const out: PopulateTree = {};
    for (const name of names) {
      const attribute = model.attributes[name];
      if (isUnboundedRelation(attribute, lookup)) continue;
      const child = tree === '*' ? true : tree[name];
      const target = targetOf(attribute);
      if (target && child && typeof child === 'object' && !Array.isArray(child) && 'populate' in child) {
        out[name] = { ...(child as PopulateTree), populate: visit((child as PopulateTree).populate, target, depth + 1, [...path, name, 'populate']) };
      } else {
        out[name] = child;
      }
    }
    return out;
  };
  const bounded = visit(populate, uid, 1, []);
  return { populate: bounded, tooDeep };
}

/**
 * The API token classes we hand out (`npm run token`), as custom Strapi tokens:
 * a partner reads the feeds (full text) and nothing else; a preview frontend
 * reads articles including drafts. Read-only tokens stay for trusted
 * frontends' build servers; full-access tokens are admin-grade.
 */
export const TOKEN_CLASSES = {
  partner: { description: 'Syndication partner: feeds only (full text)', permissions: ['api::feed.feed.find'] },
  preview: {
    description: 'Preview frontend: articles, drafts included',
    permissions: ['api::article.article.find', 'api::article.article.findOne', DRAFTS_PERMISSION],
  },
} as const;
export type TokenClass = keyof typeof TOKEN_CLASSES;
