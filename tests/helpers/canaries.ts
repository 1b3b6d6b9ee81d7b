import type { TestApp } from './strapi';
import { Fixtures, paragraph } from './fixtures';
import { createClassToken } from '../../src/infra/api-tokens';

/**
 * What must never leave the building: seeded by `seedCanaries`, searched for
 * in every response to a caller without the drafts permission.
 */
export const CANARY = {
  draft: 'CANARYDRAFT',
  edit: 'CANARYEDIT',
  email: 'canary.private.mail@khaleeji247.example',
  schedule: '2031-03-04T05:06:07',
};
export const LIVE_TITLE = 'أسعار النفط ترتفع في الأسواق الخليجية';

export interface Canaries {
  f: Fixtures;
  section: any;
  author: any;
  tag: any;
  /** Never published (embargoed), with a private schedule. */
  draft: any;
  /** Published, with an unpublished edit on its draft and a private expiry; a live coverage with one entry. */
  live: any;
  /** The entry of the live coverage (public). */
  liveEntry: any;
  tokens: Record<'read-only' | 'partner' | 'preview' | 'full-access', string>;
}

/** A site, a section/author (private e-mail)/tag, the embargoed draft and the live story with a pending edit, and one token of each class. */
export async function seedCanaries(app: TestApp): Promise<Canaries> {
  const f = await Fixtures.create(app);
  await app.http().put('/api/site').set(f.auth).send({ data: { name: 'خليجي 247', baseUrl: 'https://khaleeji247.example' } });
  const section = await f.section('اقتصاد');
  const author = await f.author('سارة الكعبي', 'ar', { email: CANARY.email });
  const tag = await f.tag('النفط');
  const relations = { section: section.documentId, authors: [author.documentId], tags: [tag.documentId] };
  const draft = await f.article(
    { title: `${CANARY.draft} خبر تحت الحظر`, excerpt: `${CANARY.draft} ملخص`, body: [paragraph(`${CANARY.draft} نص محظور`)], ...relations, scheduledPublishAt: `${CANARY.schedule}.000Z`, isLive: true },
    { draft: true },
  );
  const live = await f.article({ title: LIVE_TITLE, excerpt: 'صعدت أسعار النفط', body: [paragraph('صعدت أسعار النفط اليوم')], ...relations, relatedLinks: [{ label: 'ذو صلة', article: draft.documentId }], isLive: true });
  // Live coverage: the embargoed story's entry must stay in the building; the live story's is public.
  await f.post('live-entries', { coverage: draft.documentId, title: `${CANARY.draft} تحديث`, body: [paragraph(`${CANARY.draft} تحديث محظور`)], authors: [author.documentId] }, { locale: 'ar' });
  const liveEntry = await f.post('live-entries', { coverage: live.documentId, title: 'تحديث مباشر', body: [paragraph('ارتفع خام برنت')], authors: [author.documentId] }, { locale: 'ar' });
  // An editor's pending edit of the live story: saved as draft, not published.
  await f.put('articles', live.documentId, { title: `${CANARY.edit} عنوان لم ينشر`, body: [paragraph(`${CANARY.edit} نص لم ينشر`)], scheduledUnpublishAt: `${CANARY.schedule}.000Z` }, { status: 'draft' });
  const tokens = {
    'read-only': await app.apiToken('read-only'),
    partner: (await createClassToken(app.strapi, 'partner', `partner-${Date.now()}`)).accessKey,
    preview: (await createClassToken(app.strapi, 'preview', `preview-${Date.now()}`)).accessKey,
    'full-access': f.token,
  };
  return { f, section, author, tag, draft, live, liveEntry, tokens };
}

/** The canaries a response body carries (names); empty when clean. */
export const canariesIn = (body: string): string[] => Object.entries(CANARY).filter(([, c]) => body.includes(c)).map(([name]) => name);
