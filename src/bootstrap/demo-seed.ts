import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import type { NewsroomConfig } from '../../config/newsroom';
import { documentsOf } from '../infra/documents';
import { demoContent, type DemoArticle, type DemoArticleLocale, type DemoLocale } from '../seed/demo-content';
import { DEMO_MEDIA_DIR, type DemoMediaCredit, type DemoMediaCredits } from '../seed/demo-media';
import { paragraphsToBlocks, parseLegacyArticle } from '../lib/legacy-article';
import { LIVE_ENTRY_UID } from '../lib/live';

const LOCALES: DemoLocale[] = ['ar', 'en'];
type Ids = Map<string, string>; // demo key → documentId
/** A demo image in the media library and the credit it came with. */
interface DemoImage {
  id: number;
  credit: DemoMediaCredit;
}
type Images = Map<string, DemoImage>; // `article:<key>` / `author:<key>` → image

/** Seeds on an empty development database unless SEED_DEMO=false; SEED_DEMO=true forces it elsewhere. */
export async function seedDemoIfEnabled(strapi: Core.Strapi): Promise<void> {
  const flag = (strapi.config.get('newsroom') as NewsroomConfig).seedDemo;
  const environment = strapi.config.get('environment');
  const enabled = flag === 'true' || (flag !== 'false' && environment === 'development');
  if (!enabled || environment === 'production') return;
  const created = await seedDemo(strapi);
  if (created > 0) strapi.log.info(`[newsroom] Demo content seeded (${created} documents created).`);
}

/**
 * Find-or-create every demo document by its natural key (name/title in the
 * locale), so running it again creates nothing. Returns how many it created.
 */
export async function seedDemo(strapi: Core.Strapi): Promise<number> {
  let created = 0;
  const docs = (uid: string) => documentsOf(strapi, uid);

  /** The documentId of the version whose `field` equals `value` in `locale`, creating it when missing. */
  async function upsert(uid: string, field: string, locale: DemoLocale, data: Record<string, unknown>, documentId?: string, publish = false) {
    const existing = await docs(uid).findFirst({
      locale,
      filters: documentId ? { documentId } : { [field]: data[field] },
      fields: ['documentId'],
      ...(publish ? { status: 'draft' } : {}),
    });
    if (existing) return existing.documentId as string;
    created++;
    const status = publish ? { status: 'published' } : {};
    const doc = documentId
      ? await docs(uid).update({ documentId, locale, data, ...status })
      : await docs(uid).create({ locale, data, ...status });
    return doc!.documentId;
  }

  // Site settings (single type): baseUrl is shared, the rest per locale.
  const site = demoContent.site;
  let siteId: string | undefined;
  for (const locale of LOCALES) {
    siteId = await upsert('api::site.site', 'name', locale, { ...site[locale], baseUrl: site.baseUrl }, siteId);
  }

  const sections: Ids = new Map();
  for (const s of demoContent.sections) {
    let id: string | undefined;
    for (const locale of LOCALES) {
      id = await upsert('api::section.section', 'name', locale, { ...s[locale], position: s.position }, id);
    }
    sections.set(s.key, id!);
  }
  for (const s of demoContent.sections) {
    if (!s.parentKey) continue;
    for (const locale of LOCALES) {
      await docs('api::section.section').update({
        documentId: sections.get(s.key)!, locale, data: { parent: sections.get(s.parentKey) },
      });
    }
  }

  const images = await uploadDemoImages(strapi);
  const authors: Ids = new Map();
  for (const a of demoContent.authors) {
    let id: string | undefined;
    const avatar = images.get(`author:${a.key}`)?.id;
    for (const locale of LOCALES) {
      id = await upsert('api::author.author', 'name', locale, { ...a[locale], email: a.email, socialLinks: a.socialLinks, avatar }, id);
    }
    authors.set(a.key, id!);
  }

  const tags: Ids = new Map();
  for (const t of demoContent.tags) {
    let id: string | undefined;
    for (const locale of LOCALES) id = await upsert('api::tag.tag', 'name', locale, t[locale], id);
    tags.set(t.key, id!);
  }

  // Articles: first every story without related links, then the links (they point at each other).
  const articles: Ids = new Map();
  for (const a of demoContent.articles) {
    let id: string | undefined;
    for (const locale of LOCALES) {
      const version = a[locale];
      if (!version) continue;
      const data = { ...articleData(strapi, a, version, { sections, authors, tags }), cover: coverOf(images.get(`article:${a.key}`), locale) };
      id = await upsert('api::article.article', 'title', locale, data, id, true);
    }
    articles.set(a.key, id!);
  }
  for (const a of demoContent.articles) {
    for (const locale of LOCALES) {
      const version = a[locale];
      if (version) await linkRelated(strapi, a, locale, version, articles);
    }
  }
  await backdate(strapi, articles);
  for (const a of demoContent.articles) if (a.live) created += await seedLiveEntries(strapi, a, articles.get(a.key)!, authors);
  return created;
}

/**
 * The entries of a demo live coverage, oldest first, each with its own postedAt; a locale that already
 * has entries is left alone (so seeding again creates nothing and keeps entries posted since).
 */
