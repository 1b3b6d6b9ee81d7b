/**
 * Arabic text in the admin reads right-to-left, per text (src/admin/content-direction.ts):
 * in the article list a long Arabic headline shows its first words and ends in an
 * ellipsis on the left, English stays left-to-right; the same in relation chips,
 * relation pickers, the related-links field, the edit view's heading and the field
 * hints. Newsroom users land without Strapi's guided tour or Media Library banner.
 * 1440×900, an editor (Arabic interface). Screenshots: tests/e2e/screenshots/lists-*.png.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { ARTICLES, adminToken, api, baseUrl, launchChromium, logIn, newsroomUser, shot, shotOf, state } from './helpers';

// ≥ 120 characters, a distinctive first word, «» quotes.
const AR_LONG = 'مفاجأة «أوبك+» في فيينا: تمديد خفض الإنتاج حتى نهاية العام المقبل وسط ترقّب لمسار الطلب العالمي على النفط وتراجع المخزونات الأمريكية';
// Opens with «: dir="auto" would get this one right too…
const AR_QUOTED = '«قمة الرياض» تبحث أمن الملاحة في البحر الأحمر وتداعيات الأزمة على سلاسل الإمداد والتجارة الدولية وأسعار الشحن والتأمين البحري';
// …but not this one, which opens with a Latin acronym.
const AR_LATIN_FIRST = 'OPEC+ تمدد خفض الإنتاج وتطمئن الأسواق الخليجية';
const EN_LONG = 'Opec+ surprise in Vienna: output cuts extended to the end of next year as markets watch global oil demand and falling US inventories';
const AUTHOR = 'عبد الرحمن بن سلطان الهاشمي، مراسل الشؤون الاقتصادية في منطقة الخليج العربي';
const LINK_LABEL = 'خلفية: قرار أوبك+ السابق وأثره على الأسواق الخليجية';
const SECTION_HINT = 'مطلوب قبل النشر؛ يحدد رابط الخبر وموضعه في الموقع.';

interface TextLayout {
  direction: string;
  truncated: boolean;
  /** The first word is drawn inside the visible box… */
  firstVisible: boolean;
  /** …against its start edge (the right one for right-to-left). */
  firstAtStart: boolean;
  lastVisible: boolean;
}

/**
 * How `text` is drawn inside `anchor`: the element that holds it (Strapi's own
 * ellipsis box), its computed direction, and where its first and last words land
 * (Range rectangles) relative to the part of the box that is shown.
 */
const layoutOf = (anchor: Locator, text: string): Promise<TextLayout> =>
  anchor.evaluate((root, text) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let node: Text | null = null;
    for (let n = walker.nextNode(); n && !node; n = walker.nextNode()) if (n.nodeValue === text) node = n as Text;
    if (!node) throw new Error(`no text node "${text}" in ${root.outerHTML.slice(0, 300)}`);
    const el = node.parentElement!;
    let clip: HTMLElement = el;
    while (getComputedStyle(clip).overflowX === 'visible' && clip.parentElement && clip !== root) clip = clip.parentElement;
    const style = getComputedStyle(clip);
    const box = clip.getBoundingClientRect();
    const left = box.left + parseFloat(style.paddingLeft);
    const right = box.right - parseFloat(style.paddingRight);
    const wordRect = (start: number, end: number) => {
      const range = document.createRange();
      range.setStart(node!, start);
      range.setEnd(node!, end);
      const rects = Array.from(range.getClientRects());
      return { left: Math.min(...rects.map((r) => r.left)), right: Math.max(...rects.map((r) => r.right)) };
    };
    const inside = (r: { left: number; right: number }) => r.left >= left - 1 && r.right <= right + 1;
    const first = wordRect(0, text.indexOf(' '));
    const last = wordRect(text.lastIndexOf(' ') + 1, text.length);
    const direction = getComputedStyle(el).direction;
    return {
      direction,
      truncated: clip.scrollWidth > clip.clientWidth,
      firstVisible: inside(first),
      firstAtStart: direction === 'rtl' ? right - first.right <= 2 : first.left - left <= 2,
      lastVisible: inside(last),
    };
  }, text);

/** A long headline shown from its first word, cut at its end. */
async function expectReadsFromStart(anchors: Locator, text: string, direction: 'rtl' | 'ltr') {
  const anchor = anchors.first();
  await anchor.waitFor();
  expect(await layoutOf(anchor, text)).toEqual({ direction, truncated: true, firstVisible: true, firstAtStart: true, lastVisible: false });
}

const computedDirection = (locator: Locator) => locator.first().evaluate((el) => getComputedStyle(el).direction);
const connect = (documentId: string) => ({ connect: [{ documentId, locale: 'ar' }] });

let browser: Browser;
let page: Page;
const ids: Record<'arQuoted' | 'en', string> = { arQuoted: '', en: '' };

beforeAll(async () => {
  const token = await adminToken(state.admin.email, state.admin.password);
  const create = async (uid: string, locale: string, data: object) => {
    const res = await api('POST', `/content-manager/collection-types/${uid}?locale=${locale}`, token, data);
    expect(res.status).toBe(201);
    return res.json.data.documentId as string;
  };
  const section = await create('api::section.section', 'ar', { name: 'اقتصاد' });
  const author = await create('api::author.author', 'ar', { name: AUTHOR });
  const arLong = await create('api::article.article', 'ar', { title: AR_LONG, section: connect(section), authors: connect(author) });
  await create('api::article.article', 'ar', { title: AR_LATIN_FIRST, section: connect(section) });
  ids.arQuoted = await create('api::article.article', 'ar', { title: AR_QUOTED, relatedLinks: [{ label: LINK_LABEL, article: connect(arLong) }] });
  ids.en = await create('api::article.article', 'en', { title: EN_LONG });
  const editor = await newsroomUser(token, 'newsroom-editor', 'ليلى');
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await logIn(page, editor);
});
afterAll(async () => {
  await browser?.close();
});

