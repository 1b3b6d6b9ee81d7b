/**
 * Shared by the browser tests: the server started by setup.js, the admin API,
 * newsroom users, logging in, Chromium and screenshots (tests/e2e/screenshots/).
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

export const state = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../.tmp/e2e-state.json'), 'utf8'));
export const baseUrl: string = state.baseUrl;
export const PASSWORD = 'E2e-Newsroom-2024';
export const ARTICLES = `/content-manager/collection-types/api::article.article`;
const shots = path.join(__dirname, 'screenshots');

export async function api(method: string, url: string, token?: string, body?: unknown) {
  const res = await fetch(`${baseUrl}${url}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, json, text };
}

/**
 * Strapi allows 5 logins per e-mail address in 5 minutes, and every test file needs the Super Admin's token:
 * each address logs in once per run, and its token is kept in .tmp/e2e-tokens.json for the other files.
 */
const tokenFile = path.resolve(__dirname, '../../.tmp/e2e-tokens.json');
export async function adminToken(email: string, password: string): Promise<string> {
  const tokens: Record<string, { baseUrl: string; token: string }> = fs.existsSync(tokenFile) ? JSON.parse(fs.readFileSync(tokenFile, 'utf8')) : {};
  if (tokens[email]?.baseUrl === baseUrl) return tokens[email].token;
  const login = await api('POST', '/admin/login', undefined, { email, password });
  if (login.status !== 200) throw new Error(`admin login of ${email} → ${login.status}: ${login.text.slice(0, 300)}`);
  tokens[email] = { baseUrl, token: login.json.data.token };
  fs.writeFileSync(tokenFile, JSON.stringify(tokens));
  return tokens[email].token;
}

/** Invites and registers an admin user with a newsroom role, as the Users settings page does. */
export async function newsroomUser(superToken: string, roleCode: string, firstname: string) {
  const roles = (await api('GET', '/admin/roles', superToken)).json.data as Array<{ id: number; code: string }>;
  const role = roles.find((r) => r.code === roleCode)!;
  const email = `${roleCode}-${Date.now()}@khaleeji247.example`;
  const invited = await api('POST', '/admin/users', superToken, { firstname, lastname: 'الاختبار', email, roles: [role.id] });
  expect(invited.status).toBe(201);
  const registered = await api('POST', '/admin/register', undefined, {
    registrationToken: invited.json.data.registrationToken,
    userInfo: { firstname, lastname: 'الاختبار', password: PASSWORD },
  });
  expect(registered.status).toBe(200);
  return email;
}

export async function logIn(page: Page, email: string) {
  await page.goto(`${baseUrl}/admin/auth/login`);
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', PASSWORD);
  await page.click('button[type="submit"]');
  await page.waitForURL((url) => !url.pathname.includes('/auth/'), { timeout: 60000 });
}

export const launchChromium = (): Promise<Browser> => {
  fs.mkdirSync(shots, { recursive: true });
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
};

/** Finite animations (a popover fading in) are run to their end first. */
export const shot = (page: Page, name: string, fullPage = true) =>
  page.screenshot({ path: path.join(shots, `${name}.png`), fullPage, animations: 'disabled' });

/** One element, e.g. the list's table, at the page's scale. */
export const shotOf = (element: Locator, name: string) =>
  element.screenshot({ path: path.join(shots, `${name}.png`), animations: 'disabled' });
