import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { appDir, startStrapi, type TestApp } from '../helpers/strapi';
import { wireService } from '../../src/api/services';

/**
 * Agency wire ingest against a real Strapi: ninjs (1.x, 2.x) and NewsML-G2
 * items dropped into watched folders (and one polled URL) become drafts of the
 * Wire section, never public; a new version updates the same draft, a replay
 * changes nothing, a kill marks the draft and warns when the story is live.
 */
const FIXTURES = path.join(appDir, 'tests/fixtures/wire');
const ARTICLE = 'api::article.article';
const root = path.join(appDir, '.tmp', `wire-test-${process.pid}-${crypto.randomBytes(3).toString('hex')}`);
const dir = (name: string) => path.join(root, name);
const drop = (folder: string, fixture: string, as = fixture) => fs.copyFileSync(path.join(FIXTURES, fixture), path.join(dir(folder), as));

let app: TestApp;
let server: http.Server;
let url = '';
const saved = { WIRE_SOURCES: process.env.WIRE_SOURCES, CRON_ENABLED: process.env.CRON_ENABLED };
const wire = () => wireService(app.strapi);
const source = (name: string) => wire().sources().find((s) => s.name === name)!;
const drafts = (wireId: string) => app.strapi.db.query(ARTICLE).findMany({ where: { wireId }, populate: { section: { select: ['slug', 'name'] } } });

beforeAll(async () => {
  for (const f of ['kuna', 'spa', 'wam']) fs.mkdirSync(dir(f), { recursive: true });
  server = http.createServer((_req, res) => {
    res.setHeader('Content-Type', 'application/json');
    res.end(fs.readFileSync(path.join(FIXTURES, 'wam-ninjs1.json')));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/wire.json`;
  app = await startStrapi({
    CRON_ENABLED: 'false', // the test drives the ticks itself
    WIRE_SOURCES: JSON.stringify([
      { name: 'KUNA', format: 'ninjs', location: dir('kuna'), interval: 30 },
      { name: 'SPA', format: 'newsml', location: dir('spa'), interval: 30 },
      { name: 'WAM', format: 'ninjs', location: dir('wam'), interval: 30 },
      { name: 'WAM-API', format: 'ninjs', location: url, interval: 30 },
      { name: 'broken', format: 'atom', location: dir('wam') },
    ]),
  });
}, 300_000);
afterAll(async () => {
  await app?.stop();
  server?.close();
  fs.rmSync(root, { recursive: true, force: true });
  for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
  else process.env[k] = v;
});

describe('wire ingest', () => {
  it('turns each source’s items into drafts of the Wire section, with agency, dateline, id, version and rights', async () => {
    drop('kuna', 'kuna-ninjs2-v1.json');
    drop('spa', 'spa-newsml-v1.xml');
    drop('wam', 'wam-ninjs1.json');
    expect(wire().sources().map((s) => s.name)).toEqual(['KUNA', 'SPA', 'WAM', 'WAM-API']); // the bad one is left out
    const runs = await wire().runDue();
    expect(runs.map((r) => [r.source, r.outcomes.map((o) => o.action), r.problems])).toEqual([
      ['KUNA', ['created'], []],
      ['SPA', ['created'], []],
      ['WAM', ['created'], []],
      ['WAM-API', ['created'], []],
    ]);
    const [kuna] = await drafts('urn:kuna.net.kw:news:2025-06-04:3215771');
    expect(kuna).toMatchObject({
      title: 'وزراء خارجية الناتو يجتمعون في بروكسل لبحث الإنفاق الدفاعي', source: 'KUNA', dateline: 'بروكسل', locale: 'ar',
      wireVersion: 1, wireStatus: 'usable', publishedAt: null, section: { slug: 'wire', name: 'الوكالات' },
      wireRights: expect.stringContaining('للاستخدام من قبل المشتركين فقط'),
    });
    expect(kuna.excerpt).toBe('اجتماعات تستمر يومين في العاصمة البلجيكية تحضيراً لقمة لاهاي.');
    expect(kuna.body).toHaveLength(2);
    // Drafts: nothing public.
    const list = await app.http().get('/api/articles').query({ locale: 'ar' });
    expect(list.body.data).toEqual([]);
    // Nothing is due again before its interval.
    expect(await wire().runDue()).toEqual([]);
  });

  it('a new version updates the same draft; a replayed older version changes nothing', async () => {
    const [before] = await drafts('urn:kuna.net.kw:news:2025-06-04:3215771');
    drop('kuna', 'kuna-ninjs2-v2.json');
    const run = await wire().poll(source('KUNA'));
    expect(run.outcomes).toEqual([{ id: 'urn:kuna.net.kw:news:2025-06-04:3215771', version: 2, action: 'updated', documentId: before.documentId }]);
    const after = await drafts('urn:kuna.net.kw:news:2025-06-04:3215771');
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ documentId: before.documentId, wireVersion: 2, title: expect.stringMatching(/^محدث: /) });
    expect(after[0].body).toHaveLength(3);

    drop('kuna', 'kuna-ninjs2-v1.json', 'replayed-v1.json');
    expect((await wire().poll(source('KUNA'))).outcomes.map((o) => o.action)).toEqual(['unchanged']);
    expect(await wire().poll(source('KUNA'))).toEqual({ source: 'KUNA', outcomes: [], problems: [] }); // every file read once
  });

  it('a published story keeps the rights and ids private; a kill marks the draft and warns', async () => {
    const [spa] = await drafts('urn:newsml:spa.gov.sa:20250605:2345678');
    await app.strapi.documents(ARTICLE).publish({ documentId: spa.documentId, locale: 'ar' });
    const res = await app.http().get(`/api/articles/${spa.documentId}`).query({ locale: 'ar' });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ source: 'SPA', dateline: 'الرياض' });
    expect(JSON.stringify(res.body)).not.toMatch(/wireId|wireRights|wireStatus|wireVersion|يُحظر النشر/);

    drop('spa', 'spa-newsml-kill.xml');
    const run = await wire().poll(source('SPA'));
    expect(run.outcomes).toEqual([
      { id: 'urn:newsml:spa.gov.sa:20250605:2345678', version: 2, action: 'withdrawn', documentId: spa.documentId, warning: expect.stringContaining('is published') },
    ]);
    const versions = await drafts('urn:newsml:spa.gov.sa:20250605:2345678');
    expect(versions.find((v: { publishedAt: unknown }) => v.publishedAt === null)).toMatchObject({ wireStatus: 'withdrawn', wireVersion: 2 });
    // The kill did not touch the live text: the editor decides.
    expect(versions.find((v: { publishedAt: unknown }) => v.publishedAt !== null)).toMatchObject({ wireStatus: 'usable' });
  });

  it('a broken delivery is reported and does not stop the others', async () => {
    fs.writeFileSync(path.join(dir('wam'), 'broken.json'), '{"uri": ');
    drop('wam', 'wam-ninjs1.json', 'again.json');
    const run = await wire().poll(source('WAM'));
    expect(run.problems).toEqual([expect.stringMatching(/^not JSON/)]);
    expect(run.outcomes.map((o) => o.action)).toEqual(['unchanged']);
    expect(await app.strapi.db.query(ARTICLE).count({ where: { wireId: 'http://wam.ae/ar/details/1395303512345' } })).toBe(2); // WAM and WAM-API, one each
  });
});
