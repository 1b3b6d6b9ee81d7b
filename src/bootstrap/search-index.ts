import type { Core } from '@strapi/strapi';
import { STEMMER_VERSION } from '../lib/arabic-stem';
import { searchService } from '../api/services';
import type { NewsroomConfig } from '../../config/newsroom';

/**
 * The search index at boot: built by another stemmer version (or before
 * versions were kept, see database/migrations/2026.12.02T00.00.00.article-search-stems.js),
 * its terms no longer meet the queries'. It is rebuilt before the app serves
 * when it is small enough (SEARCH_REINDEX_ON_BOOT_MAX published versions);
 * otherwise the log says to run `npm run search:reindex`, and search answers
 * from the old index (on SQLite: finds nothing) until then.
 */
export async function checkSearchIndex(strapi: Core.Strapi): Promise<void> {
  const search = searchService(strapi);
  const version = await search.indexVersion();
  if (version === STEMMER_VERSION) return;
  const { searchReindexOnBootMax } = strapi.config.get('newsroom') as NewsroomConfig;
  const count = await search.publishedCount();
  const built = version ? `stemmer "${version}"` : 'an older stemmer';
  if (count > searchReindexOnBootMax) {
    strapi.log.warn(
      `[search] the index was built by ${built}, this version stems with "${STEMMER_VERSION}": run \`npm run search:reindex\` ` +
        `(${count} published article versions, more than SEARCH_REINDEX_ON_BOOT_MAX=${searchReindexOnBootMax})`,
    );
    return;
  }
  const started = Date.now();
  const n = await search.reindex();
  if (count) strapi.log.info(`[search] the index was built by ${built}: rebuilt with "${STEMMER_VERSION}" (${n} versions in ${Date.now() - started} ms)`);
}
