/**
 * Live coverage in the real admin (README, "Posting from the admin"), in
 * Debian's Chromium: a reader has the app's demo page (public/live-demo.html)
 * open on a live story, subscribed to its stream; an editor posts a pinned key
 * event from the story's edit view; it arrives on the reader's page within
 * seconds, and both are right-to-left. Screenshots: tests/e2e/screenshots/live-*.png.
 */
import type { Browser, Page } from 'playwright-core';
import { ARTICLES, adminToken, api, baseUrl, launchChromium, logIn, newsroomUser, shot, state } from './helpers';

const TITLE = 'تغطية مباشرة: العاصفة المطرية';
const ENTRY_TITLE = 'إغلاق طريق الكورنيش';
const ENTRY_TEXT = 'أغلقت الشرطة طريق الكورنيش بسبب تجمّع المياه، وتعمل الفرق على تصريفها.';

let browser: Browser;
let editorPage: Page;
let readerPage: Page;
let documentId: string;

const panel = (page: Page) => page.locator('[data-live-panel]');

beforeAll(async () => {
  const superToken = await adminToken(state.admin.email, state.admin.password);
  const section = await api('POST', '/content-manager/collection-types/api::section.section?locale=ar', superToken, { name: 'محليات' });
  expect(section.status).toBe(201);
  const created = await api('POST', `${ARTICLES}?locale=ar`, superToken, {
    title: TITLE,
    isLive: true,
    body: [{ type: 'paragraph', children: [{ type: 'text', text: 'تتابع خليجي 247 الحالة الجوية لحظة بلحظة' }] }],
    section: { connect: [{ documentId: section.json.data.documentId, locale: 'ar' }] },
  });
  expect(created.status).toBe(201);
  documentId = created.json.data.documentId;
  expect((await api('POST', `${ARTICLES}/${documentId}/actions/publish?locale=ar`, superToken, {})).status).toBe(200);
  const editor = await newsroomUser(superToken, 'newsroom-editor', 'مريم');

  browser = await launchChromium();
  editorPage = await (await browser.newContext({ viewport: { width: 1400, height: 1000 } })).newPage();
  readerPage = await (await browser.newContext({ viewport: { width: 700, height: 800 } })).newPage();
  await logIn(editorPage, editor);
});
afterAll(async () => {
  await browser?.close();
});

it('an editor posts from the edit view; the entry arrives on a page subscribed to the stream', async () => {
  await readerPage.goto(`${baseUrl}/live-demo.html?documentId=${documentId}&locale=ar`);
  await readerPage.locator('[data-stream-state="open"]').waitFor({ timeout: 15000 });
  expect(await readerPage.locator('#title').innerText()).toBe(TITLE);

  await editorPage.goto(`${baseUrl}/admin${ARTICLES}/${documentId}?plugins[i18n][locale]=ar`);
  const form = panel(editorPage).locator('[data-live-form]');
  await form.waitFor({ timeout: 60000 });
  expect(await panel(editorPage).evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
  await form.locator('[data-live-field="title"]').fill(ENTRY_TITLE);
  await form.locator('[data-live-field="text"]').fill(ENTRY_TEXT);
  await form.locator('[data-live-field="isKeyEvent"]').check();
  await form.locator('[data-live-field="pinned"]').check(); // editors pin
  await shot(editorPage, 'live-01-editor-form');
  const posted = Date.now();
  const answer = editorPage.waitForResponse((r) => r.url().includes(`/live-desk/coverage/${documentId}/entries`) && r.request().method() === 'POST');
  await form.locator('[data-live-action="post"]').click();
  expect((await answer).status()).toBe(201);

  // On the reader's page, through the stream (no reload).
  const arrived = readerPage.locator('li[data-entry]', { hasText: ENTRY_TITLE });
  await arrived.waitFor({ timeout: 5000 });
  const latency = Date.now() - posted;
  expect(latency).toBeLessThan(5000);
  expect(await arrived.getAttribute('data-pinned')).toBe('true');
  expect(await arrived.innerText()).toContain(ENTRY_TEXT);
  expect(await arrived.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
  await shot(readerPage, 'live-02-reader-received');

  // The panel lists it, newest first, with the editor's actions; the form is empty again.
  const first = panel(editorPage).locator('[data-live-entry]').first();
  await first.locator('[data-live-badge="pinned"]').waitFor();
  expect(await first.innerText()).toContain(ENTRY_TITLE);
  expect(await first.locator('[data-live-action="unpin"]').count()).toBe(1);
  expect(await form.locator('[data-live-field="text"]').inputValue()).toBe('');
  await shot(editorPage, 'live-03-editor-posted');
  console.log(`[e2e] live entry from the admin to the reader's page: ${latency} ms`);
});

it('unpinning from the panel reaches the page as an update', async () => {
  await panel(editorPage).locator('[data-live-entry]').first().locator('[data-live-action="unpin"]').click();
  await readerPage.locator('li[data-entry][data-pinned="false"]', { hasText: ENTRY_TITLE }).waitFor({ timeout: 5000 });
});
