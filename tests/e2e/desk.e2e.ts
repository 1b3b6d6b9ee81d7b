/**
 * The desk in the real admin (README, "The desk"), in Debian's Chromium, with
 * two browser contexts (two sessions): a reporter opens her story (she holds
 * the lock) and submits it for review; an editor finds it in the review queue
 * and opens it: he sees her name on the lock, the form read-only, and the
 * revisions with the Arabic diff right-to-left, side by side; he takes over
 * and her open page is told so (and turns read-only); he restores the first
 * version, which becomes the draft the edit view shows. The queue also sends
 * a second story back with a note, and the article list shows both states.
 * Screenshots: tests/e2e/screenshots/desk-*.png.
 */
import type { Browser, Page } from 'playwright-core';
import { ARTICLES, adminToken, api, baseUrl, launchChromium, logIn, newsroomUser, shot, state } from './helpers';

const OLD_TITLE = 'وزراء الخارجية يجتمعون في بروكسل';
const NEW_TITLE = 'وزراء الخارجية يجتمعون في باريس';
const OTHER_TITLE = 'أمطار غزيرة على الساحل';
const NOTE = 'أضيفي مصدر الأرقام';
const SAVE_OR_PUBLISH = /^(حفظ|أصدر|نشر|Save|Publish)$/;

let browser: Browser;
let reporterPage: Page;
let editorPage: Page;
let reporterToken: string;
let editorToken: string;
let documentId: string;
let otherId: string;

const panel = (page: Page) => page.locator('[data-desk-panel]');
const editUrl = () => `${baseUrl}/admin${ARTICLES}/${documentId}?plugins[i18n][locale]=ar`;
const draftTitle = async (id: string) => (await api('GET', `${ARTICLES}/${id}?locale=ar`, editorToken)).json.data.title as string;
/**
 * The title field cannot be edited: it sits in an inert, faded area, and a click
 * and keystrokes on it change nothing.
 */
async function expectTitleReadOnly(page: Page, title: string) {
  const input = page.locator('input[name="title"]');
  await page.locator('[data-desk-read-only]').first().waitFor({ state: 'attached' });
  expect(await input.evaluate((el) => !!el.closest('[inert]'))).toBe(true);
  expect(Number(await input.evaluate((el) => getComputedStyle(el.closest('[data-desk-read-only]')!).opacity))).toBeLessThan(1);
  await input.click({ force: true });
  await page.keyboard.type('تعديل');
  expect(await input.inputValue()).toBe(title);
}
/** Buttons named Save or Publish that can be clicked. */
const enabledSaveOrPublish = (page: Page) =>
  page.getByRole('button', { name: SAVE_OR_PUBLISH }).evaluateAll((els) => els.filter((b) => !(b as HTMLButtonElement).disabled).length);

beforeAll(async () => {
  const superToken = await adminToken(state.admin.email, state.admin.password);
  const section = await api('POST', '/content-manager/collection-types/api::section.section?locale=ar', superToken, { name: 'سياسة' });
  expect(section.status).toBe(201);
  const reporter = await newsroomUser(superToken, 'newsroom-reporter', 'ليلى');
  const editor = await newsroomUser(superToken, 'newsroom-editor', 'فهد');
  reporterToken = await adminToken(reporter, 'E2e-Newsroom-2024');
  editorToken = await adminToken(editor, 'E2e-Newsroom-2024');
  const story = async (title: string) => {
    const created = await api('POST', `${ARTICLES}?locale=ar`, reporterToken, {
      title,
      body: [{ type: 'paragraph', children: [{ type: 'text', text: 'بدأ الاجتماع صباح اليوم' }] }],
      section: { connect: [{ documentId: section.json.data.documentId, locale: 'ar' }] },
    });
    expect(created.status).toBe(201);
    return created.json.data.documentId as string;
  };
  documentId = await story(OLD_TITLE);
  expect((await api('PUT', `${ARTICLES}/${documentId}?locale=ar`, reporterToken, { title: NEW_TITLE })).status).toBe(200);
  otherId = await story(OTHER_TITLE);
  expect((await api('POST', `/article-desk/articles/${otherId}/review?locale=ar`, reporterToken, { action: 'submit' })).status).toBe(200);

  browser = await launchChromium();
  reporterPage = await (await browser.newContext({ viewport: { width: 1400, height: 1000 } })).newPage();
  editorPage = await (await browser.newContext({ viewport: { width: 1400, height: 1000 } })).newPage();
  await logIn(reporterPage, reporter);
  await logIn(editorPage, editor);
});
afterAll(async () => {
  await browser?.close();
});

it('the reporter opens her story: she holds the lock, and submits it for review', async () => {
  await reporterPage.goto(editUrl());
  await panel(reporterPage).locator('[data-desk-lock="held"]').waitFor({ timeout: 60000 });
  await panel(reporterPage).locator('[data-desk-action="submit"]').click();
  await panel(reporterPage).locator('[data-desk-review="submitted"]').waitFor();
  expect(await reporterPage.locator('input[name="title"]').isEditable()).toBe(true);
  await shot(reporterPage, 'desk-01-reporter-submitted');
});

