'use strict';

/**
 * Indexes for the hot read paths of the public API, feeds and sitemaps:
 *  - newest published articles of a locale (lists, feeds): locale + firstPublishedAt, published rows only
 *  - an article by slug in a locale (by-slug route, related links)
 *  - section/author/tag slug lookups (the ?section=… shortcuts, feeds filters)
 *  - the components of a page of articles
 *
 * Strapi runs user migrations before it creates its tables, so on a fresh
 * database the tables do not exist yet here; the app calls `ensure` again at
 * bootstrap (src/bootstrap/indexes.ts). Every statement is idempotent, and
 * Strapi's schema sync leaves indexes it did not create alone.
 */
const INDEXES = [
  ['articles', 'articles_published_locale_first_idx', '(locale, first_published_at DESC, published_at DESC) WHERE published_at IS NOT NULL'],
  ['articles', 'articles_slug_locale_idx', '(slug, locale)'],
  ['sections', 'sections_slug_locale_idx', '(slug, locale)'],
  ['authors', 'authors_slug_locale_idx', '(slug, locale)'],
  ['tags', 'tags_slug_locale_idx', '(slug, locale)'],
  // Components of a page of articles (cover, related links, SEO): `field = ? AND entity_id IN (…)`.
  // Without it SQLite walks the low-selectivity field index (half the table is `cover`).
  ['articles_cmps', 'articles_cmps_field_entity_idx', '(field, entity_id)'],
];

async function ensure(knex) {
  for (const [table, name, definition] of INDEXES) {
    if (!(await knex.schema.hasTable(table))) continue;
    await knex.raw(`CREATE INDEX IF NOT EXISTS ${name} ON ${table} ${definition}`);
  }
}

module.exports = {
  INDEXES,
  ensure,
  async up(knex) {
    await ensure(knex);
  },
  async down(knex) {
    for (const [, name] of INDEXES) await knex.raw(`DROP INDEX IF EXISTS ${name}`);
  },
};
