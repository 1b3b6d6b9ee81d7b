import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { articleUrl } from '../../../lib/article-url';
import { DEFAULT_BASE_URL, stableId, type FeedNotice } from '../../../lib/feed-item';
import {
  eventTypeOf,
  statusOfEvent,
  takedownStatus,
  type EventType,
  type PubStatus,
  type Takedown,
} from '../../../lib/syndication';
import type { ArticleFilters } from '../../article/query';
import { siteService } from '../../services';

const TABLE = 'syndication_versions';

/** A published locale version as the publication middleware reads it around a write. */
export interface SyndicatedVersion {
  locale: string;
  title?: string | null;
  slug?: string | null;
  firstPublishedAt?: string | Date | null;
  section?: { slug?: string | null } | null;
  authors?: Array<{ slug?: string | null }> | null;
  tags?: Array<{ slug?: string | null }> | null;
  corrections?: unknown[] | null;
}

interface Scopes {
  section: string | null;
  authors: string[];
  tags: string[];
}

/** One public change of one locale version: what the outbox sends and the feeds' notices show. */
export interface SyndicationChange {
  type: EventType;
  documentId: string;
  locale: string;
  uri: string;
  url: string;
  version: number;
  pubstatus: PubStatus;
  reason?: string;
  /** Only while the story is usable: a notice never repeats the headline. */
  headline?: string;
  firstcreated?: string;
  versioncreated: string;
  /** Sections the story was or is in (for subscriptions). */
  sections: string[];
}

interface Row {
  document_id: string;
  locale: string;
  version: unknown;
  status: PubStatus;
  reason: string | null;
  url: string | null;
  scopes: string | null;
  first_created_ms: unknown;
  changed_ms: unknown;
}

const slugs = (list: Array<{ slug?: string | null }> | null | undefined) => (list ?? []).map((x) => x?.slug).filter((s): s is string => !!s);
const scopesOf = (v: SyndicatedVersion): Scopes => ({ section: v.section?.slug ?? null, authors: slugs(v.authors), tags: slugs(v.tags) });
const toMs = (d: string | Date | null | undefined): number | null => {
  if (!d) return null;
  const t = new Date(d).getTime();
  return Number.isNaN(t) ? null : t;
};
const parseScopes = (text: string | null): Scopes => {
  try {
    const s = JSON.parse(text ?? '{}');
    return { section: typeof s.section === 'string' ? s.section : null, authors: Array.isArray(s.authors) ? s.authors : [], tags: Array.isArray(s.tags) ? s.tags : [] };
  } catch {
    return { section: null, authors: [], tags: [] };
  }
};
const inScope = (scopes: Scopes, filters: ArticleFilters): boolean =>
  (!filters.section || scopes.section === filters.section) &&
  (!filters.author || scopes.authors.includes(filters.author)) &&
  (!filters.tag || scopes.tags.includes(filters.tag));

/**
 * The syndication state of every article locale that was ever public
 * (`syndication_versions`, database/migrations/…partner-syndication.js): its
 * version, its ninjs pubstatus and, once taken down, the notice partners get
 * for `syndication.notices.retentionDays`. Written by the publication
 * Document Service middleware in the write's transaction, so REST, GraphQL,
 * the admin and the scheduler all produce it.
 */
