import type { TestApp } from './strapi';

/** Writes through the public REST API with a full-access token, as a frontend build server or script would. */
export class Fixtures {
  constructor(private app: TestApp, readonly token: string) {}

  static async create(app: TestApp): Promise<Fixtures> {
    return new Fixtures(app, await app.apiToken('full-access'));
  }

  get auth() {
    return { Authorization: `Bearer ${this.token}` };
  }

  async post(type: string, data: Record<string, unknown>, query: Record<string, string> = {}) {
    const res = await this.app.http().post(`/api/${type}`).query(query).set(this.auth).send({ data });
    if (res.status >= 300) throw new Error(`POST ${type} → ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body.data;
  }

  async put(type: string, documentId: string, data: Record<string, unknown>, query: Record<string, string> = {}) {
    const res = await this.app.http().put(`/api/${type}/${documentId}`).query(query).set(this.auth).send({ data });
    if (res.status >= 300) throw new Error(`PUT ${type}/${documentId} → ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body.data;
  }

  section(name: string, locale = 'ar', extra: Record<string, unknown> = {}) {
    return this.post('sections', { name, ...extra }, { locale });
  }

  author(name: string, locale = 'ar', extra: Record<string, unknown> = {}) {
    return this.post('authors', { name, ...extra }, { locale });
  }

  tag(name: string, locale = 'ar') {
    return this.post('tags', { name }, { locale });
  }

  /** Creates (and by default publishes) an article; `section` etc. are documentIds. */
  article(data: Record<string, unknown>, { locale = 'ar', draft = false } = {}) {
    return this.post('articles', data, { locale, ...(draft ? { status: 'draft' } : {}) });
  }
}

export const paragraph = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text }] });
