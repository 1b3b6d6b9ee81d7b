import crypto from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { Webhook } from 'standardwebhooks';
import { createId } from '@paralleldrive/cuid2';
import { delivered, nextAttempt, stringList, subscribed, type Delivery, type DeliveryStatus, type RetryPolicy } from '../../../lib/syndication';
import type { SyndicationChange } from '../../feed/services/notices';

const OUTBOX = 'webhook_outbox';
const DELIVERIES = 'webhook_deliveries';
const ENDPOINT = 'api::partner-endpoint.partner-endpoint';

export type { Delivery, DeliveryStatus };

interface WebhookConfig {
  dispatch: boolean;
  intervalMs: number;
  timeoutMs: number;
  leaseSeconds: number;
  batch: number;
  retry: RetryPolicy;
}

interface Endpoint {
  documentId: string;
  name: string;
  url: string;
  secret: string | null;
  events: unknown;
  locales: unknown;
  sections: unknown;
  enabled: boolean | null;
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const iso = (v: unknown): string | null => (v === null || v === undefined ? null : new Date(Number(v)).toISOString());

/** A fresh endpoint secret in the Standard Webhooks format (`whsec_` + base64 of 24 random bytes). */
export const newSecret = (): string => `whsec_${crypto.randomBytes(24).toString('base64')}`;

/**
 * The webhook outbox (`api::partner-endpoint.outbox`): partners' endpoints
 * (the Partner webhook content type) get every public change of a story.
 *
 * - `enqueue` runs inside the write's transaction (the publication Document
 *   Service middleware): one `webhook_outbox` event per changed locale and one
 *   `webhook_deliveries` row per subscribed endpoint. A write that fails
 *   leaves neither.
 * - `dispatch` (each node, every `WEBHOOK_DISPATCH_INTERVAL_MS`, and right
 *   after a write commits) claims due deliveries: `FOR UPDATE SKIP LOCKED` on
 *   PostgreSQL, then a conditional UPDATE that moves `next_attempt_ms` a lease
 *   ahead — only the node whose UPDATE matched owns the attempt, on either
 *   engine. The POST is signed per Standard Webhooks (`webhook-id` = event id,
 *   `webhook-timestamp`, `webhook-signature` = HMAC-SHA256 over
 *   `id.timestamp.body`); a 2xx is delivered, anything else is retried with
 *   exponential backoff until the event is `giveUpAfterSeconds` old, then
 *   `dead`. `claimed_by` keeps the node that made the last attempt. State is only in the database: a restart loses nothing, and an
 *   attempt cut off by a crash is retried once its lease ends.
 */
const outbox = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('syndication.webhooks') as WebhookConfig;
  const knex = (): Knex => strapi.db.connection;
  const isPostgres = () => strapi.db.dialect.client === 'postgres';
  const node = `${process.pid}-${crypto.randomBytes(3).toString('hex')}`;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<number> | null = null;
  let again = false;
  let stopped = false;

  async function endpoints(): Promise<Endpoint[]> {
    return strapi.db.query(ENDPOINT).findMany({ where: { enabled: { $ne: false } } }) as Promise<Endpoint[]>;
  }

  /** Claims up to `batch` due deliveries for this node; the ids it now owns. */
  async function claim(now: number): Promise<number[]> {
    const { batch, leaseSeconds } = config();
    // Idle nodes poll every second: one indexed read, no transaction, while nothing is due.
    if (!(await knex()(DELIVERIES).select('id').where('status', 'pending').where('next_attempt_ms', '<=', now).first())) return [];
    return knex().transaction(async (trx) => {
      let candidates = trx(DELIVERIES).select('id').where('status', 'pending').where('next_attempt_ms', '<=', now).orderBy('next_attempt_ms').limit(batch);
      if (isPostgres()) candidates = candidates.forUpdate().skipLocked();
      const ids = (await candidates).map((r: { id: unknown }) => Number(r.id));
      const owned: number[] = [];
      for (const id of ids) {
        const updated = await trx(DELIVERIES)
          .where({ id, status: 'pending' })
          .where('next_attempt_ms', '<=', now)
          .update({ next_attempt_ms: now + leaseSeconds * 1000, claimed_by: node, attempts: trx.raw('attempts + 1'), updated_ms: now });
        if (updated === 1) owned.push(id);
      }
      return owned;
    });
  }

