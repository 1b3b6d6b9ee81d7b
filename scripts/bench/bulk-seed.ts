/**
 * Bulk seeder for benchmarks: writes articles straight into the tables Strapi 5
 * created, in the exact shape the Document Service produces (checked against a
 * database filled through `strapi.documents()`):
 *
 * - every published article is TWO `articles` rows with the same document_id:
 *   the draft (published_at NULL) and the published version;
 * - relations of a draft row point at draft rows of D&P targets, those of the
 *   published row at published rows (sections/authors/tags have no D&P: one row);
 * - link tables carry `<target>_ord` (order inside the article) and
 *   `article_ord` (order of the article inside the target's inverse list);
 * - components: a row in the component table + `articles_cmps`
 *   (entity_id, cmp_id, component_type, field, order — NULL for single components);
 * - media: `files` rows shared by many figures through `files_related_mph`.
 *
 * Rows get explicit ids (max(id)+1…, sequences reset afterwards on PostgreSQL)
 * and go in as multi-row INSERTs, one transaction per batch of documents.
 */
import type { Knex } from 'knex';
import { createId } from '@paralleldrive/cuid2';
import { slugify } from '../../src/lib/slug';
import {
  authorNames, between, body, DATELINES, excerpt, loadTextBank, pick, rng, sample, SECTION_NAMES, SOURCES, tagNames, title,
  type Random, type TextBank,
} from './text-bank';

/** Where titles, excerpts and bodies come from (default: the text bank). */
export interface ArticleText {
  title(random: Random): string;
  excerpt(random: Random): string;
  body(random: Random): Array<{ type: 'paragraph'; children: Array<{ type: 'text'; text: string }> }>;
}

export function textBankSource(bank: TextBank = loadTextBank()): ArticleText {
  return {
    title: (random) => title(random, bank),
    excerpt: (random) => excerpt(random, bank),
    body: (random) => body(random, bank),
  };
}

export interface BulkSeedOptions {
  articles: number;
  text?: ArticleText;
  locale?: string;
  sections?: number;
  authors?: number;
  tags?: number;
  /** Documents per transaction. */
  batchSize?: number;
  seed?: number;
  /** The newest article's publication time; older ones are spaced 7 minutes apart. */
  now?: Date;
  onProgress?: (done: number, total: number) => void;
}

export interface BulkSeedResult {
  articles: number;
  rows: number;
  /** A few published slugs, newest first (for by-slug scenarios). */
  sampleSlugs: string[];
}

type Row = Record<string, unknown>;
type StrapiLike = { db: { connection: Knex } };

const ARTICLE_SPACING_MS = 7 * 60_000;
const IMAGE_COUNT = 8;

const isStrapi = (target: unknown): target is StrapiLike =>
  typeof target === 'object' && target !== null && 'db' in target && !!(target as StrapiLike).db?.connection;

export const knexOf = (target: StrapiLike | Knex): Knex => (isStrapi(target) ? target.db.connection : target);

/** Hands out ids above the table's current maximum. */
class Ids {
  private next = new Map<string, number>();
  constructor(private knex: Knex) {}
  async init(tables: string[]) {
    for (const table of tables) {
      const row = await this.knex(table).max({ max: 'id' }).first();
      this.next.set(table, Number(row?.max ?? 0) + 1);
    }
  }
  take(table: string): number {
    const id = this.next.get(table)!;
    this.next.set(table, id + 1);
    return id;
  }
}

/** Slugs unique within the run: a numeric suffix on collision, as Strapi's uid service does. */
class SlugSet {
  private seen = new Set<string>();
  constructor(existing: string[] = []) {
    existing.forEach((s) => this.seen.add(s));
  }
  unique(text: string): string {
    const base = slugify(text) || 'article';
    let slug = base;
    for (let n = 1; this.seen.has(slug); n++) slug = `${base}-${n}`;
    this.seen.add(slug);
    return slug;
  }
}

/** Per-target counters for `article_ord` on link tables. */
class Ord {
  private counters = new Map<number, number>();
  next(targetId: number): number {
    const n = (this.counters.get(targetId) ?? 0) + 1;
    this.counters.set(targetId, n);
    return n;
  }
}

const TABLES = [
  'files', 'files_related_mph', 'sections', 'authors', 'tags', 'articles', 'articles_section_lnk', 'articles_authors_lnk',
  'articles_tags_lnk', 'articles_cmps', 'components_media_figures', 'components_content_related_links',
  'components_content_related_links_article_lnk',
];

/**
 * Multi-row INSERTs within the engines' limits: SQLite binds ≤ 32,766 parameters
 * and knex writes a SQLite multi-row insert as a compound SELECT (≤ 500 terms).
 */
