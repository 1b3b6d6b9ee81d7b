import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Response } from 'superagent';
import { TOKEN_CLASSES } from '../../src/lib/access-rules';
import { ADMIN_PASSWORD, adminUser } from '../helpers/admin';
import { documentsChecksum, tableFingerprint } from '../helpers/content-checksum';
import { Fixtures, paragraph } from '../helpers/fixtures';
import { appDir, createTestDatabase, isPostgres, startStrapi, type TestApp, type TestDatabase } from '../helpers/strapi';

/**
 * npm run backup / npm run restore, run as an operator would (child processes with the app's DATABASE_*
 * settings): a newsroom written through the API comes back identical — every document, the admin who
 * logs in, the partner's token, schedules, the search index and the uploaded bytes — and the tools refuse
 * a non-empty target, a wrong passphrase, another engine and damaged input with a message and exit 1.
 */

const tsx = path.join(appDir, 'node_modules', '.bin', 'tsx');
const PASSPHRASE = 'correct horse battery staple 247';

/** Runs scripts/<name>.ts with the given database settings; resolves with its exit code and output. */
function run(name: 'backup' | 'restore', args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(tsx, [path.join(appDir, 'scripts', `${name}.ts`), ...args], { cwd: appDir, env: { ...process.env, ...env } });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => resolve({ code, out }));
  });
}

/** supertest: keep a binary body as a Buffer. */
function binary(res: Response, callback: (err: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

/** A 300 × 200 PNG (one colour): large enough for Strapi to make a thumbnail, so derived files are backed up too. */
function png(width = 300, height = 200): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, Buffer.from([0xc8, 0x10, 0x2e]))]);
  const pixels = zlib.deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}

