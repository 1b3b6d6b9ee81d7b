import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import type { NewsroomConfig } from '../../config/newsroom';
import { documentsOf } from '../infra/documents';
import { demoContent, type DemoArticle, type DemoArticleLocale, type DemoLocale } from '../seed/demo-content';
import { paragraphsToBlocks, parseLegacyArticle } from '../lib/legacy-article';

const LOCALES: DemoLocale[] = ['ar', 'en'];
type Ids = Map<string, string>; // demo key → documentId

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

  const authors: Ids = new Map();
  for (const a of demoContent.authors) {
    let id: string | undefined;
    for (const locale of LOCALES) {
      id = await upsert('api::author.author', 'name', locale, { ...a[locale], email: a.email, socialLinks: a.socialLinks }, id);
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
      id = await upsert('api::article.article', 'title', locale, articleData(strapi, a, version, { sections, authors, tags }), id, true);
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
  return created;
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