async function insertAll(trx: Knex.Transaction, table: string, rows: Row[]) {
  if (!rows.length) return;
  const columns = Object.keys(rows[0]).length;
  const chunk = Math.max(1, Math.min(500, Math.floor(30_000 / columns)));
  for (let i = 0; i < rows.length; i += chunk) await trx(table).insert(rows.slice(i, i + chunk));
}

class Batch {
  tables = new Map<string, Row[]>();
  add(table: string, row: Row) {
    let rows = this.tables.get(table);
    if (!rows) this.tables.set(table, (rows = []));
    rows.push(row);
  }
  get size() {
    let n = 0;
    for (const rows of this.tables.values()) n += rows.length;
    return n;
  }
  async write(knex: Knex) {
    // Parents before link rows, so foreign keys hold inside the transaction.
    await knex.transaction(async (trx) => {
      for (const table of TABLES) await insertAll(trx, table, this.tables.get(table) ?? []);
    });
  }
}

interface Target {
  id: number;
}
interface ArticleRef {
  draftId: number;
  publishedId: number;
  title: string;
}

/** Up to `count` distinct articles among the 2,000 most recent ones (related stories are recent). */
function recent(random: Random, created: ArticleRef[], count: number): ArticleRef[] {
  const window = Math.min(created.length, 2000);
  const chosen = new Set<number>();
  while (chosen.size < Math.min(count, window)) chosen.add(created.length - 1 - Math.floor(random() * window));
  return [...chosen].map((i) => created[i]);
}

