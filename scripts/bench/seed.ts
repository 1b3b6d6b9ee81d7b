/**
 * The one seeding path of both benchmarks (`npm run bench`, `npm run bench:search`):
 * bulk rows through bulk-seed, then the search index rebuilt by the app's own
 * reindex (bulk rows bypass the Document Service middleware that maintains
 * it), then fresh planner statistics, as autovacuum would gather on a live
 * database.
 */
import path from 'node:path';
import { SingleBar, Presets } from 'cli-progress';
import type { Core } from '@strapi/strapi';
import { bulkSeed, type ArticleText, type BulkSeedResult } from './bulk-seed';

export const log = (line: string) => process.stdout.write(`[bench] ${line}\n`);

export function progressBar(label: string) {
  const bar = new SingleBar({ format: `[bench] ${label} [{bar}] {percentage}% | {value}/{total} | {duration_formatted}`, hideCursor: true }, Presets.shades_classic);
  let started = false;
  return {
    update(done: number, total: number) {
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.update(done);
    },
    stop: () => started && bar.stop(),
  };
}

export interface SeedReport extends BulkSeedResult {
  seedSeconds: number;
  indexSeconds: number;
}

const seconds = (since: number) => +((Date.now() - since) / 1000).toFixed(1);

export async function seedBenchDatabase(strapi: Core.Strapi, options: { articles: number; text?: ArticleText }): Promise<SeedReport> {
  const bar = progressBar(`seeding ${options.articles.toLocaleString('en-US')} articles`);
  let t = Date.now();
  const seeded = await bulkSeed(strapi, { articles: options.articles, locale: 'ar', text: options.text, onProgress: bar.update });
  bar.stop();
  const seedSeconds = seconds(t);
  log(`seeded ${seeded.articles} articles (${seeded.rows.toLocaleString('en-US')} rows) in ${seedSeconds} s`);

  const indexBar = progressBar('search index');
  t = Date.now();
  await strapi.service('api::search.search').reindex(indexBar.update, 1000);
  indexBar.stop();
  const indexSeconds = seconds(t);
  log(`search index built in ${indexSeconds} s`);

  // The read model too (the seeder writes around the Document Service): the servers then answer from it at once.
  t = Date.now();
  const { added } = await strapi.service('api::article.read-model').reconcile();
  log(`read model: ${added} versions rendered in ${seconds(t)} s`);

  const knex = strapi.db.connection;
  await knex.raw(strapi.db.dialect.client === 'postgres' ? 'ANALYZE article_search, article_search_text, article_read, article_read_refs' : 'ANALYZE');
  return { ...seeded, seedSeconds, indexSeconds };
}
