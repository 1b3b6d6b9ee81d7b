/**
 * Suggested related stories in the real admin (src/admin/related-suggestions.tsx),
 * in Debian's Chromium: an editor opens a draft never published; under its
 * relatedLinks field the published story about the same thing is suggested
 * (right-to-left), the unrelated one is not; "Add" puts a relatedLinks row in
 * the form, and Save stores it with the article connected.
 * Screenshot: tests/e2e/screenshots/related-01-suggestions.png.
 */
import type { Browser, Page } from 'playwright-core';
import { ARTICLES, adminToken, api, baseUrl, launchChromium, logIn, newsroomUser, shot, state } from './helpers';

const OIL = 'أسعار النفط ترتفع في الأسواق الخليجية';
const FOOTBALL = 'مباراة كرة القدم في الدوري';
const DRAFT = 'النفط يواصل الارتفاع للأسبوع الثالث';

let browser: Browser;
let page: Page;
let editorToken: string;
const ids: Record<string, string> = {};

const paragraph = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text }] });

beforeAll(async () => {
  const superToken = await adminToken(state.admin.email, state.admin.password);
  const editor = await newsroomUser(superToken, 'newsroom-editor', 'هند');
  editorToken = await adminToken(editor, 'E2e-Newsroom-2024');
  const section = async (name: string) => {
    const res = await api('POST', '/content-manager/collection-types/api::section.section?locale=ar', superToken, { name });
    expect(res.status).toBe(201);
    return { connect: [{ documentId: res.json.data.documentId, locale: 'ar' }] };
  };
  const economy = await section('اقتصاد');
  const sport = await section('رياضة');
  const story = async (key: string, title: string, publish: boolean, extra: Record<string, unknown> = {}) => {
    const created = await api('POST', `${ARTICLES}?locale=ar`, editorToken, { title, body: [paragraph('تفاصيل')], ...extra });
    expect(created.status).toBe(201);
    ids[key] = created.json.data.documentId;
    if (publish) expect((await api('POST', `${ARTICLES}/${ids[key]}/actions/publish?locale=ar`, editorToken, {})).status).toBe(200);
  };
  await story('oil', OIL, true, { section: economy });
  await story('football', FOOTBALL, true, { section: sport });
  await story('draft', DRAFT, false);

  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1400, height: 1000 } })).newPage();
  await logIn(page, editor);
});
afterAll(async () => {
  await browser?.close();
});

it('a draft never published gets suggestions under its related-links field; picking one adds the link, saved with the story', async () => {
  await page.goto(`${baseUrl}/admin${ARTICLES}/${ids.draft}?plugins[i18n][locale]=ar`);
  const list = page.locator('[data-related-suggestions]');
  const oil = list.locator(`[data-related-suggestion="${ids.oil}"]`);
  await oil.waitFor({ timeout: 60000 });
  expect(await list.locator(`[data-related-suggestion="${ids.football}"]`).count()).toBe(0);
  expect(await list.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
  // Next to the field: inside the edit form, not in the side panel.
  expect(await list.evaluate((el) => !!el.closest('form') && !!el.closest('#newsroom-related-suggestions'))).toBe(true);
  await oil.scrollIntoViewIfNeeded();
  await shot(page, 'related-01-suggestions', false);

  await oil.locator('[data-related-add]').click();
  await page.locator('input[name="relatedLinks.0.label"]').waitFor({ state: 'attached' }).catch(() => undefined);
  // The picked story leaves the list (it is linked now).
  await oil.waitFor({ state: 'detached' });
  await shot(page, 'related-02-added', false);

  const saved = page.waitForResponse((r) => r.url().includes(`${ARTICLES}/${ids.draft}`) && r.request().method() === 'PUT');
  await page.getByRole('button', { name: /^(Save|حفظ|يحفظ)$/ }).click();
  expect((await saved).status()).toBe(200);
  const draft = await api('GET', `${ARTICLES}/${ids.draft}?locale=ar`, editorToken);
  const links = draft.json.data.relatedLinks;
  expect(links).toHaveLength(1);
  expect(links[0].label).toBe(OIL);
  // The component's relation, as the relation input reads it back.
  const relation = await api('GET', `/content-manager/relations/content.related-link/${links[0].id}/article?locale=ar`, editorToken);
  expect(relation.status).toBe(200);
  expect(relation.json.results.map((r: { documentId: string }) => r.documentId)).toEqual([ids.oil]);
});