export async function bulkSeed(target: StrapiLike | Knex, options: BulkSeedOptions): Promise<BulkSeedResult> {
  const knex = knexOf(target);
  const locale = options.locale ?? 'ar';
  const total = options.articles;
  const batchSize = options.batchSize ?? 500;
  const random: Random = rng(options.seed ?? 2470);
  const bank = loadTextBank();
  const text = options.text ?? textBankSource(bank);
  const now = options.now ?? new Date();
  const ids = new Ids(knex);
  await ids.init(TABLES);
  const existingSlugs = (await knex('articles').where({ locale }).select('slug')).map((r: Row) => String(r.slug));
  const articleSlugs = new SlugSet(existingSlugs);
  let rows = 0;

  // Reference data: images, sections, authors, tags — one transaction.
  const refs = new Batch();
  const stamp = { created_at: now, updated_at: now, published_at: now, locale };
  const images: Target[] = [];
  for (let i = 1; i <= IMAGE_COUNT; i++) {
    const id = ids.take('files');
    const hash = `bench_cover_${i}_${createId().slice(0, 8)}`;
    refs.add('files', {
      id, document_id: createId(), name: `cover-${i}.jpg`, alternative_text: `صورة توضيحية ${i}`, caption: null,
      width: 1600, height: 900, hash, ext: '.jpg', mime: 'image/jpeg', size: 182.4, url: `/uploads/${hash}.jpg`,
      provider: 'local', created_at: now, updated_at: now, published_at: now, locale: null,
      formats: JSON.stringify({
        thumbnail: { name: `thumbnail_cover-${i}.jpg`, hash: `thumbnail_${hash}`, ext: '.jpg', mime: 'image/jpeg', width: 245, height: 138, size: 8.1, url: `/uploads/thumbnail_${hash}.jpg` },
        small: { name: `small_cover-${i}.jpg`, hash: `small_${hash}`, ext: '.jpg', mime: 'image/jpeg', width: 500, height: 281, size: 27.5, url: `/uploads/small_${hash}.jpg` },
      }),
    });
    images.push({ id });
  }
  const sectionSlugs = new SlugSet((await knex('sections').select('slug')).map((r: Row) => String(r.slug)));
  const sections: Target[] = SECTION_NAMES.slice(0, options.sections ?? 5).map((name, i) => {
    const id = ids.take('sections');
    refs.add('sections', { id, document_id: createId(), name, slug: sectionSlugs.unique(name), description: `أخبار ${name}`, position: 100 + i, ...stamp });
    return { id };
  });
  const authorSlugs = new SlugSet((await knex('authors').select('slug')).map((r: Row) => String(r.slug)));
  const authors: Target[] = authorNames(options.authors ?? 50).map(({ name, jobTitle }, i) => {
    const id = ids.take('authors');
    refs.add('authors', { id, document_id: createId(), name, slug: authorSlugs.unique(name), job_title: jobTitle, bio: `${jobTitle} في خليجي 247.`, email: `bench.author${i}@khaleeji247.example`, ...stamp });
    refs.add('files_related_mph', { id: ids.take('files_related_mph'), file_id: pick(random, images).id, related_id: id, related_type: 'api::author.author', field: 'avatar', order: 1 });
    return { id };
  });
  const tagSlugs = new SlugSet((await knex('tags').select('slug')).map((r: Row) => String(r.slug)));
  const tags: Target[] = tagNames(bank, options.tags ?? 500).map((name) => {
    const id = ids.take('tags');
    refs.add('tags', { id, document_id: createId(), name, slug: tagSlugs.unique(name), ...stamp });
    return { id };
  });
  rows += refs.size;
  await refs.write(knex);

  const ords = { section: new Ord(), author: new Ord(), tag: new Ord(), related: new Ord() };
  const created: ArticleRef[] = [];
  const sampleSlugs: string[] = [];
  options.onProgress?.(0, total);

  for (let start = 0; start < total; start += batchSize) {
    const batch = new Batch();
    const end = Math.min(total, start + batchSize);
    for (let n = start; n < end; n++) {
      const headline = text.title(random);
      const slug = articleSlugs.unique(headline);
      const published = new Date(now.getTime() - (total - 1 - n) * ARTICLE_SPACING_MS);
      const documentId = createId();
      const shared = {
        document_id: documentId, title: headline, slug, excerpt: text.excerpt(random), body: JSON.stringify(text.body(random)),
        dateline: pick(random, DATELINES), source: pick(random, SOURCES), is_breaking: random() < 0.03,
        created_at: new Date(published.getTime() - 3_600_000), updated_at: published, first_published_at: published, locale,
      };
      const section = pick(random, sections);
      const byline = sample(random, authors, random() < 0.2 ? 2 : 1);
      const labels = sample(random, tags, between(random, 3, 5));
      const cover = { image: pick(random, images), caption: pick(random, bank.clauses), credit: pick(random, SOURCES) };
      const related = recent(random, created, between(random, 1, 3));
      const ref: ArticleRef = { draftId: ids.take('articles'), publishedId: ids.take('articles'), title: headline };

      for (const isPublished of [false, true]) {
        const id = isPublished ? ref.publishedId : ref.draftId;
        batch.add('articles', { id, ...shared, published_at: isPublished ? published : null });
        batch.add('articles_section_lnk', { id: ids.take('articles_section_lnk'), article_id: id, section_id: section.id, article_ord: ords.section.next(section.id) });
        byline.forEach((a, i) =>
          batch.add('articles_authors_lnk', { id: ids.take('articles_authors_lnk'), article_id: id, author_id: a.id, author_ord: i + 1, article_ord: ords.author.next(a.id) }),
        );
        labels.forEach((t, i) =>
          batch.add('articles_tags_lnk', { id: ids.take('articles_tags_lnk'), article_id: id, tag_id: t.id, tag_ord: i + 1, article_ord: ords.tag.next(t.id) }),
        );

        const figureId = ids.take('components_media_figures');
        batch.add('components_media_figures', { id: figureId, caption: cover.caption, credit: cover.credit, alt: shared.title });
        batch.add('files_related_mph', { id: ids.take('files_related_mph'), file_id: cover.image.id, related_id: figureId, related_type: 'media.figure', field: 'image', order: 1 });
        batch.add('articles_cmps', { id: ids.take('articles_cmps'), entity_id: id, cmp_id: figureId, component_type: 'media.figure', field: 'cover', order: null });

        const links: Array<{ label: string; url: string | null; article?: number }> = related.map((r) => ({
          label: r.title, url: null, article: isPublished ? r.publishedId : r.draftId,
        }));
        if (random() < 0.3) links.push({ label: 'الموقع الرسمي لمجلس التعاون', url: 'https://www.gcc-sg.org/', article: undefined });
        links.forEach((link, i) => {
          const linkId = ids.take('components_content_related_links');
          batch.add('components_content_related_links', { id: linkId, label: link.label, url: link.url });
          batch.add('articles_cmps', { id: ids.take('articles_cmps'), entity_id: id, cmp_id: linkId, component_type: 'content.related-link', field: 'relatedLinks', order: i + 1 });
          if (link.article !== undefined) {
            batch.add('components_content_related_links_article_lnk', { id: ids.take('components_content_related_links_article_lnk'), related_link_id: linkId, article_id: link.article });
          }
        });
      }
      created.push(ref);
      if (n >= total - 5) sampleSlugs.unshift(slug);
    }
    rows += batch.size;
    await batch.write(knex);
    options.onProgress?.(end, total);
  }

  if (/^(pg|postgres)/.test(String(knex.client.config.client))) {
    for (const table of TABLES) {
      await knex.raw(`SELECT setval(pg_get_serial_sequence(?, 'id'), GREATEST((SELECT MAX(id) FROM ??), 1))`, [table, table]);
      // Fresh statistics, as autovacuum would gather on a live database: plans then match production.
      await knex.raw('ANALYZE ??', [table]);
    }
  }
  return { articles: total, rows, sampleSlugs };
}
