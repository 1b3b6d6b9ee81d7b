import type { Core } from '@strapi/strapi';

/**
 * A private attribute (an author's e-mail, a story's schedule) is never in a
 * response, and Strapi refuses it in filters and sort; but `_q` searches every
 * string column with LIKE unless the attribute says `searchable: false`, which
 * let anyone confirm a guessed e-mail a prefix at a time. Private implies
 * unsearchable, for every content type and component, declared here once
 * (register, before the database models are built from the schemas).
 */
export function makePrivateAttributesUnsearchable(strapi: Core.Strapi): string[] {
  const changed: string[] = [];
  for (const schema of [...Object.values(strapi.contentTypes), ...Object.values(strapi.components)]) {
    for (const [name, attribute] of Object.entries(schema.attributes ?? {}) as Array<[string, { private?: boolean; searchable?: boolean }]>) {
      if (attribute.private && attribute.searchable !== false) {
        attribute.searchable = false;
        changed.push(`${schema.uid}.${name}`);
      }
    }
  }
  return changed;
}
