import { AsyncLocalStorage } from 'node:async_hooks';
import type { Takedown } from '../lib/syndication';

/**
 * The editor's kill/withhold choice, carried from the admin's unpublish
 * request (src/extensions/content-manager) to the publication Document
 * Service middleware, which the content-manager calls without a way to pass
 * it. Request-scoped (AsyncLocalStorage), never shared between requests.
 * Code calling the Document Service directly passes `takedown` in the params.
 */
const intent = new AsyncLocalStorage<Takedown>();

export const withTakedown = <T>(takedown: Takedown, fn: () => Promise<T>): Promise<T> => intent.run(takedown, fn);
export const currentTakedown = (): Takedown | undefined => intent.getStore();
