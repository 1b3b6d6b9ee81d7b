import type { Core } from '@strapi/strapi';
import { contentTypes } from '@strapi/utils';
import { CONTENT_ACCESS } from '../lib/route-policies';

/** Plugins whose content types keep their GraphQL queries: only the locale list is for the public. */
const QUERYABLE_PLUGINS = ['i18n'];

/** Our own types that are admin configuration, not content: no GraphQL type at all (partner webhook URLs). */
const ADMIN_ONLY_TYPES = ['api::partner-endpoint.partner-endpoint'];

const pluginOf = (uid: string) => /^plugin::([^.]+)\./.exec(uid)?.[1];
const exposed = (uid: string) => (uid.startsWith('api::') && !ADMIN_ONLY_TYPES.includes(uid)) || QUERYABLE_PLUGINS.includes(pluginOf(uid) ?? '');

/**
 * Plugin content types (users, roles, media files, review workflows…) keep
 * their GraphQL types — media fields need UploadFile — but lose their root
 * queries and mutations: a read-only token used to list every user's e-mail
 * through `usersPermissionsUsers`, as `/api/users` did over REST.
 */
export function hidePluginQueries(strapi: Core.Strapi): void {
  const extension = strapi.plugin('graphql').service('extension');
  for (const uid of Object.keys(strapi.contentTypes)) {
    if (uid.startsWith('plugin::') && !exposed(uid)) extension.shadowCRUD(uid).disableQueries().disableMutations();
  }
  for (const uid of ADMIN_ONLY_TYPES) extension.shadowCRUD(uid).disable();
}

/**
 * resolversConfig entries putting the content-access policy (the one the REST
 * routes carry) on every generated query and mutation of our content types,
 * plus the custom root fields named in `custom` (field → content type).
 */
export function accessResolversConfig(strapi: Core.Strapi, custom: Record<string, string>): Record<string, { policies: unknown[] }> {
  const naming = strapi.plugin('graphql').service('utils').naming;
  const policy = (uid: string) => ({ policies: [{ name: CONTENT_ACCESS, config: { uid } }] });
  const config: Record<string, { policies: unknown[] }> = {};
  for (const contentType of Object.values(strapi.contentTypes)) {
    if (!exposed(contentType.uid)) continue;
    const single = contentTypes.isSingleType(contentType);
    const queries = single
      ? [naming.getFindOneQueryName(contentType)]
      : [naming.getFindQueryName(contentType), naming.getFindOneQueryName(contentType), naming.getFindConnectionQueryName(contentType)];
    const mutations = [
      ...(single ? [] : [naming.getCreateMutationTypeName(contentType)]),
      naming.getUpdateMutationTypeName(contentType),
      naming.getDeleteMutationTypeName(contentType),
    ];
    for (const name of queries) config[`Query.${name}`] = policy(contentType.uid);
    for (const name of mutations) config[`Mutation.${name}`] = policy(contentType.uid);
  }
  for (const [field, uid] of Object.entries(custom)) config[`Query.${field}`] = policy(uid);
  return config;
}

/** `Type.field` (and `Type.field_connection`) of every to-many relation of our content types and components. */
export function toManyRelationFields(strapi: Core.Strapi): string[] {
  const naming = strapi.plugin('graphql').service('utils').naming;
  const schemas = [
    ...Object.values(strapi.contentTypes).filter((ct) => exposed(ct.uid)).map((ct) => [naming.getTypeName(ct), ct] as const),
    ...Object.values(strapi.components).map((c) => [naming.getComponentName(c), c] as const),
  ];
  return schemas.flatMap(([type, schema]) =>
    Object.entries(schema.attributes as Record<string, { type: string; relation?: string }>)
      .filter(([, a]) => a.type === 'relation' && /Many$/.test(a.relation ?? ''))
      .flatMap(([name]) => [`${type}.${name}`, `${type}.${name}_connection`]),
  );
}
