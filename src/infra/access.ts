import type { Core, Struct } from '@strapi/strapi';
import { contentTypes } from '@strapi/utils';
import { alwaysSeesDrafts, DRAFTS_PERMISSION, type CallerKind, type ModelInfo, type ModelLookup } from '../lib/access-rules';

/** What the caller of the current request may see (src/lib/access-rules.ts). */
export interface Access {
  kind: CallerKind;
  /** Unpublished versions (drafts, pending edits, scheduled copy). */
  drafts: boolean;
}

export interface AuthState {
  strategy?: { name?: string };
  credentials?: unknown;
}

const TOKEN_TYPES: Record<string, CallerKind> = {
  'read-only': 'read-only-token',
  'full-access': 'full-access-token',
  custom: 'custom-token',
};

export function callerKind(auth: AuthState | undefined): CallerKind {
  const strategy = auth?.strategy?.name;
  if (strategy === 'admin' || strategy === 'admin-token') return 'admin';
  if (strategy === 'content-api-token' || strategy === 'api-token') return TOKEN_TYPES[(auth?.credentials as { type?: string } | null)?.type ?? ''] ?? 'custom-token';
  if (strategy === 'users-permissions' && auth?.credentials) return 'user';
  return 'public';
}

/** Callers with a Strapi API token (partners, frontends' build servers, scripts); not the public role. */
export const isTokenCaller = (ctx: { state?: { auth?: AuthState } }): boolean => callerKind(ctx.state?.auth).endsWith('-token');

/** Where the access of a request is kept: on its auth object, which Strapi makes once per request. */
const ACCESS = Symbol('newsroom.access');

/**
 * The access of whoever holds `auth` (ctx.state.auth), worked out once per
 * request: custom tokens and end users need the drafts permission ticked for them.
 */
export function accessOfAuth(strapi: Core.Strapi, auth: AuthState | undefined): Promise<Access> {
  if (!auth) return Promise.resolve({ kind: 'public', drafts: false });
  const held = auth as AuthState & { [ACCESS]?: Promise<Access> };
  let access = held[ACCESS];
  if (!access) {
    const kind = callerKind(auth);
    const drafts =
      alwaysSeesDrafts(kind) ||
      ((kind === 'custom-token' || kind === 'user') &&
        strapi.auth.verify(auth as Parameters<Core.Strapi['auth']['verify']>[0], { scope: [DRAFTS_PERMISSION] }).then(
          () => true,
          () => false,
        ));
    access = Promise.resolve(drafts).then((d) => ({ kind, drafts: d }));
    Object.defineProperty(held, ACCESS, { value: access, enumerable: false });
  }
  return access;
}

/** The access of the caller of the request whose ctx.state this is. */
export const accessOf = (strapi: Core.Strapi, state: { auth?: AuthState }): Promise<Access> => accessOfAuth(strapi, state.auth);

/** A content type's or component's schema by uid, untyped (Strapi types `getModel` by literal uid only). */
export function schemaOf(strapi: Core.Strapi, uid: string): (Struct.Schema & { attributes: ModelInfo['attributes'] }) | undefined {
  return (strapi.getModel as (uid: string) => (Struct.Schema & { attributes: ModelInfo['attributes'] }) | undefined)(uid);
}

/** The schema facts the access rules need (src/lib/access-rules.ts), from Strapi's models. */
export function modelLookup(strapi: Core.Strapi): ModelLookup {
  return (uid) => {
    const model = schemaOf(strapi, uid);
    return model ? { attributes: model.attributes, draftAndPublish: contentTypes.hasDraftAndPublish(model) } : undefined;
  };
}

/** Who is making a write, as the desk records it (revisions, locks, review). */
export interface Actor {
  kind: 'admin' | 'token' | 'user' | 'system';
  id: number | null;
  name: string;
}

interface RequestState {
  auth?: AuthState;
  user?: { id?: number; firstname?: string | null; lastname?: string | null; username?: string | null; email?: string };
}

/** The admin user, API token or end user of the current request; null outside a request (cron, scripts). */
export function actorOfRequest(strapi: Core.Strapi): Actor | null {
  const state = (strapi.requestContext.get() as { state?: RequestState } | undefined)?.state;
  if (!state) return null;
  const kind = callerKind(state.auth);
  const user = state.user;
  if (kind === 'admin' && user?.id) {
    const name = [user.firstname, user.lastname].filter(Boolean).join(' ') || user.username || user.email || `admin ${user.id}`;
    return { kind: 'admin', id: user.id, name };
  }
  if (kind.endsWith('-token')) {
    const token = state.auth?.credentials as { id?: number; name?: string } | undefined;
    return { kind: 'token', id: token?.id ?? null, name: token?.name ?? 'API token' };
  }
  if (kind === 'user') return { kind: 'user', id: user?.id ?? null, name: user?.username ?? 'user' };
  return { kind: 'system', id: null, name: 'anonymous' };
}