it('the editor’s review queue lists both submitted stories; one goes back with a note', async () => {
  await editorPage.goto(`${baseUrl}/admin`);
  await editorPage.locator('a[href$="/desk/review-queue"]').first().click();
  const rows = editorPage.locator('[data-desk-queue-item]');
  await editorPage.locator(`[data-desk-queue-item="${otherId}/ar"]`).waitFor({ timeout: 30000 });
  expect(await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-desk-queue-item')))).toEqual([`${otherId}/ar`, `${documentId}/ar`]);
  const mine = editorPage.locator(`[data-desk-queue-item="${documentId}/ar"]`);
  expect(await mine.innerText()).toContain(NEW_TITLE);
  expect(await mine.innerText()).toContain('ليلى');
  expect(await mine.locator('td').first().evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
  await shot(editorPage, 'desk-02-review-queue');

  const other = editorPage.locator(`[data-desk-queue-item="${otherId}/ar"]`);
  await other.locator('[data-desk-action="send-back"]').click();
  await other.locator('[data-desk-note]').fill(NOTE);
  await other.locator('[data-desk-action="confirm-send-back"]').click();
  await other.waitFor({ state: 'detached' });
  expect(await rows.count()).toBe(1);
  const review = await api('GET', `/article-desk/articles/${otherId}?locale=ar`, reporterToken);
  expect(review.json.data.review).toMatchObject({ state: 'returned', note: NOTE });
});

it('the article list shows each version’s review state', async () => {
  await reporterPage.goto(`${baseUrl}/admin${ARTICLES}?plugins[i18n][locale]=ar`);
  const stateOf = (title: string) => reporterPage.locator('tbody tr', { hasText: title }).locator('[data-desk-list-review]');
  await reporterPage.locator('[data-desk-list-review="returned"]').waitFor({ timeout: 30000 });
  expect(await stateOf(NEW_TITLE).getAttribute('data-desk-list-review')).toBe('submitted');
  expect(await stateOf(OTHER_TITLE).getAttribute('data-desk-list-review')).toBe('returned');
  expect(await stateOf(OTHER_TITLE).getAttribute('title')).toBe(NOTE);
  await shot(reporterPage, 'desk-02b-list-review-state');
  await reporterPage.goto(editUrl());
  await panel(reporterPage).locator('[data-desk-lock="held"]').waitFor({ timeout: 60000 });
});

it('opened from the queue in a second session, the story shows the reporter’s lock and is read-only', async () => {
  await editorPage.locator(`[data-desk-queue-item="${documentId}/ar"] [data-desk-action="open"]`).click();
  await editorPage.waitForURL((url) => url.pathname.endsWith(documentId));
  const lock = panel(editorPage).locator('[data-desk-lock="other"]');
  await lock.waitFor({ timeout: 60000 });
  expect(await lock.innerText()).toContain('ليلى');
  await panel(editorPage).locator('[data-desk-review="submitted"]').waitFor();
  await expectTitleReadOnly(editorPage, NEW_TITLE);
  expect(await enabledSaveOrPublish(editorPage)).toBe(0);
  await shot(editorPage, 'desk-03-editor-sees-lock');
});

it('the editor sees the revisions; the diff is side by side, right-to-left', async () => {
  const newest = panel(editorPage).locator('[data-desk-revision]').first();
  await newest.locator('button').first().click();
  const removed = newest.locator('[data-desk-diff="removed"]').first();
  const added = newest.locator('[data-desk-diff="added"]').first();
  await added.waitFor();
  expect(await added.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
  expect(await removed.locator('mark').first().innerText()).toBe('بروكسل');
  expect(await added.locator('mark').first().innerText()).toBe('باريس');
  await shot(editorPage, 'desk-04-diff-rtl');
});

it('the editor takes over: he may edit, and the reporter’s open page is told and turns read-only', async () => {
  await panel(editorPage).locator('[data-desk-action="take-over"]').click();
  await panel(editorPage).locator('[data-desk-lock="held"]').waitFor();
  await editorPage.waitForFunction(() => !document.querySelector('[data-desk-read-only]'));
  expect(await editorPage.locator('input[name="title"]').evaluate((el) => !!el.closest('[inert]'))).toBe(false);
  expect(await enabledSaveOrPublish(editorPage)).toBeGreaterThan(0);

  // Her next heartbeat (every 15 s) hears it.
  const notice = panel(reporterPage).locator('[data-desk-lock="other"][data-desk-taken-over]');
  await notice.waitFor({ timeout: 40000 });
  expect(await notice.innerText()).toContain('فهد');
  await expectTitleReadOnly(reporterPage, NEW_TITLE);
  expect(await enabledSaveOrPublish(reporterPage)).toBe(0);
  await shot(reporterPage, 'desk-05-reporter-taken-over');
  // The server agrees: her writes are refused while he holds it.
  expect((await api('PUT', `${ARTICLES}/${documentId}?locale=ar`, reporterToken, { title: 'تعديل' })).status).toBe(409);
});

it('restore writes the first version back as a new draft, and the edit view shows it', async () => {
  const oldest = panel(editorPage).locator('[data-desk-revision]').last();
  await oldest.locator('[data-desk-action="restore"]').click();
  await editorPage.waitForFunction((title) => (document.querySelector('input[name="title"]') as HTMLInputElement | null)?.value === title, OLD_TITLE, { timeout: 60000 });
  await panel(editorPage).locator('[data-desk-lock="held"]').waitFor({ timeout: 60000 });
  const newest = panel(editorPage).locator('[data-desk-revision]').first();
  expect(await newest.innerText()).toContain('restore');
  expect(await newest.innerText()).toContain('فهد');
  expect(await draftTitle(documentId)).toBe(OLD_TITLE);
  await shot(editorPage, 'desk-06-restored');
});
