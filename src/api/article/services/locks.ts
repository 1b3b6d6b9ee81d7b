import type { Core } from '@strapi/strapi';
import { lockHeld, type LockRow } from '../../../lib/revisions';
import type { Actor } from '../../../infra/access';
import { onDb } from '../../../infra/db';
import type { NewsroomConfig } from '../../../../config/newsroom';

/**
 * Edit locks (`api::article.locks`): one editor at a time per article locale
 * version, in the database every app node shares. The admin takes the lock
 * when it opens a version and renews it every ~15 s; a lock whose heartbeats
 * stopped for LOCK_TTL_SECONDS (tab closed, crash) no longer holds. Taking a
 * lock is one upsert that only replaces the row when it is the caller's own,
 * expired, or a take-over — atomic on SQLite and PostgreSQL alike, so two
 * nodes can never both grant it.
 */
const TABLE = 'article_locks';

interface Row {
  document_id: string;
  locale: string;
  user_id: number | string;
  user_name: string;
  since_ms: number | string;
  heartbeat_ms: number | string;
  taken_from_id: number | string | null;
}

export interface Lock extends LockRow {
  documentId: string;
  locale: string;
  takenFromId: number | null;
  expiresAt: string;
}

export interface LockAnswer {
  /** Whether the caller holds the lock now. */
  held: boolean;
  /** Who holds it (the caller, someone else), or null when nobody does. */
  lock: Lock | null;
  /** Set on the heartbeat of a holder someone took the lock from. */
  takenOver?: boolean;
}

const locks = ({ strapi }: { strapi: Core.Strapi }) => {
  const ttlMs = () => (strapi.config.get('newsroom.desk') as NewsroomConfig['desk']).lockTtlSeconds * 1000;

  const toLock = (r: Row): Lock => {
    const heartbeatMs = Number(r.heartbeat_ms);
    return {
      documentId: r.document_id,
      locale: r.locale,
      userId: Number(r.user_id),
      userName: r.user_name,
      sinceMs: Number(r.since_ms),
      heartbeatMs,
      takenFromId: r.taken_from_id === null ? null : Number(r.taken_from_id),
      expiresAt: new Date(heartbeatMs + ttlMs()).toISOString(),
    };
  };

  async function read(documentId: string, locale: string): Promise<Lock | null> {
    const row = (await onDb(strapi, (db) => db(TABLE).where({ document_id: documentId, locale }).first())) as Row | undefined;
    return row ? toLock(row) : null;
  }

  return {
    ttlMs,

    /** The lock that holds on a version now (null when none, or its heartbeats stopped). */
    async holder(documentId: string, locale: string, now = Date.now()): Promise<Lock | null> {
      const lock = await read(documentId, locale);
      return lockHeld(lock, now, ttlMs()) ? lock : null;
    },

    /** Every lock that holds on a document's versions (a write naming `*` locales). */
    async holders(documentId: string, now = Date.now()): Promise<Lock[]> {
      const rows = (await onDb(strapi, (db) => db(TABLE).where({ document_id: documentId }).where('heartbeat_ms', '>', now - ttlMs()))) as Row[];
      return rows.map(toLock);
    },

    /**
     * Takes the lock for `user`: granted when nobody holds it, the user already
     * does, or `takeOver` (the caller checked the user may take over).
     */
    async acquire(documentId: string, locale: string, user: Actor & { id: number }, takeOver = false, now = Date.now()): Promise<LockAnswer> {
      const expired = now - ttlMs();
      await onDb(strapi, (db) => db.raw(
        `INSERT INTO ${TABLE} (document_id, locale, user_id, user_name, since_ms, heartbeat_ms, taken_from_id)
         VALUES (?, ?, ?, ?, ?, ?, NULL)
         ON CONFLICT (document_id, locale) DO UPDATE SET
           user_id = excluded.user_id,
           user_name = excluded.user_name,
           since_ms = CASE WHEN ${TABLE}.user_id = excluded.user_id THEN ${TABLE}.since_ms ELSE excluded.since_ms END,
           heartbeat_ms = excluded.heartbeat_ms,
           taken_from_id = CASE WHEN ${TABLE}.user_id = excluded.user_id THEN ${TABLE}.taken_from_id
                                WHEN ${TABLE}.heartbeat_ms > ? THEN ${TABLE}.user_id ELSE NULL END
         WHERE ${TABLE}.user_id = excluded.user_id OR ${TABLE}.heartbeat_ms <= ? OR ?`,
        [documentId, locale, user.id, user.name.slice(0, 255), now, now, expired, expired, takeOver],
      ));
      const lock = await read(documentId, locale);
      return { held: lock?.userId === user.id, lock };
    },

    /** Renews the user's own lock; if someone took it over meanwhile, says so (the page turns read-only). */
    async heartbeat(documentId: string, locale: string, userId: number, now = Date.now()): Promise<LockAnswer> {
      const updated = await onDb(strapi, (db) => db(TABLE).where({ document_id: documentId, locale, user_id: userId }).update({ heartbeat_ms: now }));
      const lock = await read(documentId, locale);
      if (updated) return { held: true, lock };
      const current = lockHeld(lock, now, ttlMs()) ? lock : null;
      return { held: false, lock: current, takenOver: !!current && current.takenFromId === userId };
    },

    /** Lets go of the user's own lock (closing the edit view). */
    async release(documentId: string, locale: string, userId: number): Promise<boolean> {
      return (await onDb(strapi, (db) => db(TABLE).where({ document_id: documentId, locale, user_id: userId }).del())) > 0;
    },
  };
};

export type LocksService = ReturnType<typeof locks>;
export default locks;
