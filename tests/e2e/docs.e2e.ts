/**
 * The API reference page renders in Chromium from the app's own files: no
 * request leaves the app's origin, no script or CSP error, every tag and
 * operation of the document is shown. Screenshot: tests/e2e/screenshots/api-docs.png.
 */
import type { Browser } from 'playwright-core';
import { baseUrl, launchChromium, shot } from './helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

it('renders /api/docs offline: Swagger UI from the app itself, every operation listed', async () => {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const origin = new URL(baseUrl).origin;
  const foreign: string[] = [];
  const problems: string[] = [];
  page.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith(origin) && !url.startsWith('data:')) foreign.push(url);
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(msg.text());
  });
  page.on('pageerror', (err) => problems.push(String(err)));
  await page.goto(`${baseUrl}/api/docs`, { waitUntil: 'networkidle' });
  await page.locator('.swagger-ui .info .title').waitFor({ timeout: 30000 });
  expect(await page.locator('.swagger-ui .info .title').innerText()).toContain('خليجي 247');
  const doc = await (await fetch(`${baseUrl}/api/openapi.json`)).json();
  const operations = Object.values(doc.paths as Record<string, object>).reduce((n, item) => n + Object.keys(item).length, 0);
  // An operation with two tags is shown under each: count distinct operations (ids `operations-<tag>-<operationId>`).
  const shown = await page.locator('.opblock').evaluateAll((els) => new Set(els.map((e) => e.id.replace(/^operations-[^-]+-/, ''))).size);
  expect(shown).toBe(operations);
  // One operation opened: its Arabic example is on the page.
  await page.locator('.opblock-summary-path', { hasText: '/api/search' }).first().click();
  await page.locator('.opblock-body').first().waitFor();
  expect(await page.locator('.opblock-body').first().innerText()).toContain('اسعار النفط');
  await shot(page, 'api-docs');
  expect(foreign).toEqual([]);
  expect(problems).toEqual([]);
  await page.close();
});
