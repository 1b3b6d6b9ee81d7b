import type { Core } from '@strapi/strapi';
import { requireSecret } from '../src/lib/secrets';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Plugin => ({
  'users-permissions': {
    config: {
      jwtSecret: requireSecret('JWT_SECRET'),
      jwtManagement: 'refresh',
      sessions: { httpOnly: true },
    },
  },
  upload: {
    config: {
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
      // Bounded operations: deep or huge queries are refused (see src/graphql).
      depthLimit: env.int('GRAPHQL_DEPTH_LIMIT', 8),
      defaultLimit: env.int('GRAPHQL_DEFAULT_LIMIT', 20),
      maxLimit: env.int('GRAPHQL_MAX_LIMIT', 100),
      landingPage: env('NODE_ENV') !== 'production',
      apolloServer: { introspection: true },
    },
  },
});

export default config;
