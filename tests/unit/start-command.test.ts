import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { strapiStartArgs } from '../../scripts/lib/processes';

/**
 * Production nodes (`npm start`, the cluster, the benchmarks) run with V8 flags that keep their memory
 * flat under load (docs/operations.md, "Memory"): one list, read from package.json's start script.
 */
describe('the production start command', () => {
  const args = strapiStartArgs();
  const flags = args.filter((a) => a.startsWith('--'));

  it('runs strapi start with the heap flags of npm start', () => {
    expect(flags).toEqual(['--max-semi-space-size=64', '--heap-growing-percent=50']);
    expect(fs.existsSync(args[flags.length])).toBe(true);
    expect(args.slice(-1)).toEqual(['start']);
  });

  it('uses flags this Node accepts and applies', () => {
    const run = spawnSync(process.execPath, [...flags, '-p', "require('v8').getHeapStatistics().total_available_size > 0"], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('true');
    const bogus = spawnSync(process.execPath, ['--heap-growing-percentage=50', '-e', '1'], { encoding: 'utf8' });
    expect(bogus.status).not.toBe(0); // Node refuses an unknown flag, so the check above means something
  });
});
