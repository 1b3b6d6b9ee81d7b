import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { parseNewsMl, parseNinjs, parseWireSources, wireDraft, type WireItem, type WireSource } from '../../../lib/wire/items';
import { localeOf } from '../../../lib/wordpress/map';
import { infra } from '../../../infra';
import { importMapService } from '../../services';

/**
 * Agency wire ingest: IPTC ninjs and NewsML-G2 items from the sources of
 * WIRE_SOURCES (a watched folder or a polled URL each) become **drafts** in
 * the «الوكالات» (slug `wire`) section, with `source` = the agency, the
 * dateline, and — private, for editors only — the agency's id, version,
 * status and rights. Keyed by agency + item id in import_map: a new version
 * updates the same draft, an older or repeated one is skipped; a withdrawn or
 * canceled item marks the draft (`wireStatus`) and warns when the story is
 * already published. Nothing is ever published by the ingest: editors
 * publish or rewrite from the admin (filter the list by the section).
 * Every write goes through the Document Service, one transaction per item.
 */
const ARTICLE = 'api::article.article';
const SECTION = 'api::section.section';
export const WIRE_SECTION_SLUG = 'wire';
const WIRE_SECTION_NAME: Record<string, string> = { ar: 'الوكالات', en: 'Wire' };

export type WireAction = 'created' | 'updated' | 'unchanged' | 'withdrawn';
export interface WireOutcome {
  id: string;
  version: number;
  action: WireAction;
  documentId: string | null;
  /** Set when a withdrawn item's story is live: an editor must act. */
  warning?: string;
}
export interface WireRun {
  source: string;
  outcomes: WireOutcome[];
  problems: string[];
}

const PARSERS: Record<WireSource['format'], (text: string) => WireItem[]> = { ninjs: parseNinjs, newsml: parseNewsMl };
const EXTENSIONS: Record<WireSource['format'], RegExp> = { ninjs: /\.json$/i, newsml: /\.xml$/i };

