'use strict';

/**
 * SQLite: article_search_fts tokenized by FTS5's `ascii` tokenizer instead of
 * `unicode61 remove_diacritics 2`. Every column already holds words as
 * src/lib/arabic-stem.ts analyses them (normalised, split, space-joined), so
 * all the tokenizer has to do is split on the spaces: `ascii` does exactly
 * that (every non-ASCII character is part of a token, ASCII is lower-cased,
 * which the normaliser already did), while unicode61 looked up the Unicode
 * class and diacritic folding of every character again, the largest part of
 * the index build's cost once stems tripled the terms (docs/benchmarks.md,
 * "Stemming on SQLite"). The terms are now exactly the analyser's, as
 * PostgreSQL's tsvectors are (a Latin word keeps its accents on both engines).
 *
 * The table is recreated empty (FTS5 cannot change a tokenizer) and the
 * index's version record removed, so the boot check (src/bootstrap/search-index.ts)
 * refills it, or tells to run `npm run search:reindex`. PostgreSQL: nothing changes.
 */
const FTS = (tokenize) =>
  `CREATE VIRTUAL TABLE article_search_fts USING fts5(title, excerpt, body, title_k, excerpt_k, body_k, alt, tokenize = '${tokenize}')`;

async function recreate(knex, db, tokenize) {
  if (db.dialect.client !== 'sqlite') return;
  await knex.raw('DROP TABLE IF EXISTS article_search_fts');
  await knex.raw(FTS(tokenize));
  await knex.raw("DELETE FROM article_search_meta WHERE key = 'stemmer'");
}

module.exports = {
  up: (knex, db) => recreate(knex, db, 'ascii'),
  down: (knex, db) => recreate(knex, db, 'unicode61 remove_diacritics 2'),
};
