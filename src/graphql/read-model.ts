import type { Core } from '@strapi/strapi';
import type { GraphQLResolveInfo } from 'graphql';
import { selectionWithin, type FieldTree } from '../lib/graphql-selection';
import { SHORTCUT_FILTERS, type PlainListRequest, type ShortcutKind } from '../api/article/query';
import { presets } from '../api/article/populate';
import { readModelService } from '../api/services';
import { infra } from '../infra';
import { schemaOf } from '../infra/access';
import { markPreloaded } from './batch-relations';
import type { ResolverMiddleware } from './types';

const ARTICLE = 'api::article.article';
const FILE = 'plugin::upload.file';
/** Fields our GraphQL extension computes from the article itself (src/graphql/index.ts). */
const COMPUTED: FieldTree = { readingTimeLabel: true, dates: true, jsonLd: true, alternates: { locale: true, url: true } };
const NEWEST_FIRST = [['firstPublishedAt:desc'], ['firstPublishedAt:desc', 'publishedAt:desc']];

interface Preset {
  fields?: string[];
  populate?: Record<string, unknown>;
}

/** What a preset loads of a type, as a GraphQL field tree (relations, components and media by their own preset). */
function presetTree(strapi: Core.Strapi, uid: string, preset: Preset): FieldTree {
  const attributes = schemaOf(strapi, uid)?.attributes ?? {};
  const tree: FieldTree = { documentId: true, id: true };
  const nested = new Set(['relation', 'component', 'media', 'dynamiczone']);
  for (const [name, attr] of Object.entries(attributes)) {
    if (!nested.has(attr.type) && (!preset.fields || preset.fields.includes(name))) tree[name] = true;
  }
  for (const [name, child] of Object.entries(preset.populate ?? {})) {
    const attr = attributes[name] as { type: string; target?: string; component?: string } | undefined;
    const target = attr?.type === 'media' ? FILE : attr?.type === 'component' ? attr.component : attr?.target;
    if (target) tree[name] = presetTree(strapi, target, (child ?? {}) as Preset);
  }
  return tree;
}

const isAnonymous = (context: unknown) => !(context as { koaContext?: { get(h: string): string } }).koaContext?.get('authorization');

/** `filters: { section: { slug: { eq: "…" } } }` (or authors/tags): the one scope the read model lists by. */
function scopeOf(filters: unknown): PlainListRequest['scope'] | null | undefined {
  if (filters === undefined || filters === null) return undefined;
  if (typeof filters !== 'object') return null;
  const entries = Object.entries(filters as Record<string, unknown>);
  if (entries.length !== 1) return null;
  const [relation, condition] = entries[0];
  const kind = (Object.keys(SHORTCUT_FILTERS) as ShortcutKind[]).find((k) => SHORTCUT_FILTERS[k] === relation);
  const slug = (condition as { slug?: { eq?: unknown } } | null)?.slug?.eq;
  if (!kind || typeof slug !== 'string' || !slug || Object.keys(condition as object).length !== 1 || Object.keys((condition as { slug: object }).slug).length !== 1) return null;
  return { kind, slug };
}

/**
 * The read model behind GraphQL's `articles` and `articleBySlug`, for
 * anonymous readers asking only for what it holds (the card, or the full
 * article): the same rows as REST, marked preloaded so relation fields answer
 * from them. Anything else falls through to Strapi's resolvers.
 */
export function readModelResolvers(strapi: Core.Strapi) {
  let trees: { card: FieldTree; full: FieldTree } | null = null;
  const treesOf = () =>
    (trees ??= {
      card: { ...presetTree(strapi, ARTICLE, presets.card), ...COMPUTED },
      full: { ...presetTree(strapi, ARTICLE, presets.full), ...COMPUTED },
    });
  const asks = (info: unknown, tree: FieldTree) => {
    const { fieldNodes, fragments } = info as GraphQLResolveInfo;
    return fieldNodes.every((node) => selectionWithin(node.selectionSet, tree, fragments));
  };
  const parsed = (items: string[]) => {
    const out = items.map((json) => JSON.parse(json) as Record<string, unknown>);
    markPreloaded(out);
    return out;
  };

  const articles: ResolverMiddleware = async (resolve, parent, args, context, info) => {
    const { locale, pagination = {}, sort, filters, status, ...rest } = args ?? {};
    const scope = scopeOf(filters);
    const plainSort = sort === undefined ? false : NEWEST_FIRST.some((s) => JSON.stringify(s) === JSON.stringify(sort));
    const { page = 1, pageSize = Number(strapi.plugin('graphql').config('defaultLimit')) || 20, ...otherPaging } = pagination as Record<string, unknown>;
    const plain =
      isAnonymous(context) && plainSort && scope !== null && (status === undefined || status === 'published') && !Object.keys(rest).length &&
      !Object.keys(otherPaging).length && Number.isInteger(page) && Number.isInteger(pageSize) && asks(info, treesOf().card);
    if (plain) {
      const request = {
        locale: typeof locale === 'string' ? locale : await infra(strapi).locales.defaultLocale(),
        page: page as number,
        pageSize: pageSize as number,
        digits: 'latn' as const,
        ...(scope ? { scope } : {}),
      };
      const rows = await readModelService(strapi).listItems(request);
      if (rows) return parsed(rows);
    }
    return resolve(parent, args, context, info);
  };

  /** articleBySlug from the read model; null when it cannot answer (the resolver then loads it). */
  const articleBySlug = async (args: { slug: string; locale?: string; fallback?: string }, context: unknown, info: unknown) => {
    if (!isAnonymous(context) || !asks(info, treesOf().full)) return null;
    const locale = args.locale ?? (await infra(strapi).locales.defaultLocale());
    const found = await readModelService(strapi).oneItem({ slug: args.slug }, locale, 'latn', args.fallback);
    return found ? parsed([found])[0] : null;
  };

  return { articles, articleBySlug };
}
