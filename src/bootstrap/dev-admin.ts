import crypto from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { NewsroomConfig } from '../../config/newsroom';

/**
 * Development only: when no admin exists yet, create one so that
 * `npm install && npm run develop` lands an editor straight in the admin.
 * Credentials come from DEV_ADMIN_EMAIL / DEV_ADMIN_PASSWORD, or a password is
 * generated and printed once (it is never stored anywhere but the hash). Its
 * interface language is Arabic, as for newsroom users, unless DEV_ADMIN_LANGUAGE
 * names another of the admin's languages (`en`).
 */
export const ADMIN_LANGUAGES = ['ar', 'en'];

export async function ensureDevAdmin(strapi: Core.Strapi): Promise<void> {
  const { devAdmin } = strapi.config.get('newsroom') as NewsroomConfig;
  if (strapi.config.get('environment') !== 'development' || !devAdmin.enabled) return;
  if ((await strapi.db.query('admin::user').count()) > 0) return;

  const superAdmin = await strapi.service('admin::role').getSuperAdmin();
  if (!superAdmin) return;
  const { email } = devAdmin;
  const generated = !devAdmin.password;
  // Strapi requires a digit, a lower- and an upper-case letter.
  const password = devAdmin.password || `Dev-${crypto.randomBytes(9).toString('base64url')}9a`;
  let language = devAdmin.language;
  if (!ADMIN_LANGUAGES.includes(language)) {
    strapi.log.warn(`[newsroom] DEV_ADMIN_LANGUAGE=${language} is not one of ${ADMIN_LANGUAGES.join(', ')}; using ar`);
    language = 'ar';
  }

  await strapi.service('admin::user').create({
    email,
    firstname: 'محرر',
    lastname: 'التطوير',
    password,
    isActive: true,
    roles: [superAdmin.id],
    registrationToken: null,
    preferedLanguage: language, // Strapi's spelling
  });
  strapi.log.info(
    `[newsroom] Development admin created: ${email}` +
      (generated ? ` / password: ${password} (shown once; set DEV_ADMIN_PASSWORD to choose it)` : ''),
  );
}
