import type { Core } from '@strapi/strapi';
import { secret } from '../src/lib/secrets';
import { operationLimitsPlugin } from '../src/graphql/operation-limits';
import { httpCachingPlugin } from '../src/graphql/http-caching';
import { plainFieldsPlugin } from '../src/graphql/plain-fields';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Plugin => {
  const production = env('NODE_ENV') === 'production';
  const defaultLimit = env.int('GRAPHQL_DEFAULT_LIMIT', 20);
  const maxLimit = env.int('GRAPHQL_MAX_LIMIT', 100);
  const uploadMaxBytes = env.int('UPLOAD_MAX_BYTES', 50 * 1024 * 1024);
  return {
    'users-permissions': {
      config: {
        jwtSecret: secret(env, 'JWT_SECRET', undefined, console.warn),
        jwtManagement: 'refresh',
        sessions: { httpOnly: true },
      },
    },
    upload: {
      config: {
        // Also enforced on the request body (config/middlewares.ts, strapi::body).
        sizeLimit: uploadMaxBytes,
        // Strapi's responsive formats (longest side, never upscaled), plus xlarge: a rendition ≥ 1200 px wide
        // for Google Discover (landscape sources). The 16:9 / 4:3 / 1:1 crops around the focal point are
        // added to `formats` as discover_* by src/extensions/upload.
        breakpoints: { xlarge: 1200, large: 1000, medium: 750, small: 500 },
        security: {
          allowedTypes: ['image/*', 'video/*', 'audio/*', 'application/pdf'],
          deniedTypes: ['image/svg+xml'],
        },
      },
    },
    graphql: {
      config: {
        endpoint: '/graphql',
        shadowCRUD: true,
        // Bounded operations: deep, huge or costly queries are refused (see src/graphql).
        depthLimit: env.int('GRAPHQL_DEPTH_LIMIT', 8),
        defaultLimit,
        maxLimit,
        landingPage: !production,
        apolloServer: {
          // The schema is documentation for developers, and a map for attackers: off in production.
          introspection: !production || env.bool('GRAPHQL_INTROSPECTION', false),
          // strapi::cors (config/middlewares.ts) answers for /graphql too; Apollo's own would echo any Origin.
          cors: false,
          // Bounds fragment expansion, and makes Apollo run Strapi's depth-limit rule only after the
          // standard rules: on a fragment cycle (A spreads B spreads A) that rule recursed until the
          // stack overflowed (a 500) before NoFragmentCycles could refuse the query.
          maxRecursiveSelections: env.int('GRAPHQL_MAX_SELECTIONS', 10_000),
          plugins: [
            operationLimitsPlugin({ maxCost: env.int('GRAPHQL_MAX_COST', 5000), defaultPageSize: defaultLimit, maxPageSize: maxLimit }),
            // Anonymous GETs (persisted queries) as cacheable as REST; everything else stays no-store.
            httpCachingPlugin(),
            // Scalars of non-root types by property access, not through Strapi's no-op auth/policy wrapper;
            // jsonLd is computed (src/graphql/index.ts).
            plainFieldsPlugin(['Article.jsonLd']),
          ],
        },
      },
    },
  };
};

export default config;
