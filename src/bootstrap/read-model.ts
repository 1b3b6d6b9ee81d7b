import crypto from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { presets } from '../api/article/populate';
import { readModelService, siteService } from '../api/services';
import type { NewsroomConfig } from '../../config/newsroom';

/** Bump when the rendering of a read-model row changes in a way the presets do not show. */
const RENDER_VERSION = 2; // 2: `alternates` and JSON-LD translation links (hreflang)
const STORE_KEY = { type: 'core', name: 'newsroom', key: 'read-model-fingerprint' } as const;
/** Up to this many missing rows are rendered before the boot completes; more, in the background. */
const BLOCKING_RECONCILE_LIMIT = 2_000;

/**
 * The read model at boot: when what a row renders from changed since the rows
 * were made (presets, render version, time zone, public media origin), or a
 * boot step rewrote articles (`outdated`), every row is marked stale; missing rows are rendered and orphans dropped
 * (reconcile), then stale rows re-rendered in the background. Until reconcile
 * ends, and for rows still stale, reads take the Strapi path.
 */
export async function startReadModel(strapi: Core.Strapi, { outdated = false }: { outdated?: boolean } = {}): Promise<void> {
  const readModel = readModelService(strapi);
  const { timeZone } = strapi.config.get('newsroom') as NewsroomConfig;
  const fingerprint = crypto
    .createHash('sha256')
    .update(JSON.stringify([RENDER_VERSION, presets, timeZone, siteService(strapi).apiOrigin()]))
    .digest('hex');
  const stored = await strapi.store.get(STORE_KEY);
  if (stored !== fingerprint || outdated) {
    if (stored) strapi.log.info('[read-model] rendering inputs or articles changed outside the Document Service: every row will be re-rendered');
    await readModel.markAllStale();
    await strapi.store.set({ ...STORE_KEY, value: fingerprint });
  }
  const missing = await readModel.missingCount();
  const run = async () => {
    const t = Date.now();
    const { added, removed } = await readModel.reconcile();
    if (added || removed) strapi.log.info(`[read-model] ready: ${added} rendered, ${removed} dropped in ${Date.now() - t} ms`);
    // Stale rows are re-rendered in the background; reads meeting one take the Strapi path meanwhile.
    void readModel
      .refreshStale()
      .then((n) => n && strapi.log.info(`[read-model] ${n} stale rows re-rendered in ${Date.now() - t} ms`))
      .catch((err) => strapi.log.error(`[read-model] refresh failed: ${err instanceof Error ? err.stack : err}`));
  };
  if (missing <= BLOCKING_RECONCILE_LIMIT) return run();
  strapi.log.info(`[read-model] ${missing} published versions to render; public reads take the Strapi path until done`);
  void run().catch((err) => strapi.log.error(`[read-model] reconcile failed: ${err instanceof Error ? err.stack : err}`));
}
