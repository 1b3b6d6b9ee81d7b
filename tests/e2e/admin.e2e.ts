/**
 * The newsroom workflow in the real admin, driven in Debian's Chromium:
 * a reporter writes an Arabic story right-to-left and cannot publish it, an
 * editor publishes it, the public API and the RSS feed carry it,
 * and the signed preview page renders it. Screenshots: tests/e2e/screenshots/.
 */
import type { Browser, Page } from 'playwright-core';
import { ARTICLES, PASSWORD, adminToken, api, baseUrl, launchChromium, logIn, newsroomUser, shot, state } from './helpers';

const TITLE = 'افتتاح متحف المستقبل في Dubai بحضور 3000 زائر';
const BODY = 'افتتح اليوم متحف جديد للفن الحديث، ويضم أعمال Picasso وفنانين خليجيين.';

const direction = (page: Page, selector: string) =>
  page.locator(selector).first().evaluate((el) => getComputedStyle(el).direction);
const lang = (page: Page) => page.evaluate(() => document.documentElement.lang);
const BODY_EDITOR = 'main [role="textbox"][contenteditable="true"]';
const PUBLISH = /^(أصدر|نشر|Publish)$/;

async function publicArticleTitles(): Promise<string[]> {
  const res = await api('GET', '/api/articles?locale=ar');
  expect(res.status).toBe(200);
  return res.json.data.map((a: any) => a.title);
}

let browser: Browser;
let superToken: string;
let reporter: string;
let editor: string;
let documentId: string;

beforeAll(async () => {
  superToken = await adminToken(state.admin.email, state.admin.password);
  const section = await api('POST', '/content-manager/collection-types/api::section.section?locale=ar', superToken, { name: 'ثقافة' });
  expect(section.status).toBe(201);
  reporter = await newsroomUser(superToken, 'newsroom-reporter', 'سارة');
  editor = await newsroomUser(superToken, 'newsroom-editor', 'خالد');
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('reporter', () => {
  let page: Page;
  beforeAll(async () => {
    page = await (await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'en-US' })).newPage();
  });

  it('logs in to an Arabic admin (newsroom users default to ar)', async () => {
    await logIn(page, reporter);
    await page.waitForFunction(() => document.documentElement.lang === 'ar');
    await shot(page, '01-reporter-home-ar');
  });

  it('switches the interface language to English and back to Arabic', async () => {
    const choose = async (label: RegExp, option: string, expected: string) => {
      await page.goto(`${baseUrl}/admin/me`);
      await page.getByRole('combobox', { name: label }).click();
      await page.getByRole('option', { name: option }).click();
      await page.locator('button[type="submit"]').first().click();
      await page.waitForFunction((l) => document.documentElement.lang === l, expected);
    };
    await choose(/لغة الواجهة|Interface language/, 'English', 'en');
    expect(await lang(page)).toBe('en');
    await choose(/لغة الواجهة|Interface language/, 'العربية', 'ar');
    await shot(page, '02-reporter-profile-ar');
    expect(await lang(page)).toBe('ar');
  });

  it('writes an Arabic article whose title and body run right-to-left', async () => {
    await page.goto(`${baseUrl}/admin${ARTICLES}/create?plugins[i18n][locale]=ar`);
    await page.waitForSelector('input[name="title"]');
    await page.waitForSelector(BODY_EDITOR);
    expect(await direction(page, 'input[name="title"]')).toBe('rtl');
    expect(await direction(page, BODY_EDITOR)).toBe('rtl');
    expect(await direction(page, 'textarea[name="excerpt"]')).toBe('rtl');

    await page.fill('input[name="title"]', TITLE);
    await page.click(BODY_EDITOR);
    await page.keyboard.type(BODY);
    // On a loaded machine the editor can lag behind the keystrokes: save only once it shows them all.
    await page.waitForFunction(([sel, body]) => document.querySelector(sel)?.textContent?.includes(body), [BODY_EDITOR, BODY]);
    await page.waitForTimeout(500);
    await page.click('input[name="section"]');
    await page.getByRole('option', { name: 'ثقافة' }).click();
    await page.locator('button[type="submit"]').first().click();
    await page.waitForURL(/api::article\.article\/[a-z0-9]{20,}/, { timeout: 30000 });
    documentId = /api::article\.article\/([a-z0-9]+)/.exec(page.url())![1];
    expect(await direction(page, 'input[name="title"]')).toBe('rtl');
    await shot(page, '03-reporter-article-rtl');

    // Stored exactly as typed: mixed Arabic/Latin text keeps its logical order.
    const token = await adminToken(reporter, PASSWORD);
    const stored = await api('GET', `${ARTICLES}/${documentId}?locale=ar`, token);
    expect(stored.json.data.title).toBe(TITLE);
    expect(JSON.stringify(stored.json.data.body)).toContain(BODY);
  });

  it('cannot publish it: no Publish button, and the API refuses', async () => {
    await page.reload();
    await page.waitForSelector('input[name="title"]');
    await page.waitForTimeout(1000);
    const publishButtons = page.getByRole('button', { name: PUBLISH });
    const enabled = await publishButtons.evaluateAll((els) => els.filter((b) => !(b as HTMLButtonElement).disabled).length);
    expect(enabled).toBe(0);
    const token = await adminToken(reporter, PASSWORD);
    expect((await api('POST', `${ARTICLES}/${documentId}/actions/publish?locale=ar`, token, {})).status).toBe(403);
    expect(await publicArticleTitles()).not.toContain(TITLE);
  });

  it('English versions stay left-to-right', async () => {
    await page.goto(`${baseUrl}/admin${ARTICLES}/create?plugins[i18n][locale]=en`);
    await page.waitForSelector('input[name="title"]');
    await page.waitForSelector(BODY_EDITOR);
    await page.waitForTimeout(300);
    expect(await direction(page, 'input[name="title"]')).toBe('ltr');
    expect(await direction(page, BODY_EDITOR)).toBe('ltr');
  });
});

