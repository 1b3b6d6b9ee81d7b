'use strict';

/**
 * The cache-eviction log: every eviction a node makes is also written here,
 * and every node reads what it has not seen once a second
 * (src/infra/eviction-log.ts). Redis pub/sub stays the fast path; this is the
 * one that cannot be missed — a node cut off from Redis, or a Redis outage,
 * still drops a taken-down story within a second. Rows older than ten minutes
 * are pruned. Our own table: Strapi's schema sync leaves it alone.
 */
module.exports = {
  async up(knex) {
    if (await knex.schema.hasTable('cache_evictions')) return;
    await knex.schema.createTable('cache_evictions', (t) => {
      t.bigIncrements('id').primary();
      t.string('node', 64).notNullable();
      t.text('keys').notNullable();
      t.boolean('soft').notNullable().defaultTo(false);
      t.bigInteger('created_ms').notNullable();
    });
    await knex.raw('CREATE INDEX IF NOT EXISTS cache_evictions_created_idx ON cache_evictions (created_ms)');
  },
  async down(knex) {
    await knex.schema.dropTableIfExists('cache_evictions');
  },
};
