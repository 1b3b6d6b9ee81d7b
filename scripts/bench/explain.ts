/**
 * Query plans of the article list (scenario 2): runs the list exactly as the
 * REST controller does (core service + card preset), captures the SQL knex
 * sends, and asks the database how it executes each statement —
 * EXPLAIN ANALYZE on PostgreSQL, EXPLAIN QUERY PLAN on SQLite.
 */
import type { Core } from '@strapi/strapi';
// The function the REST controller applies: what it builds is what we explain.
import { listQuery } from '../../src/api/article/query';
import { pgClient } from './app';

const ARTICLE = 'api::article.article';

interface Captured {
  sql: string;
  bindings: unknown[];
}

export async function captureListSql(strapi: Core.Strapi): Promise<Captured[]> {
  const captured: Captured[] = [];
  const listener = (q: { sql: string; bindings?: unknown[] }) => captured.push({ sql: q.sql, bindings: q.bindings ?? [] });
  strapi.db.connection.on('query', listener);
  try {
    await strapi.service(ARTICLE).find(listQuery({ pagination: { page: 1, pageSize: 20 } }));
  } finally {
    strapi.db.connection.removeListener('query', listener);
  }
  return captured.filter((c) => /^\s*select/i.test(c.sql));
}

const pgValue = (v: unknown) => (v instanceof Date ? v.toISOString() : v);

export async function explainList(strapi: Core.Strapi, env: Record<string, string>): Promise<string> {
  const statements = await captureListSql(strapi);
  const out: string[] = [];
  if (env.DATABASE_CLIENT === 'postgres') {
    const client = pgClient(env);
    await client.connect();
    try {
      for (const [i, s] of statements.entries()) {
        const plan = await client.query(`EXPLAIN ANALYZE ${s.sql}`, s.bindings.map(pgValue));
        out.push(`-- statement ${i + 1}\n${s.sql}\n${plan.rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n')}`);
      }
    } finally {
      await client.end();
    }
  } else {
    for (const [i, s] of statements.entries()) {
      const rows = await strapi.db.connection.raw(`EXPLAIN QUERY PLAN ${s.sql}`, s.bindings as any[]);
      out.push(`-- statement ${i + 1}\n${s.sql}\n${(rows as Array<{ detail: string }>).map((r) => r.detail).join('\n')}`);
    }
  }
  return out.join('\n\n');
}
