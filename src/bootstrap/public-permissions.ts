import type { Core } from '@strapi/strapi';

/** Read-only actions the public (anonymous) role gets; nothing writable. */
export const PUBLIC_ACTIONS = [
  'api::article.article.find',
  'api::article.article.findOne',
  'api::article.article.findBySlug',
  'api::author.author.find',
  'api::author.author.findOne',
  'api::section.section.find',
  'api::section.section.findOne',
  'api::tag.tag.find',
  'api::tag.tag.findOne',
  'api::site.site.find',
  'api::feed.feed.find',
  'api::sitemap.sitemap.find',
  'api::sitemap.sitemap.findOne',
  'api::search.search.find',
];

/** Grants `actions` to the users-permissions public role; idempotent. */
export async function grantPublicActions(strapi: Core.Strapi, actions: string[] = PUBLIC_ACTIONS): Promise<void> {
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
  if (!role) return;
  const permissions = strapi.db.query('plugin::users-permissions.permission');
  const existing = await permissions.findMany({ where: { role: role.id, action: { $in: actions } }, select: ['action'] });
  const have = new Set(existing.map((p: { action: string }) => p.action));
  for (const action of actions) {
    if (!have.has(action)) await permissions.create({ data: { action, role: role.id } });
  }
}
