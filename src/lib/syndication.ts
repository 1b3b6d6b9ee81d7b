/**
 * What partners are told when a story changes: kill and withhold notices, the
 * version partners compare, and the webhook events of each public change.
 * Pure: no Strapi, no environment (tests/unit/syndication.test.ts).
 *
 * IPTC ninjs `pubstatus`: `usable` (live), `withheld` (taken down pending
 * review — legal, a factual check: may come back), `canceled` (killed or
 * deleted: never comes back; partners must remove it).
 */
import type { FieldError } from './input-rules';

export type PubStatus = 'usable' | 'withheld' | 'canceled';
export type TakedownKind = 'kill' | 'withhold';

/** What an editor chose when unpublishing (the admin asks; API and scheduled expiry name none). */
export interface Takedown {
  kind: TakedownKind;
  reason?: string;
}

export const REASON_MAX = 500;

/** A takedown as sent by the admin (`{ kind, reason }`), or the field errors. `undefined` stays undefined. */
export function parseTakedown(input: unknown, path: string[] = ['takedown']): { takedown?: Takedown; errors: FieldError[] } {
  if (input === undefined || input === null) return { errors: [] };
  if (typeof input !== 'object' || Array.isArray(input)) return { errors: [{ path, message: 'must be an object { kind, reason }' }] };
  const { kind, reason } = input as Record<string, unknown>;
  const errors: FieldError[] = [];
  if (kind !== 'kill' && kind !== 'withhold') errors.push({ path: [...path, 'kind'], message: 'must be "kill" or "withhold"' });
  if (reason !== undefined && reason !== null && typeof reason !== 'string') errors.push({ path: [...path, 'reason'], message: 'must be text' });
  const text = typeof reason === 'string' ? reason.trim() : '';
  if (text.length > REASON_MAX) errors.push({ path: [...path, 'reason'], message: `must be at most ${REASON_MAX} characters` });
  if (errors.length) return { errors };
  return { takedown: { kind: kind as TakedownKind, ...(text ? { reason: text } : {}) }, errors: [] };
}

/** The status a locale version gets when its public version disappears: a delete is a kill; an unpublish without a choice is a withhold. */
export function takedownStatus(action: string, takedown?: Takedown): Exclude<PubStatus, 'usable'> {
  if (action === 'delete') return 'canceled';
  return takedown?.kind === 'kill' ? 'canceled' : 'withheld';
}

export type EventType = 'article.published' | 'article.updated' | 'article.corrected' | 'article.withheld' | 'article.killed' | 'article.deleted';
export const EVENT_TYPES: readonly EventType[] = Object.freeze([
  'article.published',
  'article.updated',
  'article.corrected',
  'article.withheld',
  'article.killed',
  'article.deleted',
]);

/** One locale version before/after a write, as far as partners care. */
export interface PublicState {
  /** Number of corrections on the published version. */
  corrections: number;
}

/**
 * The event of one changed locale: `before`/`after` are the published states
 * (undefined = no public version). Returns null when nothing public changed.
 */
export function eventTypeOf(action: string, before: PublicState | undefined, after: PublicState | undefined, takedown?: Takedown): EventType | null {
  if (!before && !after) return null;
  if (!after) {
    if (action === 'delete') return 'article.deleted';
    return takedownStatus(action, takedown) === 'canceled' ? 'article.killed' : 'article.withheld';
  }
  if (!before) return 'article.published';
  return after.corrections > before.corrections ? 'article.corrected' : 'article.updated';
}

export const statusOfEvent = (type: EventType): PubStatus =>
  type === 'article.withheld' ? 'withheld' : type === 'article.killed' || type === 'article.deleted' ? 'canceled' : 'usable';

/** Whether a notice changed at `changedAt` is still served at `now`. */
export const withinRetention = (changedAt: Date, now: Date, retentionDays: number): boolean =>
  now.getTime() - changedAt.getTime() <= retentionDays * 86_400_000;

