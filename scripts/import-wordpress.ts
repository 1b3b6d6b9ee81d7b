/**
 * npm run import:wordpress -- <export.xml> [--dry-run] [--limit N] [--uploads dir] [--pages] [--redirects base]
 *
 * Imports a WordPress export (WXR) through the Document Service, with a
 * progress bar and a summary table; idempotent (a re-run updates changed
 * posts and skips unchanged ones, never duplicates). Uses the app's
 * DATABASE_* settings; the app may be running. Exit codes: 0 when done (even
 * with skipped items, which are listed), 1 when the file cannot be read or is
 * not a WordPress export, 2 on a usage error. See README, "WordPress import".
 */
import fs from 'node:fs';
import path from 'node:path';
import cliProgress from 'cli-progress';
import { parseImportArgs, redirectsCsv, UsageError } from '../src/lib/wordpress/map';
import { WxrFormatError } from '../src/lib/wordpress/wxr-reader';
import type { ImportReport } from '../src/api/import/services/wordpress';
import { readModelService, wordpressImportService } from '../src/api/services';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { loadStrapi, appDir } = require('./lib/boot') as { loadStrapi: (o?: { compile?: boolean }) => Promise<any>; appDir: string };

const USAGE = `usage: npm run import:wordpress -- <export.xml> [--dry-run] [--limit N] [--uploads dir] [--pages] [--redirects base]
  --dry-run        report what would be created or updated; write nothing
  --limit N        only the first N posts of the file
  --uploads dir    a copy of wp-content/uploads, for files that cannot be downloaded
  --pages          import WordPress pages as articles too
  --redirects base write the redirect map to base.csv and base.json (default .tmp/wordpress-redirects)`;

function fail(code: number, message: string): never {
  console.error(message);
  process.exit(code);
}

/** A cheap look at the file before Strapi boots: it exists, is readable and starts like XML. */
function checkReadable(file: string): void {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (err) {
    fail(1, `Cannot read ${file}: ${(err as Error).message}`);
  }
  const head = Buffer.alloc(512);
  const n = fs.readSync(fd, head, 0, 512, 0);
  fs.closeSync(fd);
  const text = head.subarray(0, n).toString('utf8').replace(/^\uFEFF/, '').trimStart();
  if (!text.startsWith('<')) fail(1, `${file} is not an XML file (a WordPress export starts with <?xml or <rss)`);
}

function table(rows: Array<[string, string | number]>): string {
  const width = Math.max(...rows.map(([k]) => k.length));
  const valueWidth = Math.max(...rows.map(([, v]) => String(v).length));
  const line = `+-${'-'.repeat(width)}-+-${'-'.repeat(valueWidth)}-+`;
  return [line, ...rows.map(([k, v]) => `| ${k.padEnd(width)} | ${String(v).padStart(valueWidth)} |`), line].join('\n');
}

function summary(r: ImportReport): string {
  const ignored = Object.entries(r.ignored).map(([reason, n]): [string, number] => [`  ignored: ${reason}`, n]);
  const verb = r.dryRun ? 'would be ' : '';
  const rows: Array<[string, string | number]> = [
    [`posts ${verb}created`, r.posts.created],
    [`posts ${verb}updated`, r.posts.updated],
    ['posts unchanged', r.posts.unchanged],
    ['items skipped (bad)', r.skipped.length],
    ...ignored,
    ['sections created', r.created.sections],
    ['tags created', r.created.tags],
    ['authors created', r.created.authors],
    ['media downloaded', r.media.downloaded],
    ['media from --uploads', r.media.fromUploads],
    ['media reused', r.media.reused],
    ['media missing', r.media.missing.length],
    ['redirects', r.redirects.length],
    ['seconds', (r.ms / 1000).toFixed(1)],
  ];
  return table(rows);
}

async function main() {
  let args;
  try {
    args = parseImportArgs(process.argv.slice(2));
  } catch (err) {
    if (err instanceof UsageError) fail(2, `${err.message}\n${USAGE}`);
    throw err;
  }
  checkReadable(args.file);
  if (args.uploads && !fs.existsSync(args.uploads)) fail(2, `--uploads: ${args.uploads} does not exist`);
  process.env.LOG_LEVEL ??= 'warn';
  const strapi = await loadStrapi({ compile: process.env.IMPORT_SKIP_COMPILE !== 'true' });
  const bar = new cliProgress.SingleBar(
    { format: 'posts [{bar}] {percentage}% | {value}/{total} | {rate}/s | ETA {eta_formatted} | skipped {skipped}', etaBuffer: 200 },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  let barStarted = false;
  let code = 0;
  try {
    const report = await wordpressImportService(strapi).run(args.file, {
      dryRun: args.dryRun,
      limit: args.limit,
      uploadsDir: args.uploads,
      pages: args.pages,
      onProgress(done, total, r) {
        const payload = { rate: (done / Math.max(0.001, (Date.now() - started) / 1000)).toFixed(1), skipped: r.skipped.length };
        if (!barStarted) {
          bar.start(total, 0, payload);
          barStarted = true;
        }
        bar.update(done, payload);
      },
    });
    bar.stop();
    console.log(`\nWordPress import of ${report.site} into locale "${report.locale}"${report.dryRun ? ' (dry run: nothing written)' : ''}`);
    console.log(summary(report));
    for (const s of report.skipped) console.log(`skipped WordPress item ${s.id} (line ${s.line}): ${s.reason}`);
    for (const m of report.media.missing) console.log(`missing media: ${m}`);
    for (const n of report.notes) console.log(`note on post ${n.id}: ${n.note}`);
    if (report.dryRun) for (const p of report.plan) if (p.action !== 'unchanged') console.log(`would ${p.action === 'created' ? 'create' : 'update'} post ${p.id}: ${p.title}`);
    if (!report.dryRun) {
      const base = path.resolve(appDir, args.redirects ?? '.tmp/wordpress-redirects');
      fs.mkdirSync(path.dirname(base), { recursive: true });
      fs.writeFileSync(`${base}.csv`, redirectsCsv(report.redirects));
      fs.writeFileSync(`${base}.json`, JSON.stringify(report.redirects, null, 2) + '\n');
      console.log(`Redirect map (${report.redirects.length}): ${base}.csv, ${base}.json`);
    }
  } catch (err) {
    bar.stop();
    if (err instanceof WxrFormatError) {
      console.error(`Cannot import ${args.file}: ${err.message}`);
      code = 1;
    } else throw err;
  } finally {
    // New sections/tags/authors re-render read-model rows in the background: let that finish before the pool closes.
    await readModelService(strapi).refreshStale().catch(() => undefined);
    await readModelService(strapi).idle();
    // Closing the pool rejects any connection request still queued with tarn's "aborted", and on a fresh
    // PostgreSQL database one of Strapi's own is (not ours: every background task of the app catches its
    // errors); unhandled, it would turn a finished import into exit code 1. Only that rejection, only now.
    process.on('unhandledRejection', (err) => {
      if (!(err instanceof Error && err.message === 'aborted')) throw err;
    });
    await strapi.destroy();
  }
  process.exit(code);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
