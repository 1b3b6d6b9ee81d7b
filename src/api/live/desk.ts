/**
 * Who in the admin may write which live entry (the rule is in
 * src/lib/live-desk.ts): shared by the posting form's controller
 * (controllers/desk.ts) and the Document Service middleware that holds the
 * same line for the Content Manager (src/documents/live-assignment.ts).
 */
import type { Core } from '@strapi/strapi';
import { LIVE_ENTRY_UID } from '../../lib/live';

const ARTICLE = 'api::article.article';
const CM = 'plugin::content-manager.explorer';

export interface Ability {
  can: (action: string, subject: unknown, field?: string) => boolean;
}
export interface AdminUser {
  id: number;
  email?: string | null;
  firstname?: string | null;
  lastname?: string | null;
}

/** Editors and up: whoever may publish articles (a capability, not a role name). */
export const isEditor = (ability: Ability): boolean => ability.can(`${CM}.publish`, ARTICLE);

/** Holds the `pinned` field of live entries (the reporter role is granted every field but it). */
export const mayPin = (ability: Ability): boolean => ability.can(`${CM}.update`, LIVE_ENTRY_UID, 'pinned');

/**
 * A reporter is assigned to a coverage when they created its article (any
 * locale version), or when one of the article's authors in that locale has
 * their admin account's e-mail (their author profile).
 */
export async function isAssigned(strapi: Core.Strapi, coverage: string, locale: string, user: AdminUser): Promise<boolean> {
  const created = await strapi.db.query(ARTICLE).count({ where: { documentId: coverage, createdBy: { id: user.id } } });
  if (created > 0) return true;
  const email = user.email?.trim().toLowerCase();
  if (!email) return false;
  const rows: Array<{ authors?: Array<{ email?: string | null }> }> = await strapi.db.query(ARTICLE).findMany({
    where: { documentId: coverage, locale },
    select: ['id'],
    populate: { authors: { select: ['email'] } },
  });
  return rows.some((r) => (r.authors ?? []).some((a) => a.email?.trim().toLowerCase() === email));
}

/** The author profile of an admin user in a locale (same e-mail), for an entry's byline. */
export async function authorProfileOf(strapi: Core.Strapi, user: AdminUser, locale: string): Promise<string | null> {
  const email = user.email?.trim();
  if (!email) return null;
  const row = await strapi.db.query('api::author.author').findOne({ where: { email: { $eqi: email }, locale }, select: ['documentId'] });
  return (row?.documentId as string | undefined) ?? null;
}
