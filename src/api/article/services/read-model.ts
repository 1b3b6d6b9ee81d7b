import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { collectKeys, type SchemaLookup } from '../../../lib/cache-keys';
import { documentBody, epochMs, listBody, referencesOf, type ArticleReferences, type Pagination, type Ref, type RefKind } from '../../../lib/read-model';
import { DIGIT_SYSTEMS, type Digits } from '../../../lib/reading-time';
import { schemaOf } from '../../../infra/access';
import { documentsOf, type LooseDocument } from '../../../infra/documents';
import { articleService } from '../../services';
import { presets } from '../populate';

/**
 * The read model (database/migrations/…article-read-model.js): every
 * published article version as anonymous readers get it from REST — the card
 * and the full article, sanitized, with readingTimeLabel, dates and jsonLd, in
 * both digit systems — rendered when it is written, through the same Document
 * Service calls, sanitizer and extras as the REST controllers. A public list is
 * then one indexed query plus string assembly.
 *
 * Kept exact by src/documents/publication.ts: a write that changes a
 * published version re-renders that document's rows in the write's
 * transaction; a change to a section, author, tag, media file, related article
 * or the site marks the rows showing it stale, and stale rows are re-rendered
 * in the background (`refreshStale`). A read that meets a stale row returns
 * null and the caller takes the Strapi path: nothing stale is served.
 */
const UID = 'api::article.article';
const READ = 'article_read';
const REFS = 'article_read_refs';
const BATCH = 50;

interface Rendered {
  documentId: string;
  locale: string;
  slug: string | null;
  firstPublishedMs: number | null;
  publishedMs: number | null;
  card: Record<Digits, string>;
  full: Record<Digits, string>;
  cardKeys: string[];
  fullKeys: string[];
  refs: Ref[];
}

export interface ReadResult {
  /** The REST body, serialized. */
  body: string;
  /** Cache keys of every document it shows. */
  keys: string[];
}

export interface ListRequest extends Pagination {
  locale: string;
  digits: Digits;
  scope?: { kind: 'section' | 'author' | 'tag'; slug: string };
}

const column = (kind: 'card' | 'full', digits: Digits) => `${kind}_${digits}`;

