import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { blocksToPlainText } from '../../../lib/blocks-text';
import { LIVE_ENTRY_UID } from '../../../lib/live';
import { liveWriteRefusal, parseDeskEntry, textToBlocks } from '../../../lib/live-desk';
import { documentsOf } from '../../../infra/documents';
import { invalidFields, notFound, refuse } from '../../../infra/errors';
import { documentIdParam, localeParam, onlyQuery } from '../../article/desk';
import { liveService } from '../../services';
import { authorProfileOf, isAssigned, isEditor, mayPin, type Ability, type AdminUser } from '../desk';

/**
 * The live-posting form of the article edit view (src/admin/live-panel.tsx;
 * routes in src/api/live/desk-routes.ts, under /live-desk, admin sessions
 * only): the coverage's entries newest first with what the user may do, and
 * post / edit / delete in one call each. Writes go through the Document
 * Service, so they are live at once (src/documents/live.ts) and obey the
 * posting rule (src/documents/live-assignment.ts); the content-manager's
 * permission checker decides edit (a reporter: their own) and delete.
 */
const ARTICLE = 'api::article.article';
const CM = 'plugin::content-manager.explorer';
const LIST_LIMIT = 50;

interface EntryRow {
  id: number;
  documentId: string;
  locale: string;
  postedAt: string | null;
  updatedAt: string | null;
  title: string | null;
  body: unknown;
  pinned: boolean | null;
  isKeyEvent: boolean | null;
  authors?: Array<{ name: string | null }>;
  createdBy?: { id: number; firstname?: string | null; lastname?: string | null } | null;
}

const iso = (v: unknown) => (v ? new Date(v as string).toISOString() : null);

