import type { Core } from '@strapi/strapi';
import { registerDocumentMiddlewares } from './documents';
import { registerGraphql } from './graphql';
import { ensureSiteLocales, watchLocaleChanges } from './services/locales';
import { grantPublicActions } from './bootstrap/public-permissions';
import { ensureDevAdmin } from './bootstrap/dev-admin';
import { seedDemoIfEnabled } from './bootstrap/demo-seed';
import { registerEditorial, setupEditorialAdmin } from './bootstrap/editorial';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    registerDocumentMiddlewares(strapi);
    registerGraphql(strapi);
    registerEditorial(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    watchLocaleChanges(strapi);
    await ensureSiteLocales(strapi);
    await grantPublicActions(strapi);
    await setupEditorialAdmin(strapi);
    await ensureDevAdmin(strapi);
    await seedDemoIfEnabled(strapi);
  },
};
