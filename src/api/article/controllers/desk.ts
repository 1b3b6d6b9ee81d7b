import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { parseInstant } from '../../../lib/revisions';
import type { Actor } from '../../../infra/access';
import { conflict, invalid, notFound, refuse } from '../../../infra/errors';
import { locksService, reviewService, revisionsService } from '../../services';
import type { LockAnswer } from '../services/locks';
import { deskAccess, documentIdParam, documentIdsParam, localeParam, mayPublishArticles, mayReadHistory, onlyQuery, positiveInt, readableDrafts, type DeskAccess } from '../desk';

/**
 * The admin's desk (routes in src/api/article/desk-routes.ts, under
 * /article-desk, admin sessions only): revisions with diff and restore, edit
 * locks, the review step. Every action checks the user's content-manager
 * permissions on the story itself: editors and up on every story, a
 * reporter on their own.
 */
interface AdminUser {
  id: number;
  firstname?: string | null;
  lastname?: string | null;
  email?: string;
}

const actorOf = (ctx: Context): Actor & { id: number } => {
  const user = ctx.state.user as AdminUser;
  return { kind: 'admin', id: user.id, name: [user.firstname, user.lastname].filter(Boolean).join(' ') || user.email || `admin ${user.id}` };
};

const lockBody = (answer: LockAnswer) => ({
  held: answer.held,
  takenOver: answer.takenOver ?? false,
  lock: answer.lock && { userId: answer.lock.userId, userName: answer.lock.userName, since: new Date(answer.lock.sinceMs).toISOString(), expiresAt: answer.lock.expiresAt },
});

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const revisions = () => revisionsService(strapi);

  /** The story of `:id` in `?locale=`, and what the user may do with it. */
  async function story(ctx: Context, ...query: string[]): Promise<{ documentId: string; locale: string; access: DeskAccess }> {
    onlyQuery(ctx, 'locale', ...query);
    const documentId = documentIdParam(ctx.params.id);
    const locale = await localeParam(strapi, ctx.query.locale);
    return { documentId, locale, access: await deskAccess(strapi, ctx, documentId, locale) };
  }

  const needHistory = (access: DeskAccess) => {
    if (!mayReadHistory(access)) refuse('authorization', 'may only read the history of stories you may edit', 'You may read the history of your own stories only');
  };
  const needUpdate = (access: DeskAccess) => {
    if (!access.mayUpdate) refuse('authorization', 'needs the update permission on this story', 'You may not edit this story');
  };

  /** A revision of a story the user may read the history of. */
  async function revisionFor(ctx: Context, id: number) {
    const revision = await revisions().get(id);
    const access = await deskAccess(strapi, ctx, revision.documentId, revision.locale).catch(() => null);
    // The story was deleted: its history stays readable by those who may publish.
    if (!(access ? mayReadHistory(access) : mayPublishArticles(ctx))) refuse('authorization', 'may only read the history of stories you may edit', 'You may read the history of your own stories only');
    return { revision, access };
  }

  return {
    /** GET /article-desk/articles/:id — the panel's state: lock, review, access, last revision. */
    async state(ctx: Context) {
      const { documentId, locale, access } = await story(ctx);
      const [lock, review, latest] = await Promise.all([
        locksService(strapi).holder(documentId, locale),
        reviewService(strapi).state(documentId, locale),
        mayReadHistory(access) ? revisions().latest(documentId, locale) : null,
      ]);
      const me = actorOf(ctx);
      ctx.body = {
        data: {
          documentId,
          locale,
          access,
          lock: lockBody({ held: lock?.userId === me.id, lock }),
          review,
          latestRevision: latest,
        },
      };
    },

    /** GET /article-desk/articles/:id/revisions — newest first. */
    async list(ctx: Context) {
      const { documentId, locale, access } = await story(ctx, 'page', 'pageSize');
      needHistory(access);
      const page = ctx.query.page === undefined ? 1 : positiveInt(ctx.query.page, 'page', 100_000);
      const pageSize = ctx.query.pageSize === undefined ? 25 : positiveInt(ctx.query.pageSize, 'pageSize', 100);
      ctx.body = await revisions().list(documentId, locale, page, pageSize);
    },

    /** GET /article-desk/revisions/:revisionId */
    async findOne(ctx: Context) {
      onlyQuery(ctx);
      ctx.body = { data: (await revisionFor(ctx, positiveInt(ctx.params.revisionId, 'revisionId'))).revision };
    },

    /** GET /article-desk/revisions/:revisionId/diff?against= — default: the revision before it. */
    async diff(ctx: Context) {
      onlyQuery(ctx, 'against');
      const id = positiveInt(ctx.params.revisionId, 'revisionId');
      await revisionFor(ctx, id);
      const against = ctx.query.against === undefined ? undefined : positiveInt(ctx.query.against, 'against');
      ctx.body = { data: await revisions().diff(id, against) };
    },

    /** POST /article-desk/revisions/:revisionId/restore — the old content becomes the current draft (a new revision). */
    async restore(ctx: Context) {
      onlyQuery(ctx);
      const { revision, access } = await revisionFor(ctx, positiveInt(ctx.params.revisionId, 'revisionId'));
      if (!access) notFound('documentId', `Article ${revision.documentId} (${revision.locale}) no longer exists`);
      needUpdate(access);
      const { documentId, locale } = await revisions().restore(revision.id);
      ctx.body = { data: await revisions().latest(documentId, locale) };
    },

    /** GET /article-desk/articles/:id/published-at?at= — the published revision live then, or 404. */
    async publishedAt(ctx: Context) {
      const { documentId, locale, access } = await story(ctx, 'at');
      needHistory(access);
      const at = parseInstant(ctx.query.at);
      if (at === null) invalid('at', 'must be an ISO 8601 date-time with a time zone (e.g. 2026-03-01T14:05:00+03:00)');
      const revision = await revisions().publishedAt(documentId, locale, at);
      if (!revision) notFound('at', `Article ${documentId} (${locale}) was not public at ${new Date(at).toISOString()}`);
      ctx.body = { data: revision };
    },

    /** POST /article-desk/articles/:id/lock {takeOver?} — take the lock (409 naming the holder when someone else has it). */
    async lock(ctx: Context) {
      const { documentId, locale, access } = await story(ctx);
      needUpdate(access);
      const body = (ctx.request as { body?: { takeOver?: unknown } }).body ?? {};
      if (body.takeOver !== undefined && typeof body.takeOver !== 'boolean') invalid('takeOver', 'must be true or false');
      const takeOver = body.takeOver === true;
      if (takeOver && !access.mayPublish) refuse('takeOver', 'only editors may take over a story', 'Only editors may take over a story someone is editing');
      const answer = await locksService(strapi).acquire(documentId, locale, actorOf(ctx), takeOver);
      if (!answer.held) conflict('lock', `is held by ${answer.lock?.userName}`, `${answer.lock?.userName} is editing this story`, { lock: lockBody(answer).lock });
      ctx.body = { data: lockBody(answer) };
    },

    /** PUT /article-desk/articles/:id/lock — the heartbeat; 409 with `takenOver` once someone took the lock. */
    async heartbeat(ctx: Context) {
      const { documentId, locale } = await story(ctx);
      const answer = await locksService(strapi).heartbeat(documentId, locale, actorOf(ctx).id);
      if (!answer.held) {
        const holder = answer.lock?.userName;
        conflict('lock', holder ? `is held by ${holder}` : 'has expired', answer.takenOver ? `${holder} took over this story` : 'You no longer hold the lock on this story', {
          lock: lockBody(answer).lock,
          takenOver: !!answer.takenOver,
        });
      }
      ctx.body = { data: lockBody(answer) };
    },

    /** DELETE /article-desk/articles/:id/lock — let go (closing the edit view). */
    async unlock(ctx: Context) {
      const { documentId, locale } = await story(ctx);
      ctx.body = { data: { released: await locksService(strapi).release(documentId, locale, actorOf(ctx).id) } };
    },

    /** POST /article-desk/articles/:id/review {action: submit|return, note?} */
    async review(ctx: Context) {
      const { documentId, locale, access } = await story(ctx);
      const body = (ctx.request as { body?: { action?: unknown; note?: unknown } }).body ?? {};
      if (body.action !== 'submit' && body.action !== 'return') invalid('action', 'must be "submit" or "return"');
      if (body.action === 'submit') needUpdate(access);
      else if (!access.mayPublish) refuse('action', 'only editors may send a story back', 'Only editors may send a story back');
      ctx.body = { data: await reviewService(strapi).transition(documentId, locale, body.action, actorOf(ctx), access.mayPublish, body.note) };
    },

    /** GET /article-desk/review-queue?locale= — editors only. */
    async queue(ctx: Context) {
      onlyQuery(ctx, 'locale');
      if (!mayPublishArticles(ctx)) refuse('authorization', 'needs the publish permission on articles', 'The review queue is for editors');
      const locale = ctx.query.locale === undefined ? undefined : await localeParam(strapi, ctx.query.locale);
      ctx.body = { data: await reviewService(strapi).queue(locale) };
    },

    /**
     * GET /article-desk/review-states?locale=&documentIds=a,b — the list view's
     * review column: the state of each of those versions the user may read
     * that is in review (submitted or sent back), keyed by documentId.
     */
    async states(ctx: Context) {
      onlyQuery(ctx, 'locale', 'documentIds');
      const locale = await localeParam(strapi, ctx.query.locale);
      const readable = await readableDrafts(strapi, ctx, documentIdsParam(ctx.query.documentIds), locale);
      const reviews = await reviewService(strapi).states(readable, locale);
      ctx.body = { data: Object.fromEntries(reviews.map(({ documentId, ...review }) => [documentId, review])) };
    },
  };
};
