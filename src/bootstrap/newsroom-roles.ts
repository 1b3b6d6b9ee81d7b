import type { Core } from '@strapi/strapi';
import { infra } from '../infra';
import { SCHEDULE_FIELDS } from '../lib/schedule-rules';

/**
 * The newsroom's admin roles, defined in code and re-asserted on every boot
 * (found by `code`, created when missing, permissions synced): what this file
 * says is what each role can do. Super Admin stays Strapi's own.
 */
const CM = 'plugin::content-manager.explorer';
export const PARTNER_ENDPOINT = 'api::partner-endpoint.partner-endpoint';
const ARTICLE = 'api::article.article';
const TAXONOMIES = ['api::section.section', 'api::tag.tag', 'api::author.author'];
/** Live coverage entries (src/api/live-entry): reporters post, editors also pin and delete. */
const LIVE_ENTRY = 'api::live-entry.live-entry';
const PINNING = ['pinned'] as const;
const IS_CREATOR = 'admin::is-creator';

interface Grant {
  action: string;
  subjects?: string[];
  /** Only documents the user created (Strapi's admin::is-creator condition). */
  own?: boolean;
  /** Fields left out of the grant (the others are all allowed). */
  exceptFields?: readonly string[];
}

export interface NewsroomRole {
  code: string;
  name: string;
  description: string;
  grants: Grant[];
}

const media = (own: boolean): Grant[] => [
  { action: 'plugin::upload.read', own },
  { action: 'plugin::upload.configure-view' },
  { action: 'plugin::upload.assets.create' },
  { action: 'plugin::upload.assets.update', own },
  { action: 'plugin::upload.assets.download' },
  { action: 'plugin::upload.assets.copy-link' },
];

const editorGrants: Grant[] = [
  ...['create', 'read', 'update', 'publish'].map((a) => ({ action: `${CM}.${a}`, subjects: [ARTICLE] })),
  ...['create', 'read', 'update', 'delete', 'publish'].map((a) => ({ action: `${CM}.${a}`, subjects: TAXONOMIES })),
  ...['create', 'read', 'update', 'delete'].map((a) => ({ action: `${CM}.${a}`, subjects: [LIVE_ENTRY] })),
  ...media(false),
];

export const NEWSROOM_ROLES: NewsroomRole[] = [
  {
    code: 'newsroom-reporter',
    name: 'كاتب (Reporter)',
    description: 'Writes stories: creates articles and edits only their own drafts; cannot publish, unpublish, schedule or delete.',
    grants: [
      // Scheduling is publishing later, so reporters do not get the schedule fields.
      { action: `${CM}.create`, subjects: [ARTICLE], exceptFields: SCHEDULE_FIELDS },
      { action: `${CM}.read`, subjects: [ARTICLE] },
      { action: `${CM}.update`, subjects: [ARTICLE], own: true, exceptFields: SCHEDULE_FIELDS },
      { action: `${CM}.read`, subjects: TAXONOMIES },
      // Live coverage: post entries and correct their own; pinning is the editors'.
      { action: `${CM}.create`, subjects: [LIVE_ENTRY], exceptFields: PINNING },
      { action: `${CM}.read`, subjects: [LIVE_ENTRY] },
      { action: `${CM}.update`, subjects: [LIVE_ENTRY], own: true, exceptFields: PINNING },
      ...media(true),
    ],
  },
  {
    code: 'newsroom-editor',
    name: 'محرر (Editor)',
    description: 'Edits any article, publishes, unpublishes and schedules; manages sections, tags and authors.',
    grants: editorGrants,
  },
  {
    code: 'newsroom-editor-in-chief',
    name: 'رئيس التحرير (Editor-in-chief)',
    description: 'Everything an editor does, plus deleting articles, editing the site settings and managing partner webhooks.',
    grants: [
      ...editorGrants,
      { action: `${CM}.delete`, subjects: [ARTICLE] },
      ...['create', 'read', 'update'].map((a) => ({ action: `${CM}.${a}`, subjects: ['api::site.site'] })),
      // Partner webhook endpoints, their deliveries and dead letters (/partner-webhooks/deliveries).
      ...['create', 'read', 'update', 'delete'].map((a) => ({ action: `${CM}.${a}`, subjects: [PARTNER_ENDPOINT] })),
    ],
  },
];

export const NEWSROOM_ROLE_CODES = NEWSROOM_ROLES.map((r) => r.code);

/** The parts of the admin's services used here (Strapi does not type them). */
interface AdminAction {
  subjects: string[];
}
interface Permission {
  action: string;
  subject: string | null;
  properties: { fields?: string[]; locales?: string[] } & Record<string, unknown>;
  conditions: string[];
}
interface AdminPermissionService {
  actionProvider: { get(action: string): AdminAction | undefined };
}
interface AdminContentTypeService {
  getPermissionsWithNestedFields(actions: AdminAction[]): Array<{ action: string; subject: string; properties?: { fields?: string[] } }>;
}
interface AdminRoleService {
  findOne(where: { code: string }): Promise<{ id: number; name: string } | null>;
  getUsersCount(roleId: number): Promise<number>;
  deleteByIds(ids: number[]): Promise<unknown>;
  update(where: { id: number }, data: { name: string; description: string }): Promise<unknown>;
  create(data: { code: string; name: string; description: string }): Promise<{ id: number; name: string }>;
  assignPermissions(roleId: number, permissions: Permission[]): Promise<unknown>;
}

