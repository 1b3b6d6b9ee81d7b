/**
 * What the desk's two controllers share (src/api/article/controllers/revisions.ts
 * for the content API, desk.ts for the admin): parameter checks that fail as
 * 400s naming the parameter, and who in the admin may do what with a story.
 */
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { infra } from '../../infra';
import { invalid, notFound, refuse } from '../../infra/errors';

const UID = 'api::article.article';
const DOCUMENT_ID = /^[a-z0-9]{1,64}$/;

/** `:id` of a route: a documentId (Strapi's are 24 lower-case letters and digits). */
export function documentIdParam(value: unknown, field = 'documentId'): string {
  if (typeof value !== 'string' || !DOCUMENT_ID.test(value)) invalid(field, 'must be a document id');
  return value;
}

/** Most versions one request asks about (the list view shows at most 100 rows a page). */
export const DOCUMENT_IDS_MAX = 100;

/** `documentIds=a,b,c`: 1 to DOCUMENT_IDS_MAX document ids, comma-separated (repeats are dropped). */
export function documentIdsParam(value: unknown): string[] {
  const ids = typeof value === 'string' ? [...new Set(value.split(','))] : [];
  if (!ids.length || ids.length > DOCUMENT_IDS_MAX || !ids.every((id) => DOCUMENT_ID.test(id))) {
    invalid('documentIds', `must be 1 to ${DOCUMENT_IDS_MAX} document ids, comma-separated`);
  }
  return ids;
}

/** A positive integer parameter (a revision id, a page). */
export function positiveInt(value: unknown, field: string, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== 'string' || !/^\d{1,15}$/.test(value) || Number(value) < 1 || Number(value) > max) {
    invalid(field, max < Number.MAX_SAFE_INTEGER ? `must be an integer from 1 to ${max}` : 'must be a positive integer');
  }
  return Number(value);
}

/** One configured locale (default: the default locale); `*` and lists are refused. */
export async function localeParam(strapi: Core.Strapi, value: unknown): Promise<string> {
  const locales = infra(strapi).locales;
  if (value === undefined) return locales.defaultLocale();
  if (typeof value !== 'string' || !(await locales.isKnown(value))) invalid('locale', `must be one of: ${(await locales.known()).join(', ')}`);
  return value;
}

/** Refuses query parameters the endpoint does not take (admin routes have no query-params policy). */
export function onlyQuery(ctx: Context, ...allowed: string[]): void {
  const unknown = Object.keys(ctx.query).find((k) => !allowed.includes(k));
  if (unknown) invalid(unknown, `is not a parameter of this endpoint (allowed: ${allowed.join(', ') || 'none'})`);
}

interface Ability {
  can: (action: string, subject: unknown, field?: string) => boolean;
}

export interface DeskAccess {
  /** Editors and up: publish, send back, take over, read every story's history. */
  mayPublish: boolean;
  /** May edit this story (a reporter: their own): restore, lock, submit, read its history. */
  mayUpdate: boolean;
}

/**
 * What the admin user of `ctx` may do with the draft of one locale version,
 * by the content-manager's own permission checker (the reporter role's
 * "only their own" condition included). 404 when there is no such version.
 */
export async function deskAccess(strapi: Core.Strapi, ctx: Context, documentId: string, locale: string): Promise<DeskAccess> {
  const userAbility = (ctx.state as { userAbility?: Ability }).userAbility;
  if (!userAbility) refuse('authorization', 'needs an admin session', 'The desk needs an admin session');
  const entity = await strapi.db.query(UID).findOne({
    where: { documentId, locale, publishedAt: null },
    select: ['id', 'documentId', 'locale'],
    populate: { createdBy: { select: ['id'] } },
  });
  if (!entity) notFound('documentId', `No article ${documentId} in locale "${locale}"`);
  const checker = strapi.plugin('content-manager').service('permission-checker').create({ userAbility, model: UID });
  return { mayPublish: !!checker.can.publish(entity), mayUpdate: !!checker.can.update(entity) };
}

/**
 * Of `documentIds`, those whose draft in `locale` the admin user of `ctx` may
 * read (the content-manager's permission checker, as for one story); unknown ones are left out.
 */
export async function readableDrafts(strapi: Core.Strapi, ctx: Context, documentIds: string[], locale: string): Promise<string[]> {
  const userAbility = (ctx.state as { userAbility?: Ability }).userAbility;
  if (!userAbility) refuse('authorization', 'needs an admin session', 'The desk needs an admin session');
  const entities = (await strapi.db.query(UID).findMany({
    where: { documentId: { $in: documentIds }, locale, publishedAt: null },
    select: ['id', 'documentId', 'locale'],
    populate: { createdBy: { select: ['id'] } },
  })) as Array<{ documentId: string }>;
  const checker = strapi.plugin('content-manager').service('permission-checker').create({ userAbility, model: UID });
  return entities.filter((entity) => checker.can.read(entity)).map((entity) => entity.documentId);
}

/** Whether the admin user of `ctx` may publish articles at all (the review queue). */
export function mayPublishArticles(ctx: Context): boolean {
  return !!(ctx.state as { userAbility?: Ability }).userAbility?.can('plugin::content-manager.explorer.publish', UID);
}

/** The history of a story: its editors, and whoever may edit it (a reporter: their own stories). */
export function mayReadHistory(access: DeskAccess): boolean {
  return access.mayPublish || access.mayUpdate;
}
