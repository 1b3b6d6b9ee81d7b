'use strict';

/**
 * What came from outside, and which document it became: one row per WordPress
 * post, attachment, category, tag or author (source `wordpress:<site URL>`)
 * and per agency wire item (source `wire:<agency>`). A second import run finds
 * its earlier documents here and updates (or skips) them instead of creating
 * duplicates; `checksum` is the hash of what was mapped, so an unchanged item
 * costs one indexed lookup. Our own table: Strapi's schema sync leaves it alone.
 */
module.exports = {
  async up(knex) {
    if (await knex.schema.hasTable('import_map')) return;
    await knex.schema.createTable('import_map', (t) => {
      t.bigIncrements('id').primary();
      t.string('source', 255).notNullable();
      t.string('kind', 32).notNullable();
      t.string('external_id', 512).notNullable();
      t.string('locale', 16).notNullable().defaultTo('');
      // A documentId, or an upload file's numeric id for media.
      t.string('target_id', 64).notNullable();
      t.string('version', 64);
      t.string('checksum', 64);
      t.text('meta');
      t.bigInteger('updated_ms').notNullable();
      t.unique(['source', 'kind', 'external_id', 'locale'], { indexName: 'import_map_key_uq' });
    });
    await knex.raw('CREATE INDEX IF NOT EXISTS import_map_target_idx ON import_map (kind, target_id)');
  },
  async down(knex) {
    await knex.schema.dropTableIfExists('import_map');
  },
};
