import type { Knex } from 'knex';

/** One published locale version of an article, as the index stores it (original text). */
export interface IndexRow {
  documentId: string;
  locale: string;
  sectionId: string | null;
  publishedAt: string | null;
  title: string;
  excerpt: string;
  body: string;
}

export interface EngineQuery {
  /** The parsed query, already rendered for this engine. */
  expression: string;
  locale: string;
  sectionId?: string;
  limit: number;
  offset: number;
}

export interface EngineHit {
  documentId: string;
  title: string;
  excerpt: string;
  body: string;
}

/** What differs between PostgreSQL and SQLite; everything else is shared. */
export interface SearchEngine {
  render(query: import('../../lib/search-query').ParsedQuery): string;
  removeDocument(db: Knex, documentId: string): Promise<void>;
  insert(db: Knex, rows: IndexRow[]): Promise<void>;
  clear(db: Knex): Promise<void>;
  search(db: Knex, query: EngineQuery): Promise<{ total: number; hits: EngineHit[] }>;
}

/** The article_search columns of a row (same names on both databases). */
export const indexColumns = (r: IndexRow) => ({
  document_id: r.documentId,
  locale: r.locale,
  section_id: r.sectionId,
  published_at: r.publishedAt,
  title: r.title,
  excerpt: r.excerpt,
  body: r.body,
});
