import { spawnSync } from 'node:child_process';
import path from 'node:path';

/**
 * surviveOrphanedDatabaseErrors (src/bootstrap/database-connections.ts), in a real Node process: an unawaited
 * rejection that means "database unavailable" is logged and the process lives on; any other one still stops
 * it, as Node's default does.
 */
const appDir = path.resolve(__dirname, '..', '..');
const tsx = path.join(appDir, 'node_modules', '.bin', 'tsx');

function run(rejection: string) {
  const code = `
    const { surviveOrphanedDatabaseErrors } = require('./src/bootstrap/database-connections');
    surviveOrphanedDatabaseErrors({ log: { warn: (m) => console.log('warn: ' + m) } });
    Promise.reject(${rejection});
    setTimeout(() => console.log('still serving'), 200);
  `;
  return spawnSync(tsx, ['-e', code], { cwd: appDir, encoding: 'utf8', timeout: 30_000 });
}

describe('unawaited rejections', () => {
  it('a statement cut off with its connection does not stop the process', () => {
    const out = run("new Error('select 1 - Connection terminated unexpectedly')");
    expect(out.stdout).toContain('warn: [database] a statement cut off with its connection');
    expect(out.stdout).toContain('still serving');
    expect(out.status).toBe(0);
  });

  it('any other rejection still stops it', () => {
    const out = run("new Error('a real bug')");
    expect(out.stdout).not.toContain('still serving');
    expect(out.stderr).toContain('a real bug');
    expect(out.status).not.toBe(0);
  });
});
