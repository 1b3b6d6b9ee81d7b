import type { Core } from '@strapi/strapi';
import { registerDocumentMiddlewares } from './documents';
import { registerGraphql } from './graphql';
import { cacheDefaultLocaleLookups, ensureSiteLocales, watchLocaleChanges } from './services/locales';
import { assertPublicRole, disableRegistration } from './bootstrap/public-permissions';
import { ensureDevAdmin } from './bootstrap/dev-admin';
import { seedDemoIfEnabled } from './bootstrap/demo-seed';
import { registerEditorial, setupEditorialAdmin } from './bootstrap/editorial';
import { cacheService } from './services/cache';
import { ensureReadIndexes } from './bootstrap/indexes';
import { closeRateLimitStore } from './middlewares/request-guard';
import { restoreFirstPublishedAt, skipFullTableFirstPublishedAtMigration } from './bootstrap/first-published-at';
import { watchSiteChanges } from './services/article-extras';
import { validateQueryValues } from './bootstrap/query-validation';
import { makePrivateAttributesUnsearchable } from './bootstrap/private-fields';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    skipFullTableFirstPublishedAtMigration(strapi);
    makePrivateAttributesUnsearchable(strapi);
    validateQueryValues(strapi);
    registerDocumentMiddlewares(strapi);
    registerGraphql(strapi);
    registerEditorial(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await restoreFirstPublishedAt(strapi);
    watchLocaleChanges(strapi);
    cacheDefaultLocaleLookups(strapi);
    await ensureReadIndexes(strapi);
    watchSiteChanges(strapi);
    await ensureSiteLocales(strapi);
    await assertPublicRole(strapi);
    await disableRegistration(strapi);
    await setupEditorialAdmin(strapi);
    await ensureDevAdmin(strapi);
    await seedDemoIfEnabled(strapi);
  },

  async destroy({ strapi }: { strapi: Core.Strapi }) {
    closeRateLimitStore();
    await cacheService(strapi).close();
  },
};
