import crypto from 'node:crypto';
import type { TestApp } from './strapi';

export const CM_ARTICLES = '/content-manager/collection-types/api::article.article';
export const ADMIN_PASSWORD = 'Newsroom-Test-2024';

/** An admin user with the given role codes (e.g. 'newsroom-reporter', 'strapi-super-admin'), logged in. */
export async function adminUser(app: TestApp, roleCode: string, extra: Record<string, unknown> = {}) {
  const role = await app.strapi.service('admin::role').findOne({ code: roleCode });
  if (!role) throw new Error(`no admin role ${roleCode}`);
  const email = `${roleCode}-${crypto.randomBytes(4).toString('hex')}@khaleeji247.example`;
  const user = await app.strapi.service('admin::user').create({
    email,
    firstname: 'اختبار',
    lastname: roleCode,
    password: ADMIN_PASSWORD,
    isActive: true,
    roles: [role.id],
    registrationToken: null,
    ...extra,
  });
  const res = await app.http().post('/admin/login').send({ email, password: ADMIN_PASSWORD });
  if (res.status !== 200) throw new Error(`admin login ${email} → ${res.status}: ${JSON.stringify(res.body)}`);
  const token: string = res.body.data.token;
  return { user, email, token, auth: { Authorization: `Bearer ${token}` } };
}

export type AdminSession = Awaited<ReturnType<typeof adminUser>>;

/** Content-manager calls on articles as the admin UI makes them. */
export function cm(app: TestApp, session: AdminSession, locale = 'ar') {
  const q = { locale };
  return {
    create: (data: Record<string, unknown>) => app.http().post(CM_ARTICLES).query(q).set(session.auth).send(data),
    update: (id: string, data: Record<string, unknown>) =>
      app.http().put(`${CM_ARTICLES}/${id}`).query(q).set(session.auth).send(data),
    get: (id: string) => app.http().get(`${CM_ARTICLES}/${id}`).query(q).set(session.auth),
    publish: (id: string) => app.http().post(`${CM_ARTICLES}/${id}/actions/publish`).query(q).set(session.auth).send({}),
    unpublish: (id: string) => app.http().post(`${CM_ARTICLES}/${id}/actions/unpublish`).query(q).set(session.auth).send({}),
    delete: (id: string) => app.http().delete(`${CM_ARTICLES}/${id}`).query(q).set(session.auth),
  };
}

/** Content-manager relation input for a localized target. */
export const connect = (documentId: string, locale = 'ar') => ({ connect: [{ documentId, locale }] });