const list = (locale: string) => page.goto(`${baseUrl}/admin${ARTICLES}?page=1&pageSize=10&sort=title:ASC&plugins[i18n][locale]=${locale}`);
const cell = (text: string) => page.locator('td[role="gridcell"]', { hasText: text });

it('lands on the home page without the guided tour or the Media Library banner', async () => {
  // The home page's "last edited" widget lists the stories: by then the banner would be up.
  await expectReadsFromStart(cell(AR_QUOTED), AR_QUOTED, 'rtl');
  await shot(page, 'lists-01-home', false);
  expect(await page.getByText('Introducing the new Media Library').count()).toBe(0);
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('STRAPI_GUIDED_TOUR') ?? 'null'));
  expect(stored?.enabled).toBe(false);
});

it('article list: long Arabic headlines read right-to-left from their first word', async () => {
  await list('ar');
  await expectReadsFromStart(cell(AR_LONG).locator('a'), AR_LONG, 'rtl');
  await expectReadsFromStart(cell(AR_QUOTED).locator('a'), AR_QUOTED, 'rtl');
  expect(await computedDirection(cell(AR_LATIN_FIRST).locator('a'))).toBe('rtl');
  await shot(page, 'lists-02-articles-ar', false);
  await shotOf(page.locator('main table'), 'lists-02-articles-ar-table');
});

it('article list: English headlines stay left-to-right', async () => {
  await list('en');
  await expectReadsFromStart(cell(EN_LONG).locator('a'), EN_LONG, 'ltr');
  await shot(page, 'lists-03-articles-en', false);
  await shotOf(page.locator('main table'), 'lists-03-articles-en-table');
});

it('edit view: the heading, the hints, the related link and its chip read right-to-left', async () => {
  await page.goto(`${baseUrl}/admin${ARTICLES}/${ids.arQuoted}?plugins[i18n][locale]=ar`);
  const heading = page.locator('main h1', { hasText: AR_QUOTED });
  await heading.waitFor();
  expect(await computedDirection(heading)).toBe('rtl');
  expect(await layoutOf(heading, AR_QUOTED)).toMatchObject({ direction: 'rtl', firstVisible: true, firstAtStart: true });
  await shot(page, 'lists-04-edit-heading', false);

  // The hint's closing period is drawn at its left end, where an Arabic sentence ends.
  const hint = page.locator('p[id$="-hint"]', { hasText: SECTION_HINT });
  expect(await computedDirection(hint)).toBe('rtl');
  const period = await hint.evaluate((p) => {
    const text = Array.from(p.childNodes).find((n) => n.nodeType === Node.TEXT_NODE && n.nodeValue!.endsWith('.')) as Text;
    const range = document.createRange();
    range.selectNodeContents(text);
    const line = range.getBoundingClientRect();
    range.setStart(text, text.length - 1);
    const dot = range.getBoundingClientRect();
    return { fromLeft: dot.left - line.left, fromRight: line.right - dot.right };
  });
  expect(period.fromLeft).toBeLessThanOrEqual(1);
  expect(period.fromRight).toBeGreaterThan(100);

  const linkHeader = page.locator('form h3', { hasText: LINK_LABEL });
  expect(await computedDirection(linkHeader.getByText(LINK_LABEL))).toBe('rtl');
  await linkHeader.click();
  await expectReadsFromStart(page.locator('form li', { hasText: AR_LONG }), AR_LONG, 'rtl');
  await linkHeader.scrollIntoViewIfNeeded();
  await shot(page, 'lists-05-edit-related-link', false);
});

it('relation pickers list Arabic titles and names from their start', async () => {
  await page.click('input[name="relatedLinks.0.article"]');
  await expectReadsFromStart(page.locator('[role="listbox"] [role="option"]', { hasText: AR_QUOTED }), AR_QUOTED, 'rtl');
  await shot(page, 'lists-06-picker-article', false);
  await shotOf(page.locator('[role="listbox"]'), 'lists-06-picker-article-listbox');
  await page.keyboard.press('Escape');

  await page.click('input[name="authors"]');
  await expectReadsFromStart(page.locator('[role="listbox"] [role="option"]', { hasText: AUTHOR }), AUTHOR, 'rtl');
  await shot(page, 'lists-07-picker-authors', false);
  await shotOf(page.locator('[role="listbox"]'), 'lists-07-picker-authors-listbox');
  await page.keyboard.press('Escape');
});

it('the English version’s heading stays left-to-right', async () => {
  await page.goto(`${baseUrl}/admin${ARTICLES}/${ids.en}?plugins[i18n][locale]=en`);
  const heading = page.locator('main h1', { hasText: EN_LONG });
  await heading.waitFor();
  expect(await layoutOf(heading, EN_LONG)).toMatchObject({ direction: 'ltr', firstVisible: true, firstAtStart: true });
});

it('Settings → Roles: the newsroom roles and Super Admin, no Strapi "Editor"/"Author" beside them', async () => {
  const admin = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await logIn(admin, state.admin.email);
  await admin.goto(`${baseUrl}/admin/settings/roles`);
  const rows = admin.locator('main table tbody tr');
  await rows.filter({ hasText: 'رئيس التحرير (Editor-in-chief)' }).waitFor();
  const names = (await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelector('td')?.textContent?.trim() ?? ''))).sort();
  expect(names).toEqual(['Super Admin', 'رئيس التحرير (Editor-in-chief)', 'كاتب (Reporter)', 'محرر (Editor)'].sort());
  await shot(admin, 'lists-08-settings-roles', false);
  await admin.context().close();
});
