/**
 * The «تسليمات الشركاء · Partner deliveries» admin page (src/admin/partner-deliveries.tsx): a
 * partner endpoint (a receiver in this process) gets the publish of a story; the page lists the
 * delivery with its status and HTTP answer, and "resend" sends it again (the receiver sees a
 * second request with the same webhook-id). Screenshot: tests/e2e/screenshots/partner-deliveries.png.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { adminToken, api, baseUrl, launchChromium, logIn, shot, state } from './helpers';

let browser: Browser;
let receiver: http.Server;
const received: Array<{ id: string | undefined; body: string }> = [];
let superToken: string;

beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push({ id: req.headers['webhook-id'] as string | undefined, body });
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', () => r()));
  const port = (receiver.address() as AddressInfo).port;
  superToken = await adminToken(state.admin.email, state.admin.password);
  const endpoint = await api('POST', '/content-manager/collection-types/api::partner-endpoint.partner-endpoint', superToken, {
    name: 'وكالة الاختبار',
    url: `http://127.0.0.1:${port}/hook`,
  });
  expect(endpoint.status).toBe(201);
  const section = await api('POST', '/content-manager/collection-types/api::section.section?locale=ar', superToken, { name: 'شركاء' });
  const article = await api('POST', '/content-manager/collection-types/api::article.article?locale=ar', superToken, {
    title: 'خبر يصل إلى الشركاء',
    section: section.json.data.documentId,
  });
  expect(article.status).toBe(201);
  const published = await api('POST', `/content-manager/collection-types/api::article.article/${article.json.data.documentId}/actions/publish?locale=ar`, superToken, {});
  expect(published.status).toBe(200);
  for (let i = 0; i < 60 && !received.length; i++) await new Promise((r) => setTimeout(r, 500));
  expect(received.length).toBeGreaterThanOrEqual(1);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await new Promise((r) => receiver?.close(r));
});

it('lists the delivery with its status and resends it', async () => {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await logIn(page, state.admin.email);
  await page.goto(`${baseUrl}/admin/partner-deliveries`);
  const row = page.locator('[data-partner-deliveries] tr[data-status="delivered"]').first();
  await row.waitFor({ timeout: 30000 });
  // The endpoints' names come in a second request: wait for the row to show the name, not the id.
  await row.filter({ hasText: 'وكالة الاختبار' }).waitFor({ timeout: 15000 });
  await expect(row.textContent()).resolves.toMatch(/وكالة الاختبار/);
  await expect(row.textContent()).resolves.toMatch(/200/);
  await shot(page, 'partner-deliveries');
  const before = received.length;
  await row.locator('button[data-resend]').click();
  await page.locator('[data-partner-deliveries] [role="status"]').waitFor();
  for (let i = 0; i < 40 && received.length === before; i++) await new Promise((r) => setTimeout(r, 250));
  expect(received.length).toBeGreaterThan(before);
  // The same event again: same idempotency key.
  expect(received.slice(0, before).map((r) => r.id)).toContain(received.at(-1)!.id);
  await page.close();
});
