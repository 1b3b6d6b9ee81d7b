'use strict';

/**
 * The live-coverage event log: every new, edited and deleted entry (and the
 * end of a coverage) gets one row, written in the entry's own transaction
 * (src/documents/live.ts). It is what a Server-Sent Events client resumes
 * from with Last-Event-ID, and the channel between app nodes that works
 * without Redis: each node reads the rows it has not seen once a second
 * (src/infra/live.ts). Rows older than a day are pruned. Our own table:
 * Strapi's schema sync leaves it alone.
 */
module.exports = {
  async up(knex) {
    if (await knex.schema.hasTable('live_events')) return;
    await knex.schema.createTable('live_events', (t) => {
      t.bigIncrements('id').primary();
      t.string('coverage', 64).notNullable();
      t.string('locale', 16).notNullable();
      t.string('entry', 64).notNullable();
      t.string('kind', 16).notNullable();
      t.text('payload').notNullable();
      t.bigInteger('created_ms').notNullable();
    });
    await knex.raw('CREATE INDEX IF NOT EXISTS live_events_coverage_idx ON live_events (coverage, locale, id)');
    await knex.raw('CREATE INDEX IF NOT EXISTS live_events_created_idx ON live_events (created_ms)');
  },
  async down(knex) {
    await knex.schema.dropTableIfExists('live_events');
  },
};
