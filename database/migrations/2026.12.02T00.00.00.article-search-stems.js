'use strict';

/**
 * Stemmed Arabic search on both databases (src/lib/arabic-stem.ts).
 *
 * - article_search_meta (both): what built the index (`stemmer`: STEMMER_VERSION).
 *   At boot (src/bootstrap/search-index.ts) a missing or different version
 *   means the index is rebuilt, or the log says to run `npm run search:reindex`.
 * - SQLite: article_search_fts gets stem columns (title_k, excerpt_k, body_k)
 *   and `alt`, next to the surface columns; it is recreated empty (FTS5 cannot
 *   add columns), and the boot check refills it.
 * - PostgreSQL: same tables; the vectors now come from JS, which the boot
 *   check's rebuild writes.
 */
const FTS = "CREATE VIRTUAL TABLE article_search_fts USING fts5(title, excerpt, body, title_k, excerpt_k, body_k, alt, tokenize = 'unicode61 remove_diacritics 2')";
const OLD_FTS = "CREATE VIRTUAL TABLE article_search_fts USING fts5(title, excerpt, body, tokenize = 'unicode61 remove_diacritics 2')";

module.exports = {
  async up(knex, db) {
    await knex.raw('CREATE TABLE IF NOT EXISTS article_search_meta (key varchar(64) PRIMARY KEY, value text NOT NULL)');
    await knex.raw("DELETE FROM article_search_meta WHERE key = 'stemmer'");
    if (db.dialect.client === 'sqlite') {
      await knex.raw('DROP TABLE IF EXISTS article_search_fts');
      await knex.raw(FTS);
    }
  },

  async down(knex, db) {
    await knex.raw('DROP TABLE IF EXISTS article_search_meta');
    if (db.dialect.client === 'sqlite') {
      await knex.raw('DROP TABLE IF EXISTS article_search_fts');
      await knex.raw(OLD_FTS);
    }
  },
};