async function seedLiveEntries(strapi: Core.Strapi, a: DemoArticle, coverage: string, authors: Ids): Promise<number> {
  let created = 0;
  const now = Date.now();
  for (const locale of LOCALES) {
    const entries = a.live?.[locale];
    if (!entries?.length || !a[locale]) continue;
    if ((await strapi.db.query(LIVE_ENTRY_UID).count({ where: { coverage, locale } })) > 0) continue;
    for (const e of [...entries].sort((x, y) => y.minutesAgo - x.minutesAgo)) {
      await documentsOf(strapi, LIVE_ENTRY_UID).create({
        locale,
        data: {
          coverage,
          postedAt: new Date(now - e.minutesAgo * 60_000).toISOString(),
          title: e.title,
          body: paragraphsToBlocks(e.body),
          pinned: e.pinned ?? false,
          isKeyEvent: e.isKeyEvent ?? false,
          authors: (e.authorKeys ?? a.authorKeys.slice(0, 1)).map((k) => authors.get(k)),
        },
      });
      created++;
    }
  }
  return created;
}

/**
 * The images of data/demo-media (drawn by scripts/demo-images.ts, CC0) in the media library, found by file
 * name or uploaded once (Strapi makes its thumbnail/small/medium/large formats). The library is not
 * localized: a file carries the Arabic alt text and caption; each locale's cover carries its own caption,
 * credit and alt text, and an author's avatar is shared by both locales.
 */
async function uploadDemoImages(strapi: Core.Strapi): Promise<Images> {
  const dir = path.join(strapi.dirs.app.root, DEMO_MEDIA_DIR);
  const credits = JSON.parse(fs.readFileSync(path.join(dir, 'credits.json'), 'utf8')) as DemoMediaCredits;
  const images: Images = new Map();
  for (const [name, credit] of Object.entries(credits.files)) {
    let file = await strapi.db.query('plugin::upload.file').findOne({ where: { name }, select: ['id'] });
    if (!file) {
      const filepath = path.join(dir, name);
      [file] = await strapi.plugin('upload').service('upload').upload({
        data: {
          fileInfo: {
            name,
            alternativeText: credit.alt.ar,
            caption: credit.caption.ar,
            // Strapi stores the focal point in percent.
            focalPoint: { x: Math.round(credit.focalPoint.x * 100), y: Math.round(credit.focalPoint.y * 100) },
          },
        },
        files: { filepath, originalFilename: name, mimetype: 'image/jpeg', size: fs.statSync(filepath).size },
      });
    }
    images.set(`${credit.for.type}:${credit.for.key}`, { id: file.id as number, credit });
  }
  return images;
}

/** The `media.figure` of a cover in one locale: its caption, credit and alt text in that language. */
function coverOf(image: DemoImage | undefined, locale: DemoLocale) {
  if (!image) return undefined;
  return { image: image.id, caption: image.credit.caption[locale], credit: image.credit.credit[locale], alt: image.credit.alt[locale] };
}

function articleData(strapi: Core.Strapi, a: DemoArticle, v: DemoArticleLocale, ids: Record<'sections' | 'authors' | 'tags', Ids>) {
  const paragraphs = v.bodyFromLegacyFile
    ? parseLegacyArticle(fs.readFileSync(path.join(strapi.dirs.app.root, v.bodyFromLegacyFile), 'utf8')).paragraphs
    : v.body ?? [];
  return {
    title: v.title,
    excerpt: v.excerpt,
    dateline: v.dateline,
    source: v.source,
    body: paragraphsToBlocks(paragraphs),
    isBreaking: a.isBreaking,
    ...(a.live ? { isLive: true, coverageStartTime: new Date(Date.now() - a.live.startedMinutesAgo * 60_000).toISOString() } : {}),
    section: ids.sections.get(a.sectionKey),
    authors: a.authorKeys.map((k) => ids.authors.get(k)),
    tags: a.tagKeys.map((k) => ids.tags.get(k)),
  };
}

/** Fills the «أخبار ذات صلة» block once (skipped when the version already has links). */
async function linkRelated(strapi: Core.Strapi, a: DemoArticle, locale: DemoLocale, v: DemoArticleLocale, articles: Ids) {
  const uid = 'api::article.article';
  const documentId = articles.get(a.key)!;
  const draft = await documentsOf(strapi, uid).findOne({ documentId, locale, status: 'draft', populate: ['relatedLinks'] });
  if (!draft || draft.relatedLinks?.length) return;
  const links: Array<Record<string, unknown>> = [];
  for (const key of a.relatedKeys) {
    const target = demoContent.articles.find((x) => x.key === key)?.[locale];
    if (target) links.push({ label: target.title, article: articles.get(key) });
  }
  for (const { label, url } of v.relatedUrls ?? []) links.push({ label, url });
  if (!links.length) return;
  await documentsOf(strapi, uid).update({ documentId, locale, data: { relatedLinks: links }, status: 'published' });
}

/** Gives the demo stories a spread of publication dates (firstPublishedAt is otherwise "now"). */
async function backdate(strapi: Core.Strapi, articles: Ids) {
  const now = Date.now();
  for (const a of demoContent.articles) {
    const when = new Date(now - a.publishedDaysAgo * 86_400_000);
    await strapi.db.query('api::article.article').updateMany({
      where: { documentId: articles.get(a.key), firstPublishedAt: { $gt: when } },
      data: { firstPublishedAt: when },
    });
  }
}
