'use strict';

/**
 * What partners are told about each story (README, "Partners get every change"):
 *
 * - `syndication_versions`: one row per article locale that was ever public —
 *   its ninjs `version` (bumped on every public change), its status (`usable`,
 *   `withheld`, `canceled`), the editor's reason and when it changed. A row
 *   that is not `usable` is a notice, served in the ninjs/JSON Feed/Atom feeds
 *   for the retention window. `scopes` holds the section/author/tag slugs it
 *   was listed under, so filtered feeds carry its notice too.
 * - `webhook_outbox`: one event per public change, written in the write's own
 *   transaction (a failed write leaves none). `id` is the event id partners
 *   deduplicate on (Standard Webhooks `webhook-id`).
 * - `webhook_deliveries`: one row per event and subscribed endpoint; the
 *   dispatcher claims due rows (`FOR UPDATE SKIP LOCKED` on PostgreSQL, then a
 *   conditional UPDATE on both engines) and leases them, so one node makes
 *   each attempt; retries back off until the event is 24 h old, then `dead`.
 *
 * Times are epoch milliseconds (bigint), compared the same way on both engines.
 * Our own tables: Strapi's schema sync leaves them alone. SQLite and PostgreSQL.
 */
module.exports = {
  async up(knex) {
    if (!(await knex.schema.hasTable('syndication_versions'))) {
      await knex.schema.createTable('syndication_versions', (t) => {
        t.string('document_id', 64).notNullable();
        t.string('locale', 16).notNullable();
        t.integer('version').notNullable().defaultTo(1);
        t.string('status', 16).notNullable().defaultTo('usable');
        t.text('reason');
        t.text('url');
        t.text('scopes');
        t.bigInteger('first_created_ms');
        t.bigInteger('changed_ms').notNullable();
        t.primary(['document_id', 'locale']);
      });
      await knex.raw('CREATE INDEX IF NOT EXISTS syndication_versions_notices_idx ON syndication_versions (locale, status, changed_ms)');
    }
    if (!(await knex.schema.hasTable('webhook_outbox'))) {
      await knex.schema.createTable('webhook_outbox', (t) => {
        t.string('id', 64).primary();
        t.string('type', 64).notNullable();
        t.string('document_id', 64).notNullable();
        t.string('locale', 16).notNullable();
        t.text('payload').notNullable();
        t.bigInteger('created_ms').notNullable();
      });
      await knex.raw('CREATE INDEX IF NOT EXISTS webhook_outbox_created_idx ON webhook_outbox (created_ms)');
    }
    if (!(await knex.schema.hasTable('webhook_deliveries'))) {
      await knex.schema.createTable('webhook_deliveries', (t) => {
        t.bigIncrements('id').primary();
        t.string('event_id', 64).notNullable();
        t.string('endpoint_id', 64).notNullable();
        t.string('status', 16).notNullable().defaultTo('pending');
        t.integer('attempts').notNullable().defaultTo(0);
        t.bigInteger('next_attempt_ms').notNullable();
        t.integer('last_status');
        t.text('last_error');
        t.string('claimed_by', 64);
        t.bigInteger('delivered_ms');
        t.bigInteger('created_ms').notNullable();
        t.bigInteger('updated_ms').notNullable();
        t.unique(['event_id', 'endpoint_id']);
      });
      await knex.raw('CREATE INDEX IF NOT EXISTS webhook_deliveries_due_idx ON webhook_deliveries (status, next_attempt_ms)');
      await knex.raw('CREATE INDEX IF NOT EXISTS webhook_deliveries_endpoint_idx ON webhook_deliveries (endpoint_id, created_ms)');
    }
  },
  async down(knex) {
    await knex.schema.dropTableIfExists('webhook_deliveries');
    await knex.schema.dropTableIfExists('webhook_outbox');
    await knex.schema.dropTableIfExists('syndication_versions');
  },
};
