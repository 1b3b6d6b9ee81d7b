import type { Core } from '@strapi/strapi';
import { requireSecretList } from '../src/lib/secrets';
import cronTasks from './cron-tasks';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Server => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  url: env('PUBLIC_URL', ''),
  app: { keys: requireSecretList('APP_KEYS') },
  webhooks: { populateRelations: env.bool('WEBHOOKS_POPULATE_RELATIONS', false) },
  // No outside connections from a newsroom server: the update check phones home.
  logger: { updates: { enabled: false } },
  // Embargo/expiry ticks; CRON_ENABLED=false on processes that must not run them.
  cron: { enabled: env.bool('CRON_ENABLED', true), tasks: cronTasks },
});

export default config;
