import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { isPostgres, startStrapi, appDir, type TestApp } from '../helpers/strapi';

/**
 * Two app processes on one PostgreSQL database run a scheduler tick at the
 * same moment: every due article must be published exactly once.
 */
const DUE = 40;

interface WorkerResult {
  pid: number;
  startedAt: number;
  endedAt: number;
  publishEvents: number;
  done: Array<{ kind: string; documentId: string; locale: string }>;
  failed: unknown[];
}

function startWorker(): { child: ChildProcessWithoutNullStreams; ready: Promise<void>; result: Promise<WorkerResult> } {
  const child = spawn(process.execPath, [path.join(appDir, 'tests/helpers/scheduler-worker.js')], {
    cwd: appDir,
    env: { ...process.env, CRON_ENABLED: 'false', LOG_LEVEL: 'error' },
  });
  let out = '';
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d) => {
      out += d;
      if (out.includes('ready\n')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`worker exited (${code}) before ready: ${err}`)));
  });
  const result = new Promise<WorkerResult>((resolve, reject) => {
    child.on('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('RESULT '));
      if (code === 0 && line) resolve(JSON.parse(line.slice('RESULT '.length)));
      else reject(new Error(`worker exited ${code}: ${err}`));
    });
  });
  return { child, ready, result };
}

if (isPostgres) {
  describe('scheduler across two app processes on one PostgreSQL', () => {
    let app: TestApp;
    const ids: string[] = [];

    beforeAll(async () => {
      app = await startStrapi({ CRON_ENABLED: 'false' });
      const section = await app.strapi.documents('api::section.section').create({ locale: 'ar', data: { name: 'محليات' } } as any);
      const past = new Date(Date.now() - 60_000);
      for (let i = 0; i < DUE; i++) {
        const doc = await app.strapi.documents('api::article.article').create({
          locale: 'ar',
          data: { title: `خبر مجدول رقم ${i}`, section: section.documentId, scheduledPublishAt: past },
        } as any);
        ids.push(doc.documentId);
      }
    });
    afterAll(async () => {
      await app?.stop();
    });

    it('publishes each due article exactly once', async () => {
      const workers = [startWorker(), startWorker()];
      await Promise.all(workers.map((w) => w.ready));
      for (const w of workers) w.child.stdin.write('go\n');
      const results = await Promise.all(workers.map((w) => w.result));

      const published = results.flatMap((r) => r.done.filter((d) => d.kind === 'publish').map((d) => d.documentId));
      expect(published.length).toBe(DUE);
      expect(new Set(published)).toEqual(new Set(ids));
      expect(results.reduce((n, r) => n + r.publishEvents, 0)).toBe(DUE); // Document Service events, counted apart
      expect(results.flatMap((r) => r.failed)).toEqual([]);
      // The two ticks really ran at the same time.
      const [a, b] = results;
      expect(a.startedAt < b.endedAt && b.startedAt < a.endedAt).toBe(true);

      const live = await app.strapi.db.query('api::article.article').count({
        where: { documentId: { $in: ids }, publishedAt: { $notNull: true } },
      });
      expect(live).toBe(DUE);
      const stillScheduled = await app.strapi.db.query('api::article.article').count({
        where: { documentId: { $in: ids }, scheduledPublishAt: { $notNull: true } },
      });
      expect(stillScheduled).toBe(0);
      // eslint-disable-next-line no-console
      console.log(`[scheduler] split between processes: ${results.map((r) => r.done.length).join(' + ')}`);
    });
  });
} else {
  it('needs PostgreSQL (a single app process is assumed on SQLite)', () => {
    expect(isPostgres).toBe(false);
  });
}
