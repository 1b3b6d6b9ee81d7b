'use strict';

/**
 * The desk (README, "The desk"): our own tables, so Strapi's schema sync never
 * drops them; plain types that mean the same on SQLite and PostgreSQL (times
 * are epoch milliseconds).
 * - article_revisions: one row per saved locale version — the content as
 *   saved (JSON), who, when, which action, whether it is the published
 *   version; `content` is null for "this version stopped existing"
 *   (unpublish, delete), which is how "what was public at T" answers "nothing".
 * - article_locks: one editor at a time per locale version, shared by every
 *   app node; a lock whose heartbeat is older than the TTL no longer holds.
 * - article_reviews: the "submitted for review" state per locale version.
 */
module.exports = {
  async up(knex) {
    if (!(await knex.schema.hasTable('article_revisions'))) {
      await knex.schema.createTable('article_revisions', (t) => {
        t.increments('id').primary();
        t.string('document_id', 64).notNullable();
        t.string('locale', 16).notNullable();
        t.boolean('published').notNullable();
        t.string('action', 16).notNullable();
        t.string('title', 500);
        t.text('content');
        // sha1 of content: a save that changed nothing (the admin saves before it publishes) adds no revision.
        t.string('content_hash', 40);
        t.string('author_kind', 16).notNullable();
        t.integer('author_id');
        t.string('author_name', 255);
        t.integer('restored_from');
        t.bigInteger('created_ms').notNullable();
      });
      // The history of a version, newest first; published-at-T; retention of drafts.
      await knex.raw('CREATE INDEX IF NOT EXISTS article_revisions_version_idx ON article_revisions (document_id, locale, published, id)');
      await knex.raw('CREATE INDEX IF NOT EXISTS article_revisions_time_idx ON article_revisions (document_id, locale, published, created_ms)');
    }
    if (!(await knex.schema.hasTable('article_locks'))) {
      await knex.schema.createTable('article_locks', (t) => {
        t.string('document_id', 64).notNullable();
        t.string('locale', 16).notNullable();
        t.integer('user_id').notNullable();
        t.string('user_name', 255).notNullable();
        t.bigInteger('since_ms').notNullable();
        t.bigInteger('heartbeat_ms').notNullable();
        // Who took it over from whom: the previous holder's page is told on its next heartbeat.
        t.integer('taken_from_id');
        t.primary(['document_id', 'locale']);
      });
    }
    if (!(await knex.schema.hasTable('article_reviews'))) {
      await knex.schema.createTable('article_reviews', (t) => {
        t.string('document_id', 64).notNullable();
        t.string('locale', 16).notNullable();
        t.string('state', 16).notNullable();
        t.text('note');
        t.integer('by_id');
        t.string('by_name', 255);
        t.integer('submitted_by_id');
        t.string('submitted_by_name', 255);
        t.bigInteger('changed_ms').notNullable();
        t.primary(['document_id', 'locale']);
      });
      await knex.raw('CREATE INDEX IF NOT EXISTS article_reviews_state_idx ON article_reviews (state, locale, changed_ms)');
    }
  },
  async down(knex) {
    await knex.schema.dropTableIfExists('article_reviews');
    await knex.schema.dropTableIfExists('article_locks');
    await knex.schema.dropTableIfExists('article_revisions');
  },
};
