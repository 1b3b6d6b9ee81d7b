#!/usr/bin/env node
'use strict';
/**
 * npm run search:reindex — rebuilds the article search index from scratch
 * (every published locale version), in one transaction, with a progress bar.
 * Uses the same DATABASE_* environment as the app.
 */
const cliProgress = require('cli-progress');
const { loadStrapi, requireDist } = require('./lib/boot');

async function main() {
  process.env.LOG_LEVEL ??= 'warn';
  const strapi = await loadStrapi();
  const bar = new cliProgress.SingleBar(
    { format: 'search index [{bar}] {percentage}% | {value}/{total} article versions | ETA {eta_formatted}' },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  try {
    const count = await strapi.service('api::search.search').reindex((done, total) => {
      if (done === 0) bar.start(total, 0);
      else bar.update(done);
    });
    bar.stop();
    console.log(`Indexed ${count} published article versions in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  } finally {
    bar.stop();
    await strapi.destroy();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