describe('editor', () => {
  let page: Page;
  beforeAll(async () => {
    page = await (await browser.newContext({ viewport: { width: 1400, height: 1000 } })).newPage();
  });

  it('publishes the reporter’s article from the admin', async () => {
    await logIn(page, editor);
    await page.goto(`${baseUrl}/admin${ARTICLES}/${documentId}?plugins[i18n][locale]=ar`);
    await page.waitForSelector('input[name="title"]');
    const publish = page.getByRole('button', { name: PUBLISH }).first();
    await publish.click();
    for (let i = 0; i < 30 && !(await publicArticleTitles()).includes(TITLE); i++) await page.waitForTimeout(500);
    await shot(page, '04-editor-published');
    expect(await publicArticleTitles()).toContain(TITLE);
  });

  it('the published story is in the RSS feed', async () => {
    const rss = await api('GET', '/api/feeds/rss');
    expect(rss.status).toBe(200);
    expect(rss.text).toContain(TITLE);
  });

  it('opens the signed preview of the draft, right-to-left as a reader sees it', async () => {
    const token = await adminToken(editor, PASSWORD);
    const res = await api('GET', `/content-manager/preview/url/api::article.article?documentId=${documentId}&locale=ar&status=draft`, token);
    expect(res.status).toBe(200);
    const url = new URL(res.json.data.url, baseUrl);
    const response = await page.goto(url.href);
    expect(response!.status()).toBe(200);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('h1').textContent()).toBe(TITLE);
    expect(await page.locator('.body').textContent()).toContain(BODY);
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('h1')!).direction)).toBe('rtl');
    await shot(page, '05-preview-draft');

    url.searchParams.delete('token');
    expect((await api('GET', url.pathname + url.search)).status).toBe(401);
  });
});
