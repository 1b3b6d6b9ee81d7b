'use strict';

/**
 * The read model: every published article version as readers get it,
 * rendered when it is written (src/api/article/services/read-model.ts), so a
 * public list or article is one indexed query plus string assembly.
 *
 * article_read       one row per published (document, locale): the card and
 *                    the full article as JSON, in both digit systems, with the
 *                    cache keys each shows; sort keys in epoch milliseconds.
 * article_read_refs  what each row shows: its section/authors/tags (with slugs,
 *                    for the ?section=/author=/tag= lists, carrying the sort
 *                    keys so such a list is one index range), media files and
 *                    related articles (to find the rows a change makes stale).
 *
 * Our own tables: Strapi's schema sync only drops tables it created. Rows are
 * rebuilt by `reconcile()` at boot when missing, so this migration needs no backfill.
 */
async function up(knex) {
  if (!(await knex.schema.hasTable('article_read'))) {
    await knex.schema.createTable('article_read', (t) => {
      t.string('document_id', 255).notNullable();
      t.string('locale', 32).notNullable();
      t.string('slug', 255);
      t.bigInteger('first_published_ms');
      t.bigInteger('published_ms');
      t.text('card_latn').notNullable();
      t.text('card_arab').notNullable();
      t.text('full_latn').notNullable();
      t.text('full_arab').notNullable();
      t.text('card_keys').notNullable();
      t.text('full_keys').notNullable();
      // 0: fresh; bumped each time something it shows changes, so a refresh that began earlier cannot clear it.
      t.integer('stale').notNullable().defaultTo(0);
      t.primary(['document_id', 'locale']);
    });
    await knex.raw('CREATE INDEX IF NOT EXISTS article_read_list_idx ON article_read (locale, first_published_ms DESC, published_ms DESC)');
    await knex.raw('CREATE INDEX IF NOT EXISTS article_read_slug_idx ON article_read (locale, slug)');
    await knex.raw('CREATE INDEX IF NOT EXISTS article_read_stale_idx ON article_read (stale)');
  }
  if (!(await knex.schema.hasTable('article_read_refs'))) {
    await knex.schema.createTable('article_read_refs', (t) => {
      t.string('document_id', 255).notNullable();
      t.string('locale', 32).notNullable();
      t.string('kind', 16).notNullable();
      t.string('ref', 255).notNullable();
      t.string('slug', 255);
      t.bigInteger('first_published_ms');
      t.bigInteger('published_ms');
    });
    await knex.raw(
      'CREATE INDEX IF NOT EXISTS article_read_refs_list_idx ON article_read_refs (kind, slug, locale, first_published_ms DESC, published_ms DESC)',
    );
    await knex.raw('CREATE INDEX IF NOT EXISTS article_read_refs_ref_idx ON article_read_refs (kind, ref)');
    await knex.raw('CREATE INDEX IF NOT EXISTS article_read_refs_doc_idx ON article_read_refs (document_id, locale)');
  }
}

module.exports = {
  up,
  async down(knex) {
    await knex.schema.dropTableIfExists('article_read_refs');
    await knex.schema.dropTableIfExists('article_read');
  },
};
