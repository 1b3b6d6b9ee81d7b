import type { Core } from '@strapi/strapi';
import { defaultNewsroomUsersToArabic, ensureNewsroomRoles } from './newsroom-roles';
import { applyArticleAdminLayout, useNewsroomSlugsInAdmin } from './article-admin';
import { registerPreviewRoute } from '../api/preview/route';

/** The admin as a newsroom tool: roles, Arabic-by-default users, the article edit view, Arabic slugs. */
export function registerEditorial(strapi: Core.Strapi): void {
  registerPreviewRoute(strapi);
}

export async function setupEditorialAdmin(strapi: Core.Strapi): Promise<void> {
  defaultNewsroomUsersToArabic(strapi);
  useNewsroomSlugsInAdmin(strapi);
  await ensureNewsroomRoles(strapi);
  await applyArticleAdminLayout(strapi);
}
