/**
 * The desk in the real admin (README, "The desk"), in Debian's Chromium: a
 * reporter opens her story (she holds the lock) and submits it for review; an
 * editor opening it in a second session sees who holds it and takes over (the
 * reporter's heartbeat is told); the revisions panel shows the Arabic diff
 * right-to-left, side by side; Restore brings the old title back as the draft.
 * Screenshots: tests/e2e/screenshots/desk-*.png.
 */
import type { Browser, Page } from 'playwright-core';
import { ARTICLES, adminToken, api, baseUrl, launchChromium, logIn, newsroomUser, shot, state } from './helpers';

const OLD_TITLE = 'وزراء الخارجية يجتمعون في بروكسل';
const NEW_TITLE = 'وزراء الخارجية يجتمعون في باريس';

let browser: Browser;
let reporterPage: Page;
let editorPage: Page;
let reporterToken: string;
let documentId: string;

const panel = (page: Page) => page.locator('[data-desk-panel]');
const editUrl = () => `${baseUrl}/admin${ARTICLES}/${documentId}?plugins[i18n][locale]=ar`;

beforeAll(async () => {
  const superToken = await adminToken(state.admin.email, state.admin.password);
  const section = await api('POST', '/content-manager/collection-types/api::section.section?locale=ar', superToken, { name: 'سياسة' });
  expect(section.status).toBe(201);
  const reporter = await newsroomUser(superToken, 'newsroom-reporter', 'ليلى');
  const editor = await newsroomUser(superToken, 'newsroom-editor', 'فهد');
  reporterToken = await adminToken(reporter, 'E2e-Newsroom-2024');
  const created = await api('POST', `${ARTICLES}?locale=ar`, reporterToken, {
    title: OLD_TITLE,
    body: [{ type: 'paragraph', children: [{ type: 'text', text: 'بدأ الاجتماع صباح اليوم' }] }],
    section: { connect: [{ documentId: section.json.data.documentId, locale: 'ar' }] },
  });
  expect(created.status).toBe(201);
  documentId = created.json.data.documentId;
  expect((await api('PUT', `${ARTICLES}/${documentId}?locale=ar`, reporterToken, { title: NEW_TITLE })).status).toBe(200);

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
  await shot(reporterPage, 'desk-01-reporter-submitted');
});

it('the editor, in a second session, sees who holds it, and takes over; the reporter is told', async () => {
  await editorPage.goto(editUrl());
  const other = panel(editorPage).locator('[data-desk-lock="other"]');
  await other.waitFor({ timeout: 60000 });
  expect(await other.innerText()).toContain('ليلى');
  await shot(editorPage, 'desk-02-editor-sees-lock');
  await panel(editorPage).locator('[data-desk-action="take-over"]').click();
  await panel(editorPage).locator('[data-desk-lock="held"]').waitFor();
  const beat = await api('PUT', `/article-desk/articles/${documentId}/lock?locale=ar`, reporterToken, {});
  expect(beat.status).toBe(409);
  expect(beat.json.error.details.takenOver).toBe(true);
  // The reporter's page learns it on its next heartbeat (every 15 s).
  await panel(reporterPage).locator('[data-desk-lock="other"]').waitFor({ timeout: 30000 });
  await shot(reporterPage, 'desk-03-reporter-taken-over');
});

it('the revisions panel shows the diff side by side, right-to-left', async () => {
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

it('Restore writes the old title back as the draft', async () => {
  const oldest = panel(editorPage).locator('[data-desk-revision]').last();
  await Promise.all([editorPage.waitForEvent('load'), oldest.locator('[data-desk-action="restore"]').click()]);
  await editorPage.locator('input[name="title"]').waitFor({ timeout: 60000 });
  await editorPage.waitForFunction((title) => (document.querySelector('input[name="title"]') as HTMLInputElement | null)?.value === title, OLD_TITLE, { timeout: 30000 });
  const history = await api('GET', `/article-desk/articles/${documentId}/revisions?locale=ar`, reporterToken);
  expect(history.json.data[0]).toMatchObject({ action: 'restore', title: OLD_TITLE });
  await shot(editorPage, 'desk-05-restored');
});
