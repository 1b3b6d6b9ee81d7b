import type { Core } from '@strapi/strapi';
import { secretList } from '../src/lib/secrets';
import cronTasks from './cron-tasks';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Server => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  url: env('PUBLIC_URL', ''),
  app: { keys: secretList(env, 'APP_KEYS', console.warn) },
  // Behind a load balancer or CDN: how many proxies in front of us add to X-Forwarded-For. Only
  // their entries are trusted, so a client cannot forge its own address (rate limits are per client).
  proxy: {
    koa: env.int('TRUSTED_PROXIES', 0) > 0,
    maxIpsCount: env.int('TRUSTED_PROXIES', 0),
  },
  webhooks: { populateRelations: env.bool('WEBHOOKS_POPULATE_RELATIONS', false) },
  // No outside connections from a newsroom server: the update check phones home.
  logger: { updates: { enabled: false } },
  // Embargo/expiry ticks; CRON_ENABLED=false on processes that must not run them.
  cron: { enabled: env.bool('CRON_ENABLED', true), tasks: cronTasks },
});

export default config;
