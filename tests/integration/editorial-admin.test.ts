import { startStrapi, type TestApp } from '../helpers/strapi';
import { Fixtures } from '../helpers/fixtures';
import { adminUser, type AdminSession } from '../helpers/admin';
import { applyArticleAdminLayout, ARTICLE_EDIT_LAYOUT } from '../../src/bootstrap/article-admin';

let app: TestApp;
let editor: AdminSession;
const CONFIG_URL = '/content-manager/content-types/api::article.article/configuration';

beforeAll(async () => {
  app = await startStrapi({ CRON_ENABLED: 'false' });
  editor = await adminUser(app, 'newsroom-editor');
});
afterAll(async () => {
  await app?.stop();
});

describe('article edit view', () => {
  it('puts the story first and placement beside it, with hints for editors', async () => {
    const res = await app.http().get(CONFIG_URL).set(editor.auth);
    expect(res.status).toBe(200);
    const { layouts, metadatas } = res.body.data.contentType;
    const rows = layouts.edit.map((row: any[]) => row.map((f) => f.name));
    expect(rows.slice(0, 4)).toEqual([['title'], ['excerpt'], ['body'], ['section', 'authors']]);
    expect(rows.flat()).toEqual(expect.arrayContaining(['tags', 'cover', 'relatedLinks', 'corrections', 'scheduledPublishAt']));
    expect(metadatas.title.edit.description).toMatch(/[\u0600-\u06FF]/);
    expect(metadatas.section.edit.mainField).toBe('name');
    expect(layouts.list).toEqual(expect.arrayContaining(['title', 'scheduledPublishAt', 'scheduledUnpublishAt']));
    // Agency copy: editors see the agency and what it withdrew in the list, and the agency's id, version and rights on the draft.
    expect(layouts.list).toEqual(expect.arrayContaining(['section', 'source', 'wireStatus']));
    expect(rows.flat()).toEqual(expect.arrayContaining(['wireStatus', 'wireId', 'wireVersion', 'wireRights']));
  });

  it('is applied once: an editor’s own rearrangement survives the next boot', async () => {
    const service = app.strapi.plugin('content-manager').service('content-types') as any;
    const ct = service.findContentType('api::article.article');
    const current = await service.findConfiguration(ct);
    const swapped = [current.layouts.edit[1], current.layouts.edit[0], ...current.layouts.edit.slice(2)];
    await service.updateConfiguration(ct, { ...current, layouts: { ...current.layouts, edit: swapped } });
    expect(await applyArticleAdminLayout(app.strapi)).toBe(false);
    expect((await service.findConfiguration(ct)).layouts.edit[0][0].name).toBe('excerpt');
    expect(await applyArticleAdminLayout(app.strapi, true)).toBe(true);
    expect((await service.findConfiguration(ct)).layouts.edit.map((r: any[]) => r.map((x) => x.name)))
      .toEqual(ARTICLE_EDIT_LAYOUT.map((r) => r.map(([n]) => n)));
  });
});

describe('slug regenerate button', () => {
  const generate = (data: Record<string, unknown>, locale = 'ar') =>
    app.http().post('/content-manager/uid/generate').query({ locale }).set(editor.auth)
      .send({ contentTypeUID: 'api::article.article', field: 'slug', data });

  it('makes an Arabic slug from an Arabic title, unique in the locale', async () => {
    const first = await generate({ title: 'أمطار غزيرة على الإمارات' });
    expect(first.status).toBe(200);
    expect(first.body.data).toBe('أمطار-غزيرة-على-الإمارات');
    const f = await Fixtures.create(app);
    await f.article({ title: 'أمطار غزيرة على الإمارات' }, { draft: true });
    expect((await generate({ title: 'أمطار غزيرة على الإمارات' })).body.data).toBe('أمطار-غزيرة-على-الإمارات-2');
    expect((await generate({ title: 'أمطار غزيرة على الإمارات' }, 'en')).body.data).toBe('أمطار-غزيرة-على-الإمارات');
  });

  it('keeps Latin titles Latin', async () => {
    expect((await generate({ title: 'Heavy Rain in the UAE' }, 'en')).body.data).toBe('heavy-rain-in-the-uae');
  });
});
