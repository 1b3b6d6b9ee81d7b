/** The shapes of Strapi's GraphQL extension API that our resolver configuration uses. */
export type Resolver = (parent: unknown, args: Record<string, any>, context: unknown, info: unknown) => unknown;
export type ResolverMiddleware = (resolve: Resolver, parent: unknown, args: Record<string, any>, context: unknown, info: unknown) => unknown;
export interface ResolverConfig {
  auth?: false | { scope: string[] };
  middlewares?: ResolverMiddleware[];
  policies?: unknown[];
}
export type ResolversConfig = Record<string, ResolverConfig>;
