#!/usr/bin/env node
'use strict';
/**
 * npm run read-model:rebuild — re-renders every row of the article read model
 * (and renders missing ones, drops orphans), then evicts every cached
 * response (on every node with REDIS_URL). For after writes made around the
 * Document Service: raw SQL, `strapi.db.query()`, a database restore.
 * Uses the same DATABASE_* environment as the app.
 */
const { loadStrapi } = require('./lib/boot');

async function main() {
  process.env.LOG_LEVEL ??= 'warn';
  const strapi = await loadStrapi();
  const started = Date.now();
  try {
    const { added, removed, refreshed } = await strapi.service('api::article.read-model').rebuild();
    await strapi.get('newsroom.infra').cache.invalidate('*');
    console.log(`Read model: ${refreshed} rows re-rendered, ${added} added, ${removed} dropped in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  } finally {
    await strapi.destroy();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
