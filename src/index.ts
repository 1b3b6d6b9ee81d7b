import type { Core } from '@strapi/strapi';
import { registerInfra, closeInfra, watchLocaleTable, infra } from './infra';
import { makePrivateAttributesUnsearchable } from './bootstrap/private-fields';
import { validateQueryValues } from './bootstrap/query-validation';
import { registerDocumentMiddlewares, subscribeMediaChanges } from './documents';
import { registerGraphql } from './graphql';
import { registerPreviewRoute } from './api/preview/route';
import { registerDeskRoutes } from './api/article/desk-routes';
import { registerSuggestionRoutes } from './api/search/suggestion-routes';
import { registerLiveDeskRoutes } from './api/live/desk-routes';
import { restoreFirstPublishedAt, skipFullTableFirstPublishedAtMigration } from './bootstrap/first-published-at';
import { ensureReadIndexes } from './bootstrap/indexes';
import { ensureSiteLocales } from './bootstrap/locales';
import { assertPublicRole, disableRegistration } from './bootstrap/public-permissions';
import { defaultNewsroomUsersToArabic, ensureNewsroomRoles, retireStrapiDefaultRoles } from './bootstrap/newsroom-roles';
import { applyArticleAdminLayout } from './bootstrap/article-admin';
import { ensureDevAdmin } from './bootstrap/dev-admin';
import { seedDemoIfEnabled } from './bootstrap/demo-seed';
import { startReadModel } from './bootstrap/read-model';
import { checkSearchIndex } from './bootstrap/search-index';
import { installGracefulShutdown } from './bootstrap/graceful-shutdown';
import { surviveOrphanedDatabaseErrors, survivePoolConnectionErrors } from './bootstrap/database-connections';
import { registerPartnerAdminRoutes } from './bootstrap/partner-admin';
import { outboxService } from './api/services';
import { registerLiveWebhookEvents } from './bootstrap/live-webhooks';

/**
 * The app's lifecycle, step by step in the order they run (README, "Architecture").
 * Every extension mechanism is registered from here or lives in its own folder.
 */
export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    survivePoolConnectionErrors(strapi); // a connection opened while PostgreSQL restarts must not stop the process
    surviveOrphanedDatabaseErrors(strapi); // nor a cut statement's rejection that nobody awaits any more
    registerInfra(strapi); // cache stores, Redis, locale registry, rate-limit counters (src/infra)
    skipFullTableFirstPublishedAtMigration(strapi); // a beforeSync hook
    makePrivateAttributesUnsearchable(strapi); // before the database models are built
    validateQueryValues(strapi); // the content-API query validator, for REST and GraphQL alike
    registerDocumentMiddlewares(strapi); // src/documents/index.ts: the ordered list
    registerGraphql(strapi); // src/graphql: types, resolvers, resolversConfig (policies)
    registerPreviewRoute(strapi); // /preview/articles/:documentId on the root router
    registerDeskRoutes(strapi); // /article-desk/… on the admin API: revisions, locks, review (src/api/article/desk-routes.ts)
    registerSuggestionRoutes(strapi); // /article-related/suggestions on the admin API: related stories for the version being edited
    registerLiveDeskRoutes(strapi); // /live-desk/… on the admin API: the live-posting form of the edit view (src/api/live/desk-routes.ts)
    registerPartnerAdminRoutes(strapi); // /partner-webhooks/deliveries (admin API: recent deliveries, resend)
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    const backfilled = await restoreFirstPublishedAt(strapi);
    watchLocaleTable(strapi);
    subscribeMediaChanges(strapi); // media files are not documents: their edits reach the read model and cache this way
    registerLiveWebhookEvents(strapi); // live-entry.breaking, for webhooks (push notifications)
    await ensureReadIndexes(strapi);
    await ensureSiteLocales(strapi);
    await assertPublicRole(strapi);
    await disableRegistration(strapi);
    defaultNewsroomUsersToArabic(strapi);
    await ensureNewsroomRoles(strapi);
    await retireStrapiDefaultRoles(strapi); // Strapi's Editor/Author beside the newsroom's roles
    await applyArticleAdminLayout(strapi);
    await ensureDevAdmin(strapi);
    await checkSearchIndex(strapi); // rebuild an index made by another stemmer version (src/bootstrap/search-index.ts)
    await seedDemoIfEnabled(strapi);
    await startReadModel(strapi, { outdated: backfilled > 0 }); // render what is missing or outdated (src/bootstrap/read-model.ts)
    infra(strapi); // make the infrastructure now rather than on the first request
    outboxService(strapi).start(); // deliver partner webhooks from the outbox (src/api/partner-endpoint/services/outbox.ts)
    installGracefulShutdown(strapi); // SIGTERM drains first (src/bootstrap/graceful-shutdown.ts)
  },

  async destroy({ strapi }: { strapi: Core.Strapi }) {
    await outboxService(strapi).stop();
    await closeInfra(strapi);
  },
};