/** A partner's subscription: empty lists mean "all". */
export interface Subscription {
  events: string[];
  locales: string[];
  sections: string[];
}

export interface EventScope {
  type: EventType;
  locale: string;
  /** Section slugs the story was or is in (before and after the change). */
  sections: string[];
}

export function subscribed(sub: Subscription, event: EventScope): boolean {
  if (sub.events.length && !sub.events.includes(event.type)) return false;
  if (sub.locales.length && !sub.locales.includes(event.locale)) return false;
  if (sub.sections.length && !event.sections.some((s) => sub.sections.includes(s))) return false;
  return true;
}

/** A JSON list of strings from a JSON field (anything else → []). */
export const stringList = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim()) : [];

export interface RetryPolicy {
  /** Delay after the first failed attempt. */
  baseSeconds: number;
  /** No single delay is longer. */
  maxDelaySeconds: number;
  /** Past this age an event is dead-lettered instead of retried. */
  giveUpAfterSeconds: number;
}

/** Exponential backoff: base × 2^(attempt−1), capped; `attempt` counts the failed attempts (1 = the first). */
export function retryDelaySeconds(attempt: number, policy: RetryPolicy): number {
  const exp = Math.min(30, Math.max(0, attempt - 1));
  return Math.min(policy.maxDelaySeconds, policy.baseSeconds * 2 ** exp);
}

/** After a failed attempt: when to try again, or null when the event is past the give-up age (dead letter). */
export function nextAttempt(attempt: number, createdAt: Date, now: Date, policy: RetryPolicy): Date | null {
  const at = new Date(now.getTime() + retryDelaySeconds(attempt, policy) * 1000);
  return at.getTime() - createdAt.getTime() > policy.giveUpAfterSeconds * 1000 ? null : at;
}

/** A 2xx is delivered; anything else (or a network error) is retried. */
export const delivered = (status: number | null): boolean => status !== null && status >= 200 && status < 300;

const isHttp = (value: unknown): boolean => {
  if (typeof value !== 'string') return false;
  try {
    const u = new URL(value);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
};

const SECRET = /^whsec_[A-Za-z0-9+/]{24,}={0,2}$/;

/** A partner endpoint as written (admin or API): URL, secret format, known event types, lists of strings. */
export function checkEndpointData(data: Record<string, unknown>, creating: boolean): FieldError[] {
  const errors: FieldError[] = [];
  if ((creating || 'url' in data) && !isHttp(data.url)) errors.push({ path: ['url'], message: 'must be an absolute http:// or https:// URL' });
  if (data.secret !== undefined && data.secret !== null && data.secret !== '' && !(typeof data.secret === 'string' && SECRET.test(data.secret))) {
    errors.push({ path: ['secret'], message: 'must be a Standard Webhooks secret: whsec_ and at least 24 base64 characters (leave empty to generate one)' });
  }
  for (const field of ['events', 'locales', 'sections'] as const) {
    const value = data[field];
    if (value === undefined || value === null) continue;
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
      errors.push({ path: [field], message: 'must be a JSON list of strings (empty: all)' });
      continue;
    }
    if (field === 'events') {
      const unknown = value.filter((v) => !EVENT_TYPES.includes(v as EventType));
      if (unknown.length) errors.push({ path: ['events'], message: `unknown event types: ${unknown.join(', ')} (known: ${EVENT_TYPES.join(', ')})` });
    }
  }
  return errors;
}

/** Where a delivery of an event to one endpoint stands. */
export type DeliveryStatus = 'pending' | 'delivered' | 'dead';

/** One delivery as the admin API lists it (GET /partner-webhooks/deliveries; src/admin/partner-deliveries.tsx). */
export interface Delivery {
  id: number;
  eventId: string;
  eventType: string;
  documentId: string;
  locale: string;
  endpointId: string;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastStatus: number | null;
  lastError: string | null;
  deliveredAt: string | null;
  createdAt: string;
}