const readModel = ({ strapi }: { strapi: Core.Strapi }) => {
  const lookup: SchemaLookup = (uid) => schemaOf(strapi, uid)?.attributes;
  const knex = (): Knex => strapi.db.connection;
  const isPostgres = () => strapi.db.dialect.client === 'postgres';
  let ready = false;
  let refreshing: Promise<number> | null = null;
  /** A refresh was asked for while one ran: rows it re-marked stale may have been skipped, so run once more. */
  let askedAgain = false;

  /** Renders the published versions of these documents in one locale, as REST gives them to anonymous readers. */
  async function render(documentIds: string[], locale: string): Promise<Rendered[]> {
    if (!documentIds.length) return [];
    const docs = documentsOf(strapi, UID);
    const where = { filters: { documentId: { $in: documentIds } }, locale, status: 'published' };
    const cards = await docs.findMany({ ...where, ...presets.card });
    const fulls = await docs.findMany({ ...where, populate: presets.full.populate });
    const model = strapi.getModel(UID);
    // The public role may read every relation a preset populates (src/bootstrap/public-permissions.ts),
    // so sanitizing without an auth is what an anonymous REST request gets (the parity test proves it).
    const sanitize = (rows: LooseDocument[]) => strapi.contentAPI.sanitize.output(rows, model, {}) as Promise<LooseDocument[]>;
    const [cleanCards, cleanFulls] = [await sanitize(cards), await sanitize(fulls)];
    const articles = articleService(strapi);
    const serialized = async (rows: LooseDocument[]) => {
      const out = new Map<string, Record<Digits, string>>();
      for (const digits of DIGIT_SYSTEMS) {
        const copies = await articles.withExtras(structuredClone(rows), digits);
        for (const row of copies) {
          const entry = out.get(row.documentId) ?? ({} as Record<Digits, string>);
          entry[digits] = JSON.stringify(row);
          out.set(row.documentId, entry);
        }
      }
      return out;
    };
    const [cardJson, fullJson] = [await serialized(cleanCards), await serialized(cleanFulls)];
    const cardById = new Map(cleanCards.map((c) => [c.documentId, c]));
    const keysOf = (doc: unknown) => [...collectKeys({ data: doc }, UID, lookup)];
    return fulls.flatMap((full) => {
      const cleanFull = cleanFulls.find((c) => c.documentId === full.documentId);
      const card = cardById.get(full.documentId);
      if (!card || !cleanFull) return [];
      return [
        {
          documentId: full.documentId,
          locale,
          slug: typeof full.slug === 'string' ? full.slug : null,
          firstPublishedMs: epochMs(full.firstPublishedAt),
          publishedMs: epochMs(full.publishedAt),
          card: cardJson.get(full.documentId)!,
          full: fullJson.get(full.documentId)!,
          cardKeys: keysOf(card),
          fullKeys: keysOf(cleanFull),
          refs: referencesOf(full as ArticleReferences),
        },
      ];
    });
  }

  const rowOf = (r: Rendered) => ({
    document_id: r.documentId,
    locale: r.locale,
    slug: r.slug,
    first_published_ms: r.firstPublishedMs,
    published_ms: r.publishedMs,
    card_latn: r.card.latn,
    card_arab: r.card.arab,
    full_latn: r.full.latn,
    full_arab: r.full.arab,
    card_keys: r.cardKeys.join(' '),
    full_keys: r.fullKeys.join(' '),
    stale: 0,
  });
  const refRowsOf = (r: Rendered) =>
    r.refs.map((ref) => ({
      document_id: r.documentId,
      locale: r.locale,
      kind: ref.kind,
      ref: ref.ref,
      slug: ref.slug,
      first_published_ms: r.firstPublishedMs,
      published_ms: r.publishedMs,
    }));

  /** Replaces one version's rows (in the caller's transaction). */
  async function write(trx: Knex, r: Rendered): Promise<void> {
    await trx(REFS).where({ document_id: r.documentId, locale: r.locale }).del();
    await trx(READ).where({ document_id: r.documentId, locale: r.locale }).del();
    await trx(READ).insert(rowOf(r));
    const refs = refRowsOf(r);
    if (refs.length) await trx(REFS).insert(refs);
  }

  async function remove(trx: Knex, documentId: string, locale: string): Promise<void> {
    await trx(REFS).where({ document_id: documentId, locale }).del();
    await trx(READ).where({ document_id: documentId, locale }).del();
  }

  /**
   * Renders and stores versions of one locale outside a write (refresh,
   * reconcile), a batch per transaction that first locks the articles'
   * published rows and its own rows (PostgreSQL; SQLite has one writer): an unpublish committed
   * meanwhile wins, and a row marked stale again meanwhile stays stale (its
   * `stale` must still be the value read; `null`: the row must still be absent).
   * Returns how many rows it wrote.
   */
  async function store(locale: string, wanted: Array<{ documentId: string; stale: number | null }>): Promise<number> {
    if (!wanted.length) return 0;
    return strapi.db.transaction(async ({ trx }) => {
      const t = trx as Knex;
      const ids = wanted.map((w) => w.documentId);
      let publishedQuery = t('articles').where({ locale }).whereIn('document_id', ids).whereNotNull('published_at').select('document_id');
      if (isPostgres()) publishedQuery = publishedQuery.forUpdate();
      const published = new Set((await publishedQuery).map((r: { document_id: string }) => r.document_id));
      // Locked too (PostgreSQL): a write that marks one of these rows stale while this renders (an author
      // renamed) waits for this commit and then marks the stored row stale; unlocked, this would overwrite
      // its mark with a row rendered from the old name, served as fresh.
      let currentQuery = t(READ).where({ locale }).whereIn('document_id', ids).select('document_id', 'stale');
      if (isPostgres()) currentQuery = currentQuery.forUpdate();
      const current = new Map<string, number>(
        (await currentQuery).map((r: { document_id: string; stale: unknown }) => [r.document_id, Number(r.stale)]),
      );
      for (const id of ids.filter((id) => !published.has(id))) await remove(t, id, locale);
      const eligible = wanted.filter((w) => published.has(w.documentId) && (w.stale === null ? !current.has(w.documentId) : current.get(w.documentId) === w.stale));
      const rendered = await render(eligible.map((w) => w.documentId), locale);
      for (const r of rendered) await write(t, r);
      return rendered.length;
    });
  }

  /** Groups (document, locale) pairs by locale, in batches. */
  async function storeAll(rows: Array<{ document_id: string; locale: string; stale: number | null }>): Promise<number> {
    const byLocale = new Map<string, Array<{ documentId: string; stale: number | null }>>();
    for (const r of rows) {
      if (!byLocale.has(r.locale)) byLocale.set(r.locale, []);
      byLocale.get(r.locale)!.push({ documentId: r.document_id, stale: r.stale });
    }
    let done = 0;
    for (const [locale, list] of byLocale) for (let i = 0; i < list.length; i += BATCH) done += await store(locale, list.slice(i, i + BATCH));
    return done;
  }

  async function page(request: ListRequest, withTotal: boolean): Promise<{ items: string[]; keys: string[]; total?: number } | null> {
    if (!ready) return null;
    const k = knex();
    const offset = (request.page - 1) * request.pageSize;
    const json = column('card', request.digits);
    const newestFirst = (prefix: string) => [
      { column: `${prefix}first_published_ms`, order: 'desc' },
      { column: `${prefix}published_ms`, order: 'desc' },
    ];
    let rowsQuery: Knex.QueryBuilder;
    let countQuery: Knex.QueryBuilder;
    if (!request.scope) {
      rowsQuery = k(READ).where({ locale: request.locale }).orderBy(newestFirst('')).select({ json, keys: 'card_keys', stale: 'stale' });
      countQuery = k(READ).where({ locale: request.locale }).count({ n: '*' });
    } else {
      const where = { 't.kind': request.scope.kind, 't.slug': request.scope.slug, 't.locale': request.locale };
      rowsQuery = k(`${REFS} as t`)
        .join(`${READ} as r`, (j) => j.on('r.document_id', 't.document_id').andOn('r.locale', 't.locale'))
        .where(where)
        .orderBy(newestFirst('t.'))
        .select({ json: `r.${json}`, keys: 'r.card_keys', stale: 'r.stale' });
      countQuery = k(`${REFS} as t`).where(where).count({ n: '*' });
    }
    const [rows, counted] = (await Promise.all([rowsQuery.limit(request.pageSize).offset(offset), withTotal ? countQuery : []])) as [
      Array<{ json: string; keys: string; stale: number }>,
      Array<{ n?: unknown }>,
    ];
    if (rows.some((r) => Number(r.stale) > 0)) return null;
    return { items: rows.map((r) => r.json), keys: rows.flatMap((r) => r.keys.split(' ')), total: withTotal ? Number(counted[0]?.n ?? 0) : undefined };
  }

  async function version(by: { documentId: string } | { slug: string }, locale: string, digits: Digits, fallback?: string) {
    if (!ready) return null;
    const json = column('full', digits);
    type Row = { json: string; keys: string; stale: number; locale: string; documentId: string };
    const find = (where: Record<string, string>): Promise<Row | undefined> =>
      knex()(READ).where(where).first({ json, keys: 'full_keys', stale: 'stale', locale: 'locale', documentId: 'document_id' });
    const key: Record<string, string> = 'documentId' in by ? { document_id: by.documentId } : { slug: by.slug };
    let row = await find({ ...key, locale });
    if (!row && fallback && fallback !== locale) {
      const other = await find({ ...key, locale: fallback });
      // By slug, the fallback version names the document; its requested-locale version wins when it exists.
      row = other && 'slug' in by ? ((await find({ document_id: other.documentId, locale })) ?? other) : other;
    }
    return row && Number(row.stale) === 0 ? row : null;
  }

  /** Published versions without a read-model row. */
  const missingQuery = () => {
    const k = knex();
    return k('articles as a')
      .whereNotNull('a.published_at')
      .whereNotExists(k(READ).select(k.raw('1')).whereRaw('?? = ?? and ?? = ??', [`${READ}.document_id`, 'a.document_id', `${READ}.locale`, 'a.locale']));
  };

  return {
    async missingCount(): Promise<number> {
      const [row] = await missingQuery().count({ n: '*' });
      return Number(row?.n ?? 0);
    },

    /** True once this node has checked the read model covers every published version (reconcile). */
    isReady: () => ready,

    /**
     * Re-renders the published versions of one document in these locales and
     * drops the rows of locales no longer published. Called by
     * src/documents/publication.ts inside the write's transaction.
     */
    async sync(documentId: string, locales: string[]): Promise<void> {
      await strapi.db.transaction(async ({ trx }) => {
        for (const locale of locales) {
          const [rendered] = await render([documentId], locale);
          if (rendered) await write(trx as Knex, rendered);
          else await remove(trx as Knex, documentId, locale);
        }
      });
    },

    /** Marks stale every row showing one of these records (in the caller's transaction); returns those rows. */
    async markStale(kind: RefKind, refs: string[], locale?: string): Promise<Array<{ documentId: string; locale: string; scopes: Ref[] }>> {
      if (!refs.length) return [];
      return strapi.db.transaction(async ({ trx }) => {
        const t = trx as Knex;
        const hits: Array<{ document_id: string; locale: string }> = await t(REFS)
          .distinct('document_id', 'locale')
          .where({ kind })
          .whereIn('ref', refs)
          .modify((q) => (locale ? q.where({ locale }) : q));
        if (!hits.length) return [];
        for (let i = 0; i < hits.length; i += 200) {
          const chunk = hits.slice(i, i + 200);
          await t(READ)
            .where((q) => {
              for (const h of chunk) q.orWhere({ document_id: h.document_id, locale: h.locale });
            })
            .increment('stale', 1);
        }
        const scopes: Array<{ document_id: string; locale: string; kind: RefKind; ref: string; slug: string | null }> = await t(REFS)
          .select('document_id', 'locale', 'kind', 'ref', 'slug')
          .whereIn('kind', ['section', 'author', 'tag'])
          .whereIn('document_id', [...new Set(hits.map((h) => h.document_id))]);
        return hits.map((h) => ({
          documentId: h.document_id,
          locale: h.locale,
          scopes: scopes.filter((s) => s.document_id === h.document_id && s.locale === h.locale),
        }));
      });
    },

    /** Re-renders every row and fills in missing ones (after writes made around the Document Service: `npm run read-model:rebuild`). */
    async rebuild(): Promise<{ added: number; removed: number; refreshed: number }> {
      await this.markAllStale();
      const { added, removed } = await this.reconcile();
      return { added, removed, refreshed: await this.refreshStale() };
    },

    /** Marks every row stale (the site settings, which every JSON-LD shows, changed). */
    async markAllStale(): Promise<void> {
      await strapi.db.transaction(async ({ trx }) => {
        await (trx as Knex)(READ).increment('stale', 1);
      });
    },

    /**
     * Re-renders stale rows, a batch at a time, until none is left. One run
     * at a time per process; a call while one runs joins it.
     */
    refreshStale(): Promise<number> {
      if (refreshing) {
        askedAgain = true;
        return refreshing;
      }
      refreshing = (async () => {
        let done = 0;
        try {
          for (;;) {
            const rows: Array<{ document_id: string; locale: string; stale: number }> = await knex()(READ)
              .where('stale', '>', 0)
              .limit(BATCH)
              .select('document_id', 'locale', 'stale');
            const progressed = rows.length ? await storeAll(rows.map((r) => ({ ...r, stale: Number(r.stale) }))) : 0;
            done += progressed;
            // Nothing (more) to do: unless a caller joined this run meanwhile — its write committed after this
            // run's last read, and no other run follows it — go round once more; else the next write kicks one.
            if (!progressed) {
              if (!askedAgain) return done;
              askedAgain = false;
            }
          }
        } finally {
          refreshing = null;
        }
      })();
      askedAgain = false;
      return refreshing;
    },

    /** Resolves when no refresh is running (shutdown waits for it before closing the database). */
    async idle(): Promise<void> {
      await refreshing?.catch(() => undefined);
    },

    /**
     * Makes the read model cover exactly the published versions (rows missing
     * after a migration, a bulk import or a restore are rendered; rows without
     * a published version removed), then marks this node ready.
     */
    async reconcile(): Promise<{ added: number; removed: number }> {
      const k = knex();
      const missing: Array<{ document_id: string; locale: string }> = await missingQuery().distinct('a.document_id', 'a.locale');
      const orphans: Array<{ document_id: string; locale: string }> = await k(`${READ} as r`)
        .select('r.document_id', 'r.locale')
        .whereNotExists(
          k('articles').select(k.raw('1')).whereNotNull('published_at').whereRaw('?? = ?? and ?? = ??', ['articles.document_id', 'r.document_id', 'articles.locale', 'r.locale']),
        );
      for (const o of orphans) await strapi.db.transaction(({ trx }) => remove(trx as Knex, o.document_id, o.locale));
      const added = await storeAll(missing.map((m) => ({ ...m, stale: null })));
      ready = true;
      return { added, removed: orphans.length };
    },

    /** A page of the newest published cards of a locale, optionally of one section/author/tag, as a REST body; null: take the Strapi path. */
    async list(request: ListRequest): Promise<ReadResult | null> {
      const found = await page(request, true);
      return found && { body: listBody(found.items, request, found.total!), keys: found.keys };
    },

    /** The same page's cards as JSON texts, without the count (GraphQL lists carry none). */
    async listItems(request: ListRequest): Promise<string[] | null> {
      return (await page(request, false))?.items ?? null;
    },

    /**
     * One published version in full, by documentId or slug, in `locale` or
     * else (with `fallback`) in the fallback locale — the rules of the REST
     * findOne/findBySlug. null: absent or stale, take the Strapi path (which
     * also gives absent documents their 404).
     */
    async one(by: { documentId: string } | { slug: string }, locale: string, digits: Digits, fallback?: string): Promise<(ReadResult & { locale: string }) | null> {
      const row = await version(by, locale, digits, fallback);
      if (!row) return null;
      const meta = fallback ? { requestedLocale: locale, servedLocale: row.locale } : {};
      return { body: documentBody(row.json, meta), keys: row.keys.split(' '), locale: row.locale };
    },

    /** The same version as a JSON text. */
    async oneItem(by: { documentId: string } | { slug: string }, locale: string, digits: Digits, fallback?: string): Promise<string | null> {
      return (await version(by, locale, digits, fallback))?.json ?? null;
    },

    /** Published cards by documentId in one locale, parsed (search results, GraphQL); missing or stale ones are absent. */
    async cards(documentIds: string[], locale: string, digits: Digits): Promise<Map<string, Record<string, unknown>>> {
      const out = new Map<string, Record<string, unknown>>();
      if (!ready || !documentIds.length) return out;
      const rows: Array<{ document_id: string; json: string; stale: number }> = await knex()(READ)
        .where({ locale })
        .whereIn('document_id', documentIds)
        .select({ document_id: 'document_id', json: column('card', digits), stale: 'stale' });
      for (const r of rows) if (Number(r.stale) === 0) out.set(r.document_id, JSON.parse(r.json));
      return out;
    },
  };
};

export type ReadModelService = ReturnType<typeof readModel>;
export default readModel;
