/// <reference lib="dom" />
import { useSyncExternalStore } from 'react';

/**
 * Who holds the edit lock of the article version open in this tab, as the
 * desk panel (desk-panel.tsx) last heard it, so the edit view's own Save and
 * Publish turn read-only while someone else holds it. The server refuses such
 * writes anyway (409, src/documents/locks.ts); this only spares the user a
 * failed save. One tab shows one edit view, hence one value, keyed by the
 * version it belongs to so a stale value never applies to another story.
 */
export interface HeldElsewhere {
  documentId: string;
  locale: string;
  userName: string;
}

let current: HeldElsewhere | null = null;
const listeners = new Set<() => void>();

export function setHeldElsewhere(value: HeldElsewhere | null): void {
  if (current?.documentId === value?.documentId && current?.locale === value?.locale && current?.userName === value?.userName) return;
  current = value;
  for (const listener of listeners) listener();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** The holder's name when someone else holds this version's lock, else null. */
export function useHeldElsewhere(documentId: string | undefined, locale: string | undefined): string | null {
  const value = useSyncExternalStore(subscribe, () => current);
  return value && value.documentId === documentId && (locale === undefined || value.locale === locale) ? value.userName : null;
}

type Action = ((props: any) => any) & { type?: string; position?: unknown };
const ARTICLE = 'api::article.article';
const GUARDED = new Set(['update', 'publish', 'unpublish', 'discard']);

/** Wraps one of Strapi's document actions: disabled while someone else holds the lock. */
function lockAware(original: Action): Action {
  const Wrapped: Action = (props: any) => {
    const description = original(props); // always called: the original uses hooks
    const holder = useHeldElsewhere(props.document?.documentId ?? props.documentId, props.document?.locale);
    if (!description || props.model !== ARTICLE || !holder) return description;
    return { ...description, disabled: true };
  };
  Wrapped.type = original.type;
  Wrapped.position = original.position;
  return Wrapped;
}

/** For app.tsx: Save, Publish, Unpublish and Discard wait for the lock. */
export const withLockAwareActions = (actions: Action[]): Action[] => actions.map((a) => (a.type && GUARDED.has(a.type) ? lockAware(a) : a));
