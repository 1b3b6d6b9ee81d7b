import { startStrapi, type TestApp } from '../helpers/strapi';
import { Fixtures } from '../helpers/fixtures';

let app: TestApp;
let f: Fixtures;
let section: any;

beforeAll(async () => {
  app = await startStrapi();
  f = await Fixtures.create(app);
  section = await f.section('سياسة');
});
afterAll(async () => {
  await app?.stop();
});

describe('Unicode slugs', () => {
  it('keeps Arabic letters, drops tashkeel, tatweel and punctuation, converts Arabic-Indic digits', async () => {
    const a = await f.article({ title: 'قِمَّةُ «الناتو» في لاهـــاي: ميزانية ٢٠٢٥؟', section: section.documentId });
    expect(a.slug).toBe('قمة-الناتو-في-لاهاي-ميزانية-2025');
  });

  it('lower-cases Latin titles, and gives sections, authors and tags slugs too', async () => {
    const en = await f.put('sections', section.documentId, { name: 'World Politics' }, { locale: 'en' });
    expect(en.slug).toBe('world-politics');
    expect(section.slug).toBe('سياسة');
    const author = await f.author('عبدالله الشمري');
    expect(author.slug).toBe('عبدالله-الشمري');
    const tag = await f.tag('الذكاء الاصطناعي');
    expect(tag.slug).toBe('الذكاء-الاصطناعي');
  });

  it('adds -2, -3 on collision within a locale, but not across locales', async () => {
    const title = 'ارتفاع أسعار الذهب';
    const first = await f.article({ title, section: section.documentId });
    const second = await f.article({ title, section: section.documentId });
    const third = await f.article({ title, section: section.documentId }, { draft: true });
    expect([first.slug, second.slug, third.slug]).toEqual(['ارتفاع-أسعار-الذهب', 'ارتفاع-أسعار-الذهب-2', 'ارتفاع-أسعار-الذهب-3']);
    const enSection = await app.http().get(`/api/sections/${section.documentId}?locale=en`);
    expect(enSection.status).toBe(200);
    const a = await f.article({ title: 'Gold prices rise', section: section.documentId }, { locale: 'en' });
    const b = await f.put('articles', first.documentId, { title: 'Gold prices rise', section: section.documentId }, { locale: 'en' });
    expect(a.slug).toBe('gold-prices-rise');
    expect(b.slug).toBe('gold-prices-rise-2');
  });

  it('stays stable when the title is edited and the article republished', async () => {
    const a = await f.article({ title: 'عنوان أول للخبر', section: section.documentId });
    const edited = await f.put('articles', a.documentId, { title: 'عنوان معدل تماما' });
    expect(edited.slug).toBe(a.slug);
    await app.strapi.documents('api::article.article').unpublish({ documentId: a.documentId, locale: 'ar' });
    await app.strapi.documents('api::article.article').publish({ documentId: a.documentId, locale: 'ar' });
    const res = await app.http().get(`/api/articles/${a.documentId}`);
    expect(res.body.data.slug).toBe('عنوان-أول-للخبر');
    // An article's own slug never collides with itself on update.
    const same = await f.put('articles', a.documentId, { slug: 'عنوان-أول-للخبر', excerpt: 'تعديل' });
    expect(same.slug).toBe('عنوان-أول-للخبر');
  });

  it('regenerates from the current title when a client clears the slug', async () => {
    const a = await f.article({ title: 'خبر قديم', section: section.documentId });
    const cleared = await f.put('articles', a.documentId, { title: 'خبر جديد', slug: '' });
    expect(cleared.slug).toBe('خبر-جديد');
  });

  it('accepts a valid explicit Arabic slug and refuses an invalid or taken one with 400', async () => {
    const ok = await f.article({ title: 'أي عنوان', slug: 'مختصر-2025', section: section.documentId });
    expect(ok.slug).toBe('مختصر-2025');
    for (const slug of ['Has Spaces', 'UPPER', 'a/b', '-lead', 'مختصر--مزدوج', 'x'.repeat(121)]) {
      const res = await app.http().post('/api/articles').set(f.auth).send({ data: { title: 'عنوان', slug, section: section.documentId } });
      expect(res.status).toBe(400);
      expect(res.body.error.details.errors[0].path).toEqual(['slug']);
    }
    const taken = await app.http().post('/api/articles').set(f.auth).send({ data: { title: 'عنوان', slug: 'مختصر-2025', section: section.documentId } });
    expect(taken.status).toBe(400);
    expect(taken.body.error.details.errors[0]).toMatchObject({ path: ['slug'] });
    expect(taken.body.error.details.errors[0].message).toContain('already used');
  });

  it('falls back to a generated slug when the title has no letters or digits', async () => {
    const a = await f.article({ title: '؟!…', section: section.documentId });
    expect(a.slug).toMatch(/^article-[a-z0-9]+$/);
  });
});
