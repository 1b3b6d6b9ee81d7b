import type { Core } from '@strapi/strapi';
import { BREAKING_EVENT } from '../documents/live';

/**
 * `live-entry.breaking` (src/documents/live.ts: an entry posted or marked
 * breaking, in a public coverage) becomes an event webhooks can subscribe to
 * in Settings → Webhooks, next to Strapi's entry.* events: the hook an app
 * uses to send its push notification.
 */
export function registerLiveWebhookEvents(strapi: Core.Strapi): void {
  (strapi.get('webhookStore') as { addAllowedEvent(key: string, value: string): void }).addAllowedEvent('LIVE_ENTRY_BREAKING', BREAKING_EVENT);
}
