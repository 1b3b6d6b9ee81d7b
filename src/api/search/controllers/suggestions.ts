import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { documentIdParam, localeParam, onlyQuery } from '../../article/desk';
import { invalid, notFound, refuse } from '../../../infra/errors';
import { searchService } from '../../services';
import { RELATED_RELATIONS, relatedSource } from '../services/search';

/**
 * POST /article-related/suggestions?locale=ar (admin sessions only; routes in
 * src/api/search/suggestion-routes.ts): related published stories suggested
 * for the version an editor has open — a draft never published, a published
 * story with pending edits, or a story not saved yet. The form's own title and
 * excerpt (as typed, unsaved) drive the term matches; tags and section are the
 * saved draft's. Never the story itself, nor a story it already links to
 * (saved links, and `exclude`: the links added in the form since).
 *
 * Body: { documentId?, title?, excerpt?, exclude?: documentId[], limit? (1–20, default 8) }.
 * Answer: { data: [{ id, documentId, locale, title, slug, firstPublishedAt, section }], meta: { locale } },
 * `id` being the draft row a relation input connects.
 */
const ARTICLE = 'api::article.article';
const BODY_KEYS = ['documentId', 'title', 'excerpt', 'exclude', 'limit'];
// The article schema's limits (title 250, excerpt 600).
const MAX = { title: 250, excerpt: 600 } as const;
const MAX_EXCLUDE = 50;

interface Ability {
  can(action: string, subject?: unknown): boolean;
}

type Body = Record<string, unknown>;

function text(body: Body, field: keyof typeof MAX): string {
  const value = body[field];
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') invalid(field, 'must be a string');
  if (value.length > MAX[field]) invalid(field, `must be at most ${MAX[field]} characters`);
  return value;
}

function limitOf(value: unknown): number {
  if (value === undefined || value === null) return 8;
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > 20) invalid('limit', 'must be an integer between 1 and 20');
  return n;
}

function excludeOf(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.length > MAX_EXCLUDE) invalid('exclude', `must be an array of at most ${MAX_EXCLUDE} document ids`);
  return value.map((v, i) => documentIdParam(v, `exclude.${i}`));
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async suggest(ctx: Context) {
    onlyQuery(ctx, 'locale');
    const ability = (ctx.state as { userAbility?: Ability }).userAbility;
    if (!ability?.can('plugin::content-manager.explorer.read', ARTICLE)) {
      refuse('authorization', 'needs the read permission on articles', 'You may not read articles');
    }
    const locale = await localeParam(strapi, ctx.query.locale);
    const raw = (ctx.request as { body?: unknown }).body;
    const body: Body = raw === undefined || raw === null ? {} : (raw as Body);
    if (typeof body !== 'object' || Array.isArray(body)) invalid('body', 'must be a JSON object');
    const unknown = Object.keys(body).find((k) => !BODY_KEYS.includes(k));
    if (unknown) invalid(unknown, `is not a field of this endpoint (allowed: ${BODY_KEYS.join(', ')})`);
    const title = text(body, 'title');
    const excerpt = text(body, 'excerpt');
    const limit = limitOf(body.limit);
    const exclude = excludeOf(body.exclude);

    let source = { documentId: null as string | null, text: `${title} ${excerpt}`, tagIds: [] as string[], sectionId: null as string | null };
    if (body.documentId !== undefined && body.documentId !== null) {
      const documentId = documentIdParam(body.documentId);
      // The version being edited is the draft: its saved tags, section and links.
      const draft = await strapi.db.query(ARTICLE).findOne({
        where: { documentId, locale, publishedAt: null },
        select: ['id', 'documentId', 'locale'],
        populate: { ...RELATED_RELATIONS, createdBy: { select: ['id'] }, relatedLinks: { populate: { article: { select: ['documentId'] } } } },
      });
      if (!draft) notFound('documentId', `No article ${documentId} in locale "${locale}"`);
      const checker = strapi.plugin('content-manager').service('permission-checker').create({ userAbility: ability, model: ARTICLE });
      if (!checker.can.read(draft)) refuse('authorization', 'needs the read permission on this story', 'You may not read this story');
      source = { ...relatedSource(draft), text: source.text };
      for (const link of (draft.relatedLinks ?? []) as Array<{ article?: { documentId?: string } | null }>) {
        if (link.article?.documentId) exclude.push(link.article.documentId);
      }
    }

    const ids = await searchService(strapi).relatedTo(source, locale, limit, exclude);
    const [published, drafts] = ids.length
      ? await Promise.all([
          strapi.db.query(ARTICLE).findMany({
            where: { documentId: { $in: ids }, locale, publishedAt: { $notNull: true } },
            select: ['documentId', 'title', 'slug', 'firstPublishedAt', 'publishedAt'],
            populate: { section: { select: ['name', 'slug'] } },
          }),
          strapi.db.query(ARTICLE).findMany({ where: { documentId: { $in: ids }, locale, publishedAt: null }, select: ['id', 'documentId'] }),
        ])
      : [[], []];
    const draftId = new Map(drafts.map((d: { id: number; documentId: string }) => [d.documentId, d.id]));
    const byId = new Map(published.map((p: { documentId: string }) => [p.documentId, p]));
    ctx.body = {
      data: ids
        .filter((id) => byId.has(id) && draftId.has(id))
        .map((id) => {
          const p = byId.get(id) as { documentId: string; title: string; slug: string | null; firstPublishedAt?: string | null; publishedAt: string; section?: { name: string; slug: string } | null };
          return {
            id: draftId.get(id),
            documentId: id,
            locale,
            title: p.title,
            slug: p.slug,
            firstPublishedAt: new Date(p.firstPublishedAt ?? p.publishedAt).toISOString(),
            section: p.section ? { name: p.section.name, slug: p.section.slug } : null,
          };
        }),
      meta: { locale },
    };
  },
});