const notices = ({ strapi }: { strapi: Core.Strapi }) => {
  const retentionMs = () => Number(strapi.config.get('syndication.notices.retentionDays') ?? 7) * 86_400_000;
  const knex = (): Knex => strapi.db.connection;

  return {
    /**
     * Records the changed locales of one write (in the caller's transaction)
     * and returns one change per locale for the outbox.
     */
    async record(
      documentId: string,
      action: string,
      locales: string[],
      before: SyndicatedVersion[],
      after: SyndicatedVersion[],
      takedown: Takedown | undefined,
      now = new Date(),
    ): Promise<SyndicationChange[]> {
      if (!locales.length) return [];
      return strapi.db.transaction(async ({ trx }) => {
        const db = trx as Knex;
        const existing: Row[] = await db(TABLE).where({ document_id: documentId }).whereIn('locale', locales);
        const changes: SyndicationChange[] = [];
        for (const locale of locales) {
          const was = before.find((v) => v.locale === locale);
          const is = after.find((v) => v.locale === locale);
          const type = eventTypeOf(action, was && { corrections: was.corrections?.length ?? 0 }, is && { corrections: is.corrections?.length ?? 0 }, takedown);
          if (!type) continue;
          const row = existing.find((r) => r.locale === locale);
          const shown = (is ?? was)!;
          const scopes = scopesOf(shown);
          const { baseUrl } = await siteService(strapi).settings(locale);
          const url = articleUrl({ baseUrl: baseUrl || DEFAULT_BASE_URL, locale, sectionSlug: scopes.section, slug: shown.slug || documentId });
          const pubstatus = is ? 'usable' : takedownStatus(action, takedown);
          const reason = is ? null : (takedown?.reason ?? null);
          const version = Number(row?.version ?? 0) + 1;
          const firstCreated = toMs(shown.firstPublishedAt) ?? (row?.first_created_ms != null ? Number(row.first_created_ms) : null);
          const values = { version, status: pubstatus, reason, url, scopes: JSON.stringify(scopes), first_created_ms: firstCreated, changed_ms: now.getTime() };
          if (row) await db(TABLE).where({ document_id: documentId, locale }).update(values);
          else await db(TABLE).insert({ document_id: documentId, locale, ...values });
          const sections = [...new Set([was?.section?.slug, is?.section?.slug].filter((s): s is string => !!s))];
          changes.push({
            type,
            documentId,
            locale,
            uri: stableId(documentId, locale),
            url,
            version,
            pubstatus: statusOfEvent(type),
            ...(reason ? { reason } : {}),
            ...(is?.title ? { headline: is.title } : {}),
            ...(firstCreated ? { firstcreated: new Date(firstCreated).toISOString() } : {}),
            versioncreated: now.toISOString(),
            sections,
          });
        }
        return changes;
      });
    },

    /** The notices a feed of this locale (and filters) serves now, newest first. */
    async list(locale: string, filters: ArticleFilters = {}, limit = 100, now = new Date()): Promise<FeedNotice[]> {
      const rows: Row[] = await knex()(TABLE)
        .where({ locale })
        .whereIn('status', ['withheld', 'canceled'])
        .where('changed_ms', '>=', now.getTime() - retentionMs())
        .orderBy('changed_ms', 'desc')
        .limit(limit * 4);
      return rows
        .filter((r) => inScope(parseScopes(r.scopes), filters))
        .slice(0, limit)
        .map((r) => ({
          id: stableId(r.document_id, r.locale),
          url: r.url ?? '',
          language: r.locale,
          status: r.status as FeedNotice['status'],
          ...(r.reason ? { reason: r.reason } : {}),
          version: Number(r.version),
          changed: new Date(Number(r.changed_ms)),
          ...(r.first_created_ms != null ? { firstCreated: new Date(Number(r.first_created_ms)) } : {}),
        }));
    },

    /** The current version of each (documentId, locale) shown; absent ones are version 1 (published before versions were kept). */
    async versions(pairs: Array<{ documentId: string; locale: string }>): Promise<Map<string, number>> {
      const map = new Map<string, number>();
      if (!pairs.length) return map;
      const rows: Row[] = await knex()(TABLE)
        .select('document_id', 'locale', 'version')
        .whereIn('document_id', [...new Set(pairs.map((p) => p.documentId))]);
      for (const r of rows) map.set(`${r.document_id}|${r.locale}`, Number(r.version));
      return map;
    },
  };
};

export type NoticesService = ReturnType<typeof notices>;
export default notices;
