/**
 * Apollo plugin: plain fields resolve plainly. Strapi wraps the resolver of
 * every field of every type — each scalar of each card — in an authorization
 * step and a policy step that, for a field of a non-root type without a
 * resolversConfig entry, check nothing (no auth for non-root types, no
 * policies, no middlewares) but cost two async hops and a policy context per
 * value: for a page of 20 cards, about 500 of them, most of the operation's CPU
 * (docs/benchmarks.md). For scalar and enum fields without arguments on
 * non-root types, which Strapi resolves by property access, this puts
 * GraphQL's default resolver back. Everything with configuration keeps Strapi's
 * wrapper: root fields, relations, components, media, computed fields.
 */
import { getNamedType, isEnumType, isObjectType, isScalarType, type GraphQLSchema } from 'graphql';

const ROOT = new Set(['Query', 'Mutation', 'Subscription']);

/** `keep`: `Type.field` paths with a resolver or resolversConfig of their own (scalars our extension computes). */
export function plainFieldsPlugin(keep: readonly string[]) {
  const kept = new Set(keep);
  return {
    async serverWillStart({ schema }: { schema: GraphQLSchema }) {
      for (const type of Object.values(schema.getTypeMap())) {
        if (!isObjectType(type) || ROOT.has(type.name) || type.name.startsWith('__')) continue;
        for (const field of Object.values(type.getFields())) {
          const named = getNamedType(field.type);
          if (field.args.length || kept.has(`${type.name}.${field.name}`) || !(isScalarType(named) || isEnumType(named))) continue;
          field.resolve = undefined;
        }
      }
    },
  };
}