const wire = ({ strapi }: { strapi: Core.Strapi }) => {
  const map = () => importMapService(strapi);
  const lastRun = new Map<string, number>();
  let warned = false;
  let running: Promise<unknown> | null = null;

  async function wireSection(locale: string): Promise<string> {
    const found = await strapi.db.query(SECTION).findOne({ where: { slug: WIRE_SECTION_SLUG, locale }, select: ['documentId'] });
    if (found) return found.documentId;
    const other = await strapi.db.query(SECTION).findOne({ where: { slug: WIRE_SECTION_SLUG }, select: ['documentId'] });
    const data = { name: WIRE_SECTION_NAME[locale] ?? 'Wire', slug: WIRE_SECTION_SLUG, description: 'Agency copy waiting for an editor' };
    const created = other
      ? await strapi.documents(SECTION).update({ documentId: other.documentId, locale, data: data as never })
      : await strapi.documents(SECTION).create({ locale, data: data as never });
    return (created as { documentId: string }).documentId;
  }

  const service = {
    /** The configured sources (WIRE_SOURCES); problems are logged once. */
    sources(): WireSource[] {
      const { sources, problems } = parseWireSources(String(strapi.config.get('newsroom.wire.sources') ?? ''));
      if (problems.length && !warned) {
        warned = true;
        for (const p of problems) strapi.log.warn(`[wire] ${p}: that source is ignored`);
      }
      return sources;
    },

    /** One item of one agency: create, update, skip or mark withdrawn its draft. */
    async ingestItem(agency: string, item: WireItem): Promise<WireOutcome> {
      const locales = await infra(strapi).locales.known();
      const locale = localeOf(item.language, locales, await infra(strapi).locales.defaultLocale());
      const key = { source: `wire:${agency}`, kind: 'item', externalId: item.id, locale };
      return strapi.db.transaction(async () => {
        const row = await map().get(key);
        const exists = row && (await strapi.db.query(ARTICLE).count({ where: { documentId: row.targetId, locale } })) > 0;
        const documentId = exists ? row!.targetId : null;
        const outcome = (action: WireAction, id: string | null, warning?: string): WireOutcome => ({ id: item.id, version: item.version, action, documentId: id, ...(warning ? { warning } : {}) });
        if (row && item.version <= Number(row.version ?? 0)) return outcome('unchanged', documentId);

        if (item.status !== 'usable') {
          let warning: string | undefined;
          if (documentId) {
            await strapi.documents(ARTICLE).update({ documentId, locale, status: 'draft', data: { wireStatus: item.status, wireVersion: item.version } as never });
            const live = await strapi.db.query(ARTICLE).count({ where: { documentId, locale, publishedAt: { $notNull: true } } });
            if (live) {
              warning = `${agency} ${item.status} item ${item.id}, but the story based on it (${documentId}, ${locale}) is published`;
              strapi.log.warn(`[wire] ${warning}`);
            }
          }
          await map().put(key, { targetId: documentId ?? '', version: String(item.version), meta: { status: item.status } });
          return outcome('withdrawn', documentId, warning);
        }

        const data = { ...wireDraft(item, agency), section: await wireSection(locale) };
        let id = documentId;
        if (id) await strapi.documents(ARTICLE).update({ documentId: id, locale, status: 'draft', data: data as never });
        else id = ((await strapi.documents(ARTICLE).create({ locale, status: 'draft', data: data as never })) as { documentId: string }).documentId;
        await map().put(key, { targetId: id, version: String(item.version), meta: { status: item.status, versionCreated: item.versionCreated } });
        return outcome(documentId ? 'updated' : 'created', id);
      });
    },

    /** Parses one delivered document (a file's or a response's text) and ingests its items. */
    async ingestDocument(source: Pick<WireSource, 'name' | 'format'>, text: string, into: WireRun): Promise<void> {
      let items: WireItem[];
      try {
        items = PARSERS[source.format](text);
      } catch (err) {
        into.problems.push((err as Error).message);
        return;
      }
      for (const item of items) {
        try {
          into.outcomes.push(await service.ingestItem(source.name, item));
        } catch (err) {
          into.problems.push(`item ${item.id}: ${(err as Error).message}`);
        }
      }
    },

    /** Reads a source once: the folder's new files (each read once, by name, size and time) or the URL. */
    async poll(source: WireSource): Promise<WireRun> {
      const run: WireRun = { source: source.name, outcomes: [], problems: [] };
      if (/^https?:\/\//i.test(source.location)) {
        try {
          const res = await fetch(source.location, { signal: AbortSignal.timeout(15_000) });
          if (!res.ok) run.problems.push(`${source.location}: HTTP ${res.status}`);
          else await service.ingestDocument(source, await res.text(), run);
        } catch (err) {
          run.problems.push(`${source.location}: ${(err as Error).message}`);
        }
        return run;
      }
      let names: string[];
      try {
        names = (await fs.promises.readdir(source.location)).filter((n) => EXTENSIONS[source.format].test(n)).sort();
      } catch (err) {
        run.problems.push(`${source.location}: ${(err as Error).message}`);
        return run;
      }
      for (const name of names) {
        const file = path.join(source.location, name);
        const stat = await fs.promises.stat(file);
        const key = { source: `wire:${source.name}`, kind: 'file', externalId: `${name}:${stat.size}:${Math.round(stat.mtimeMs)}` };
        if (await map().get(key)) continue;
        const before = run.problems.length;
        await service.ingestDocument(source, await fs.promises.readFile(file, 'utf8'), run);
        for (const p of run.problems.slice(before)) strapi.log.warn(`[wire] ${source.name} ${name}: ${p}`);
        await map().put(key, { targetId: '', meta: { problems: run.problems.length - before } });
      }
      return run;
    },

    /** The cron tick: polls each source whose interval has passed (one tick at a time). */
    async runDue(now = Date.now()): Promise<WireRun[]> {
      if (running) return [];
      const due = service.sources().filter((s) => now - (lastRun.get(s.name) ?? 0) >= s.intervalSeconds * 1000);
      const work = (async () => {
        const runs: WireRun[] = [];
        for (const s of due) {
          lastRun.set(s.name, now);
          const run = await service.poll(s);
          const counts = run.outcomes.reduce<Record<string, number>>((acc, o) => ({ ...acc, [o.action]: (acc[o.action] ?? 0) + 1 }), {});
          if (run.outcomes.some((o) => o.action !== 'unchanged')) strapi.log.info(`[wire] ${s.name}: ${JSON.stringify(counts)}`);
          runs.push(run);
        }
        return runs;
      })();
      running = work;
      try {
        return await work;
      } finally {
        running = null;
      }
    },
  };
  return service;
};

export type WireService = ReturnType<typeof wire>;
export default wire;