describe(`backup and restore (${isPostgres ? 'PostgreSQL' : 'SQLite'})`, () => {
  const started = Date.now();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-backup-'));
  const plain = path.join(dir, 'newsroom.tar');
  const encrypted = path.join(dir, 'newsroom.tar.enc');
  const image = png();
  let sourceDb: TestDatabase;
  let source: TestApp | undefined;
  let restored: TestApp | undefined;
  const extraDatabases: TestDatabase[] = [];
  const before = { checksum: '', versions: {} as Record<string, number>, tables: {} as Record<string, string> };
  const ids = { story: '', draft: '', scheduled: '', pending: '' };
  /** URL → bytes and mode on disk of the uploaded image and its derived formats (Strapi may re-encode the original). */
  const uploadedFiles = new Map<string, { bytes: Buffer; mode: number }>();
  let admin = { email: '' };
  let previewToken = '';
  let fullToken = '';

  const freshDatabase = async () => {
    const db = await createTestDatabase();
    extraDatabases.push(db);
    return db;
  };

  beforeAll(async () => {
    sourceDb = await createTestDatabase();
    // No cron: a scheduler or read-model tick between two fingerprints would be a write the scripts did not make.
    source = await startStrapi({ CRON_ENABLED: 'false' }, sourceDb);
    // Strapi's upload plugin schedules its weekly metrics job 15 s after a fresh database's first boot (its cron
    // runs whatever CRON_ENABLED says), and the job writes lastWeeklyUpdate into the core store: under load that
    // landed between two prints of this test (CI). Not a backup's doing, so the job goes.
    source.strapi.cron.remove('uploadWeekly');
    const f = await Fixtures.create(source);
    fullToken = f.token;
    previewToken = await source.apiToken('custom', [...TOKEN_CLASSES.preview.permissions]);
    admin = await adminUser(source, 'strapi-super-admin');

    const upload = await source.http().post('/api/upload').set(f.auth).attach('files', image, { filename: 'gulf-port.png', contentType: 'image/png' });
    expect(upload.status).toBe(201);
    const file = upload.body[0];
    for (const url of [file.url, ...Object.values(file.formats ?? {}).map((format: any) => format.url as string)]) {
      const onDisk = path.join(appDir, 'public', url);
      uploadedFiles.set(url, { bytes: fs.readFileSync(onDisk), mode: fs.statSync(onDisk).mode });
    }
    expect(uploadedFiles.size).toBeGreaterThan(1); // the original and at least its thumbnail

    const section = await f.section('اقتصاد');
    await f.put('sections', section.documentId, { name: 'Economy' }, { locale: 'en' });
    const author = await f.author('سارة الكعبي', 'ar', { avatar: file.id, socialLinks: [{ platform: 'x', url: 'https://x.com/sara' }] });
    const tag = await f.tag('الزعفران');
    const story = await f.article({
      title: 'أسعار الزعفران ترتفع في أسواق الخليج',
      excerpt: 'ارتفاع قياسي',
      body: [paragraph('سجل الزعفران الإيراني أعلى سعر له منذ عقد.')],
      section: section.documentId,
      authors: [author.documentId],
      tags: [tag.documentId],
      cover: { image: file.id, caption: 'ميناء في الخليج', credit: 'وكالة الأنباء', alt: 'ميناء' },
      relatedLinks: [{ label: 'منظمة أوبك', url: 'https://www.opec.org/' }],
      seo: { metaTitle: 'الزعفران', metaDescription: 'أسعار الزعفران', ogImage: file.id },
      corrections: [{ date: '2030-02-01T10:00:00.000Z', note: 'السعر بالدولار وليس باليورو.' }],
    });
    ids.story = story.documentId;
    await f.put('articles', story.documentId, { title: 'Saffron prices climb in Gulf markets', section: section.documentId }, { locale: 'en' });
    const draft = await f.article({ title: 'مسودة لم تنشر', relatedLinks: [{ label: 'الخبر الأصلي', article: story.documentId }] }, { draft: true });
    ids.draft = draft.documentId;
    const scheduled = await f.article(
      { title: 'خبر تحت الحظر', section: section.documentId, scheduledPublishAt: '2031-01-01T02:00:00.000Z', scheduledUnpublishAt: '2031-01-08T02:00:00.000Z' },
      { draft: true },
    );
    ids.scheduled = scheduled.documentId;
    const pending = await f.article({ title: 'خبر منشور', section: section.documentId });
    await f.put('articles', pending.documentId, { title: 'خبر منشور بتعديل لم ينشر بعد' }, { locale: 'ar', status: 'draft' });
    ids.pending = pending.documentId;

    // Section/author/tag writes re-render read-model rows in the background: let them land before the fingerprint.
    await source.strapi.service('api::article.read-model').refreshStale();
    await source.strapi.service('api::article.read-model').idle();
    Object.assign(before, await documentsChecksum(source.strapi));
    // Any other background write of the running app must land before the reference print: wait until two prints
    // a second apart agree.
    const deadline = Date.now() + 15_000;
    let print = await tableFingerprint(sourceDb.env);
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const again = await tableFingerprint(sourceDb.env);
      if (JSON.stringify(again) === JSON.stringify(print) || Date.now() > deadline) break;
      print = again;
    }
    before.tables = print;
  });

  afterAll(async () => {
    await restored?.stop();
    await source?.stop();
    for (const db of extraDatabases) await db.drop();
    for (const url of uploadedFiles.keys()) fs.rmSync(path.join(appDir, 'public', url), { force: true });
    fs.rmSync(dir, { recursive: true, force: true });
    // eslint-disable-next-line no-console
    console.log(`[backup-restore] ${isPostgres ? 'PostgreSQL' : 'SQLite'}: ${((Date.now() - started) / 1000).toFixed(1)} s, versions compared: ${JSON.stringify(before.versions)}`);
  });

  it('backs up while the app runs, plain and encrypted, without changing the database', async () => {
    const backup = await run('backup', [plain], sourceDb.env);
    expect(backup).toMatchObject({ code: 0, out: expect.stringContaining('Backup written') });
    const secured = await run('backup', [encrypted, '--encrypt'], { ...sourceDb.env, BACKUP_PASSPHRASE: PASSPHRASE });
    expect(secured).toMatchObject({ code: 0, out: expect.stringContaining('(encrypted)') });
    expect(fs.readFileSync(encrypted).includes(Buffer.from('manifest.json'))).toBe(false);
    expect(await tableFingerprint(sourceDb.env)).toEqual(before.tables);
  });

  it('refuses what it cannot do, with a message and exit 1, and writes nothing', async () => {
    expect(await run('backup', [path.join(dir, 'x.tar'), '--encrypt'], { ...sourceDb.env, BACKUP_PASSPHRASE: '' })).toMatchObject({
      code: 1,
      out: expect.stringContaining('set BACKUP_PASSPHRASE'),
    });
    expect(await run('restore', [plain], sourceDb.env)).toMatchObject({ code: 1, out: expect.stringContaining('is not empty') });
    expect(await tableFingerprint(sourceDb.env)).toEqual(before.tables);

    const empty = await freshDatabase();
    const stillEmpty = async () =>
      isPostgres ? JSON.stringify(await tableFingerprint(empty.env)) === emptyPrint : !fs.existsSync(path.join(appDir, empty.env.DATABASE_FILENAME));
    const emptyPrint = isPostgres ? JSON.stringify(await tableFingerprint(empty.env)) : '';
    expect(await run('restore', [encrypted], { ...empty.env, BACKUP_PASSPHRASE: '' })).toMatchObject({ code: 1, out: expect.stringContaining('is encrypted') });
    expect(await run('restore', [encrypted], { ...empty.env, BACKUP_PASSPHRASE: 'wrong' })).toMatchObject({ code: 1, out: expect.stringContaining('wrong BACKUP_PASSPHRASE') });
    expect(await run('restore', [path.join(dir, 'missing.tar')], empty.env)).toMatchObject({ code: 1, out: expect.stringContaining('no such file') });
    expect(await run('restore', [path.join(appDir, 'package.json')], empty.env)).toMatchObject({ code: 1, out: expect.stringContaining('not a backup archive') });
    const cut = path.join(dir, 'cut.tar');
    fs.writeFileSync(cut, fs.readFileSync(plain).subarray(0, Math.floor(fs.statSync(plain).size / 2)));
    expect(await run('restore', [cut], empty.env)).toMatchObject({ code: 1, out: expect.stringMatching(/cut off|damaged/) });
    const otherEngine: Record<string, string> = isPostgres ? { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: '.tmp/never-created.db' } : { DATABASE_CLIENT: 'postgres', DATABASE_NAME: 'never_created' };
    expect(await run('restore', [plain], otherEngine)).toMatchObject({ code: 1, out: expect.stringContaining('across engines is not supported') });
    expect(await stillEmpty()).toBe(true);
  });

  it('an encrypted archive restores the same tables, row for row; other secrets get a warning', async () => {
    const target = await freshDatabase();
    const restore = await run('restore', [encrypted], { ...target.env, BACKUP_PASSPHRASE: PASSPHRASE, API_TOKEN_SALT: 'another-salt' });
    expect(restore).toMatchObject({ code: 0, out: expect.stringContaining('warning: API_TOKEN_SALT differs') });
    expect(await tableFingerprint(target.env)).toEqual(before.tables);
  });

  it('a restored database boots and serves the same newsroom: documents, admin, tokens, schedules, search, files', async () => {
    await source!.stop();
    source = undefined;
    for (const url of uploadedFiles.keys()) fs.rmSync(path.join(appDir, 'public', url)); // they must come back from the archive

    const target = await createTestDatabase();
    const restore = await run('restore', [plain], target.env);
    expect(restore).toMatchObject({ code: 0, out: expect.stringContaining('Restored in') });
    expect(await tableFingerprint(target.env)).toEqual(before.tables);

    restored = await startStrapi({}, target);
    expect(await documentsChecksum(restored.strapi)).toEqual({ checksum: before.checksum, versions: before.versions });

    const login = await restored.http().post('/admin/login').send({ email: admin.email, password: ADMIN_PASSWORD });
    expect(login.status).toBe(200);

    for (const token of [previewToken, fullToken]) {
      const list = await restored.http().get('/api/articles').set('Authorization', `Bearer ${token}`);
      expect(list.status).toBe(200);
      const drafts = await restored.http().get('/api/articles').query({ status: 'draft', 'pagination[pageSize]': '100' }).set('Authorization', `Bearer ${token}`);
      expect(drafts.status).toBe(200);
      expect(drafts.body.data.map((a: { documentId: string }) => a.documentId)).toEqual(expect.arrayContaining([ids.draft, ids.scheduled]));
    }

    const scheduled = await restored.strapi.documents('api::article.article').findOne({ documentId: ids.scheduled, locale: 'ar', status: 'draft' } as any);
    expect(new Date(scheduled!.scheduledPublishAt as string).toISOString()).toBe('2031-01-01T02:00:00.000Z');
    expect(new Date(scheduled!.scheduledUnpublishAt as string).toISOString()).toBe('2031-01-08T02:00:00.000Z');
    const pending = await restored.strapi.documents('api::article.article').findOne({ documentId: ids.pending, locale: 'ar', status: 'draft' } as any);
    expect(pending!.title).toBe('خبر منشور بتعديل لم ينشر بعد');

    const search = await restored.http().get('/api/search').query({ q: 'الزعفران', locale: 'ar' });
    expect(search.status).toBe(200);
    expect(search.body.data.map((a: { documentId: string }) => a.documentId)).toEqual([ids.story]);

    for (const [url, { bytes, mode }] of uploadedFiles) {
      const served = await restored.http().get(url).buffer(true).parse(binary);
      expect(served.status).toBe(200);
      expect(Buffer.compare(served.body as Buffer, bytes)).toBe(0);
      expect(fs.statSync(path.join(appDir, 'public', url)).mode).toBe(mode); // readable as before, by nginx too
    }

    // The checksum sees nested components and media metadata: changing either changes it.
    await restored.strapi.documents('api::article.article').update({
      documentId: ids.story, locale: 'ar', status: 'published', data: { corrections: [{ date: '2030-02-01T10:00:00.000Z', note: 'تصحيح آخر' }] },
    } as any);
    const afterEdit = await documentsChecksum(restored.strapi);
    expect(afterEdit.checksum).not.toBe(before.checksum);
    await restored.strapi.db.query('plugin::upload.file').updateMany({ where: {}, data: { alternativeText: 'نص بديل آخر' } });
    expect((await documentsChecksum(restored.strapi)).checksum).not.toBe(afterEdit.checksum);
  });
});
