import type { Knex } from 'knex';
import type { ParsedQuery } from '../../../lib/search-query';

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
  query: ParsedQuery;
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
  removeDocument(db: Knex, documentId: string): Promise<void>;
  insert(db: Knex, rows: IndexRow[]): Promise<void>;
  clear(db: Knex): Promise<void>;
  search(db: Knex, query: EngineQuery): Promise<{ total: number; hits: EngineHit[] }>;
}