export default ({ strapi }: { strapi: Core.Strapi }) => {
  function session(ctx: Context): { ability: Ability; user: AdminUser } {
    const ability = ctx.state.userAbility as Ability | undefined;
    const user = ctx.state.user as AdminUser | undefined;
    if (!ability || !user?.id) refuse('authorization', 'needs an admin session', 'The live desk needs an admin session');
    return { ability, user };
  }
  const checker = (ability: Ability) => strapi.plugin('content-manager').service('permission-checker').create({ userAbility: ability, model: LIVE_ENTRY_UID });

  async function entryRow(documentId: string, locale: string): Promise<EntryRow> {
    const row = (await strapi.db.query(LIVE_ENTRY_UID).findOne({
      where: { documentId, locale },
      populate: { authors: { select: ['name'] }, createdBy: { select: ['id', 'firstname', 'lastname'] } },
    })) as (EntryRow & { coverage: string }) | null;
    if (!row) notFound('entryId', `No live entry ${documentId} in locale "${locale}"`);
    return row;
  }

  type Can = ReturnType<typeof checker>['can'];
  function view(row: EntryRow, can: Can, mayWrite: boolean) {
    return {
      documentId: row.documentId,
      locale: row.locale,
      postedAt: iso(row.postedAt),
      updatedAt: iso(row.updatedAt),
      title: row.title ?? null,
      text: blocksToPlainText(row.body),
      pinned: row.pinned === true,
      isKeyEvent: row.isKeyEvent === true,
      authors: (row.authors ?? []).map((a) => a.name).filter(Boolean),
      postedBy: row.createdBy ? [row.createdBy.firstname, row.createdBy.lastname].filter(Boolean).join(' ') || null : null,
      mayEdit: mayWrite && !!can.update(row),
      mayDelete: mayWrite && !!can.delete(row),
    };
  }

  return {
    /** GET /live-desk/coverage/:id?locale= — the coverage, what the user may do, the newest 50 entries. */
    async state(ctx: Context) {
      onlyQuery(ctx, 'locale');
      const { ability, user } = session(ctx);
      const documentId = documentIdParam(ctx.params.id);
      const locale = await localeParam(strapi, ctx.query.locale);
      if (!ability.can(`${CM}.read`, LIVE_ENTRY_UID)) refuse('authorization', `needs ${CM}.read on ${LIVE_ENTRY_UID}`, 'You may not read live entries');
      const article = await strapi.db.query(ARTICLE).findOne({ where: { documentId, locale, publishedAt: null }, select: ['title', 'isLive'] });
      if (!article) notFound('documentId', `No article ${documentId} in locale "${locale}"`);
      const editor = isEditor(ability);
      const assigned = editor || (await isAssigned(strapi, documentId, locale, user));
      const rows = (await strapi.db.query(LIVE_ENTRY_UID).findMany({
        where: { coverage: documentId, locale },
        orderBy: [{ postedAt: 'desc' }, { id: 'desc' }],
        limit: LIST_LIMIT,
        populate: { authors: { select: ['name'] }, createdBy: { select: ['id', 'firstname', 'lastname'] } },
      })) as EntryRow[];
      const refusal = liveWriteRefusal({ editor, assigned, mayPin: true, changesPin: false });
      const { can } = checker(ability); // one permission checker for the page, not one per entry
      const mayPost = article.isLive === true && !!can.create() && !refusal;
      ctx.body = {
        data: {
          coverage: { documentId, locale, title: article.title, isLive: article.isLive === true, public: !!(await liveService(strapi).coverage(documentId, locale)) },
          access: {
            mayPost,
            mayPin: mayPin(ability),
            // Why the form is not offered, for the panel to say.
            reason: article.isLive !== true ? 'not-live' : refusal ? 'not-assigned' : mayPost ? null : 'no-permission',
          },
          entries: rows.map((r) => view(r, can, assigned)),
        },
      };
    },

    /** POST /live-desk/coverage/:id/entries?locale= {title?, text, isKeyEvent?, pinned?} — posts an entry, live at once. */
    async create(ctx: Context) {
      onlyQuery(ctx, 'locale');
      const { ability, user } = session(ctx);
      const coverage = documentIdParam(ctx.params.id);
      const locale = await localeParam(strapi, ctx.query.locale);
      const { value, problems } = parseDeskEntry(ctx.request.body, true);
      if (problems.length) invalidFields(problems);
      const { can } = checker(ability);
      if (!can.create()) refuse('authorization', `needs ${CM}.create on ${LIVE_ENTRY_UID}`, 'You may not post live entries');
      const author = await authorProfileOf(strapi, user, locale);
      const written = await documentsOf(strapi, LIVE_ENTRY_UID).create({
        locale,
        data: {
          coverage,
          title: value.title ?? null,
          body: textToBlocks(value.text!),
          isKeyEvent: value.isKeyEvent ?? false,
          ...(value.pinned !== undefined ? { pinned: value.pinned } : {}),
          ...(author ? { authors: [author] } : {}),
          createdBy: user.id,
          updatedBy: user.id,
        },
      });
      ctx.status = 201;
      ctx.body = { data: view(await entryRow(written.documentId, locale), can, true) };
    },

    /** PUT /live-desk/entries/:entryId?locale= — edits (title, text, key event; pinned: editors). */
    async update(ctx: Context) {
      onlyQuery(ctx, 'locale');
      const { ability, user } = session(ctx);
      const documentId = documentIdParam(ctx.params.entryId, 'entryId');
      const locale = await localeParam(strapi, ctx.query.locale);
      const { value, problems } = parseDeskEntry(ctx.request.body, false);
      if (problems.length) invalidFields(problems);
      const row = await entryRow(documentId, locale);
      const { can } = checker(ability);
      if (!can.update(row)) refuse('authorization', 'may edit only your own entries', 'Reporters edit only the entries they posted');
      const data: Record<string, unknown> = { updatedBy: user.id };
      if ('title' in value) data.title = value.title;
      if (value.text !== undefined) data.body = textToBlocks(value.text);
      if (value.isKeyEvent !== undefined) data.isKeyEvent = value.isKeyEvent;
      if (value.pinned !== undefined) data.pinned = value.pinned;
      await documentsOf(strapi, LIVE_ENTRY_UID).update({ documentId, locale, data });
      ctx.body = { data: view(await entryRow(documentId, locale), can, true) };
    },

    /** DELETE /live-desk/entries/:entryId?locale= — deletes (editors); subscribers get a `delete` event. */
    async delete(ctx: Context) {
      onlyQuery(ctx, 'locale');
      const { ability } = session(ctx);
      const documentId = documentIdParam(ctx.params.entryId, 'entryId');
      const locale = await localeParam(strapi, ctx.query.locale);
      const row = await entryRow(documentId, locale);
      if (!checker(ability).can.delete(row)) refuse('authorization', `needs ${CM}.delete on ${LIVE_ENTRY_UID}`, 'Only editors delete live entries');
      await documentsOf(strapi, LIVE_ENTRY_UID).delete({ documentId, locale });
      ctx.body = { data: { documentId, locale, deleted: true } };
    },
  };
};
