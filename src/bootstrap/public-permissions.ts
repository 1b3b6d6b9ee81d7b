import type { Core } from '@strapi/strapi';

/** What the public (anonymous) role may do: read published content. Nothing writable, no account routes. */
export const PUBLIC_ACTIONS = [
  'api::article.article.find',
  'api::article.article.findOne',
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

/**
 * Re-asserted on every boot, not only added: the public role holds exactly
 * PUBLIC_ACTIONS. Strapi gives it the account routes (register, login,
 * password reset, OAuth callbacks) on a fresh database, and anything ticked by
 * hand in Settings → Roles → Public would silently widen what anonymous
 * callers see. A newsroom has no reader accounts.
 */
export async function assertPublicRole(strapi: Core.Strapi, actions: string[] = PUBLIC_ACTIONS): Promise<{ added: string[]; removed: string[] }> {
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
  if (!role) return { added: [], removed: [] };
  const permissions = strapi.db.query('plugin::users-permissions.permission');
  const existing: Array<{ id: number; action: string }> = await permissions.findMany({ where: { role: role.id }, select: ['id', 'action'] });
  const wanted = new Set(actions);
  const extra = existing.filter((p) => !wanted.has(p.action));
  if (extra.length) await permissions.deleteMany({ where: { id: { $in: extra.map((p) => p.id) } } });
  const have = new Set(existing.map((p) => p.action));
  const missing = actions.filter((action) => !have.has(action));
  for (const action of missing) await permissions.create({ data: { action, role: role.id } });
  if (extra.length) strapi.log.info(`[newsroom] public role: removed ${extra.map((p) => p.action).join(', ')}`);
  return { added: missing, removed: extra.map((p) => p.action) };
}

/** users-permissions' own switch for self-registration, off on every boot (also refuses the GraphQL `register`). */
export async function disableRegistration(strapi: Core.Strapi): Promise<void> {
  const store = strapi.store({ type: 'plugin', name: 'users-permissions' });
  const advanced = ((await store.get({ key: 'advanced' })) as Record<string, unknown> | null) ?? {};
  if (advanced.allow_register !== false) await store.set({ key: 'advanced', value: { ...advanced, allow_register: false } });
}