  async function post(url: string, headers: Record<string, string>, body: string): Promise<{ status: number | null; error: string | null }> {
    try {
      const res = await fetch(url, { method: 'POST', headers, body, redirect: 'manual', signal: AbortSignal.timeout(config().timeoutMs) });
      await res.arrayBuffer().catch(() => undefined);
      return { status: res.status, error: delivered(res.status) ? null : `HTTP ${res.status}` };
    } catch (err) {
      return { status: null, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) };
    }
  }

  /** Makes one attempt of a delivery this node owns, and records its outcome. */
  async function attempt(id: number): Promise<void> {
    const row = await knex()(DELIVERIES).where({ id }).first();
    if (!row || row.claimed_by !== node) return;
    const event = await knex()(OUTBOX).where({ id: row.event_id }).first();
    const endpoint = (await strapi.db.query(ENDPOINT).findOne({ where: { documentId: row.endpoint_id } })) as Endpoint | null;
    const now = () => Date.now();
    if (!event || !endpoint || !endpoint.secret) {
      const lastError = !event ? 'event missing' : !endpoint ? 'endpoint deleted' : 'endpoint has no secret';
      await knex()(DELIVERIES).where({ id, claimed_by: node }).update({ status: 'dead', last_error: lastError, updated_ms: now() });
      return;
    }
    const body = String(event.payload);
    const sentAt = new Date();
    const headers = {
      'Content-Type': 'application/json',
      'User-Agent': 'khaleeji247-webhooks/1',
      'webhook-id': String(event.id),
      'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
      'webhook-signature': new Webhook(endpoint.secret).sign(String(event.id), sentAt, body),
    };
    const result = await post(endpoint.url, headers, body);
    const attempts = Number(row.attempts);
    if (delivered(result.status)) {
      await knex()(DELIVERIES)
        .where({ id, claimed_by: node })
        .update({ status: 'delivered', last_status: result.status, last_error: null, delivered_ms: now(), updated_ms: now() });
      return;
    }
    const next = nextAttempt(attempts, new Date(Number(event.created_ms)), new Date(), config().retry);
    await knex()(DELIVERIES)
      .where({ id, claimed_by: node })
      .update({
        status: next ? 'pending' : 'dead',
        next_attempt_ms: next ? next.getTime() : Number(row.next_attempt_ms),
        last_status: result.status,
        last_error: (result.error ?? '').slice(0, 1000),
        updated_ms: now(),
      });
    if (!next) strapi.log.warn(`[webhooks] ${endpoint.name}: event ${event.id} dead after ${attempts} attempts (${result.error})`);
  }

  return {
    /** In the caller's transaction: the events of one write and their deliveries. */
    async enqueue(changes: SyndicationChange[], now = new Date()): Promise<string[]> {
      if (!changes.length) return [];
      return strapi.db.transaction(async ({ trx }) => {
        const db = trx as Knex;
        const subscribers = await endpoints();
        const ids: string[] = [];
        for (const change of changes) {
          const id = `evt_${createId()}`;
          const { sections, ...data } = change;
          const payload = JSON.stringify({ id, type: change.type, timestamp: now.toISOString(), data });
          await db(OUTBOX).insert({ id, type: change.type, document_id: change.documentId, locale: change.locale, payload, created_ms: now.getTime() });
          const targets = subscribers.filter((e) =>
            subscribed({ events: stringList(e.events), locales: stringList(e.locales), sections: stringList(e.sections) }, { type: change.type, locale: change.locale, sections }),
          );
          if (targets.length) {
            await db(DELIVERIES).insert(
              targets.map((e) => ({ event_id: id, endpoint_id: e.documentId, status: 'pending', attempts: 0, next_attempt_ms: now.getTime(), created_ms: now.getTime(), updated_ms: now.getTime() })),
            );
          }
          ids.push(id);
        }
        return ids;
      });
    },

    /** One pass: claims what is due and attempts it; the number of attempts made. */
    async dispatchOnce(now = Date.now()): Promise<number> {
      const owned = await claim(now);
      await Promise.all(owned.map((id) => attempt(id).catch((err) => strapi.log.error(`[webhooks] delivery ${id}: ${err instanceof Error ? err.stack : err}`))));
      return owned.length;
    },

    /** Runs a pass now (after a write commits), or right after the one running. */
    kick(): void {
      if (stopped || !config().dispatch) return;
      if (running) {
        again = true;
        return;
      }
      running = this.dispatchOnce()
        .catch((err) => {
          strapi.log.warn(`[webhooks] dispatch failed: ${err instanceof Error ? err.message : err}`);
          return 0;
        })
        .finally(() => {
          running = null;
          if (again) {
            again = false;
            this.kick();
          }
        });
    },

    /** The dispatch loop of this node (bootstrap); off with WEBHOOK_DISPATCH_ENABLED=false. */
    start(): void {
      const { dispatch, intervalMs } = config();
      if (!dispatch || timer || stopped) return;
      timer = setInterval(() => this.kick(), Math.max(100, intervalMs));
      timer.unref();
    },

    /** Shutting down: no pass starts; resolves when the running one has finished. */
    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = null;
      await running?.catch(() => undefined);
    },

    /** Recent deliveries, newest first, with their event (the admin's view). */
    async deliveries({ status, endpoint, limit = 50 }: { status?: DeliveryStatus; endpoint?: string; limit?: number } = {}): Promise<Delivery[]> {
      let q = knex()(`${DELIVERIES} as d`)
        .join(`${OUTBOX} as e`, 'e.id', 'd.event_id')
        .select('d.*', 'e.type as event_type', 'e.document_id as document_id', 'e.locale as locale')
        .orderBy('d.id', 'desc')
        .limit(Math.min(200, Math.max(1, limit)));
      if (status) q = q.where('d.status', status);
      if (endpoint) q = q.where('d.endpoint_id', endpoint);
      const rows = await q;
      return rows.map((r: Record<string, unknown>) => ({
        id: Number(r.id),
        eventId: String(r.event_id),
        eventType: String(r.event_type),
        documentId: String(r.document_id),
        locale: String(r.locale),
        endpointId: String(r.endpoint_id),
        status: r.status as DeliveryStatus,
        attempts: Number(r.attempts),
        nextAttemptAt: r.status === 'pending' ? iso(r.next_attempt_ms) : null,
        lastStatus: num(r.last_status),
        lastError: (r.last_error as string | null) ?? null,
        deliveredAt: iso(r.delivered_ms),
        createdAt: iso(r.created_ms)!,
      }));
    },

    /** Sends a delivery again (delivered or dead): back to pending, due now. False when there is no such delivery. */
    async resend(id: number): Promise<boolean> {
      const now = Date.now();
      const updated = await knex()(DELIVERIES).where({ id }).whereNot('status', 'pending').update({ status: 'pending', next_attempt_ms: now, claimed_by: null, updated_ms: now });
      if (!updated && !(await knex()(DELIVERIES).where({ id }).first())) return false;
      this.kick();
      return true;
    },
  };
};

export type OutboxService = ReturnType<typeof outbox>;
export default outbox;