/** Expands grants into Strapi admin permissions (every field and locale unless restricted). */
async function toPermissions(strapi: Core.Strapi, grants: Grant[]) {
  const { actionProvider } = strapi.service('admin::permission') as unknown as AdminPermissionService;
  const contentTypeService = strapi.service('admin::content-type') as unknown as AdminContentTypeService;
  const i18nTypes = strapi.plugin('i18n').service('content-types');
  const locales = await infra(strapi).locales.known();
  const permissions: Permission[] = [];
  for (const grant of grants) {
    const action = actionProvider.get(grant.action);
    if (!action) throw new Error(`[newsroom-roles] unknown admin action ${grant.action}`);
    const conditions = grant.own ? [IS_CREATOR] : [];
    if (!grant.subjects) {
      permissions.push({ action: grant.action, subject: null, properties: {}, conditions });
      continue;
    }
    const expanded = contentTypeService.getPermissionsWithNestedFields([
      { ...action, subjects: action.subjects.filter((s) => grant.subjects!.includes(s)) },
    ]);
    for (const p of expanded) {
      const properties: Record<string, unknown> = {};
      if (p.properties?.fields) {
        properties.fields = p.properties.fields.filter((f) => !grant.exceptFields?.some((x) => f === x || f.startsWith(`${x}.`)));
      }
      if (i18nTypes.isLocalizedContentType(strapi.contentTypes[p.subject as keyof typeof strapi.contentTypes])) {
        properties.locales = locales;
      }
      permissions.push({ action: p.action, subject: p.subject, properties, conditions });
    }
  }
  return permissions;
}

/** Creates the newsroom roles when missing and syncs their permissions; safe on every boot. */
export async function ensureNewsroomRoles(strapi: Core.Strapi): Promise<Record<string, number>> {
  const roles = strapi.service('admin::role') as unknown as AdminRoleService;
  const ids: Record<string, number> = {};
  for (const spec of NEWSROOM_ROLES) {
    let role = await roles.findOne({ code: spec.code });
    if (!role) role = await roles.create({ code: spec.code, name: spec.name, description: spec.description });
    await roles.assignPermissions(role.id, await toPermissions(strapi, spec.grants));
    ids[spec.code] = role.id;
  }
  return ids;
}

/**
 * Strapi's own "Editor" and "Author" roles, which it creates on an empty database
 * (admin bootstrap, before ours). Their names collide with the newsroom's محرر (Editor)
 * and كاتب (Reporter) while meaning something else (every content type, no locale
 * rules), so nobody should be given one.
 */
export const STRAPI_DEFAULT_ROLES = [
  { code: 'strapi-editor', name: 'Editor', use: 'محرر (Editor)' },
  { code: 'strapi-author', name: 'Author', use: 'كاتب (Reporter)' },
];

/** Label of a Strapi default role still held by someone (kept, but marked as not to be assigned). */
export const retiredRoleName = (name: string, use: string) => `${name} (Strapi default, retired: use ${use})`;

/**
 * Removes Strapi's default Editor/Author roles when nobody holds them (a fresh database, every boot
 * after); one still assigned to a user is kept and renamed so it reads as retired. Safe on every boot.
 */
export async function retireStrapiDefaultRoles(strapi: Core.Strapi): Promise<void> {
  const roles = strapi.service('admin::role') as unknown as AdminRoleService;
  for (const spec of STRAPI_DEFAULT_ROLES) {
    const role = await roles.findOne({ code: spec.code });
    if (!role) continue;
    if ((await roles.getUsersCount(role.id)) === 0) {
      await roles.deleteByIds([role.id]);
      continue;
    }
    const name = retiredRoleName(spec.name, spec.use);
    if (role.name === name) continue;
    await roles.update(
      { id: role.id },
      { name, description: `Strapi's default role, not used by the newsroom. Move its users to ${spec.use} and it is removed at the next start.` },
    );
    strapi.log.warn(`[newsroom-roles] Strapi's "${spec.name}" role is still assigned; renamed "${name}" (move its users to ${spec.use})`);
  }
}

/** New admin users holding a newsroom role get the Arabic interface unless they chose a language. */
export function defaultNewsroomUsersToArabic(strapi: Core.Strapi): void {
  strapi.db.lifecycles.subscribe({
    models: ['admin::user'],
    async beforeCreate(event: { params?: { data?: { preferedLanguage?: string; roles?: unknown } } }) {
      const data = event.params?.data;
      if (!data || data.preferedLanguage) return;
      const roleIds = (Array.isArray(data.roles) ? data.roles : [])
        .map((r: unknown) => (typeof r === 'object' && r !== null ? (r as { id?: unknown }).id : r))
        .filter((id: unknown) => id !== undefined && id !== null);
      if (!roleIds.length) return;
      const newsroom = await strapi.db.query('admin::role').count({
        where: { id: { $in: roleIds }, code: { $in: NEWSROOM_ROLE_CODES } },
      });
      if (newsroom > 0) data.preferedLanguage = 'ar';
    },
  });
}
