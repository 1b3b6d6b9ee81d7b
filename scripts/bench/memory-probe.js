/**
 * Preloaded into each soak node (`NODE_OPTIONS=--require …`, only when SOAK_MEMORY_DIR is set). Appends
 * the process's memory split (RSS, V8 heap used/total, external, array buffers, in MB) to
 * SOAK_MEMORY_DIR/<pid>.jsonl once a second, and on SIGUSR2 runs a full garbage collection first and
 * writes a sample marked `gc: true`: memory after a full collection is what a leak grows, while the
 * per-second samples also show the garbage V8 lets pile up between its major collections.
 */
const fs = require('node:fs');
const path = require('node:path');
const v8 = require('node:v8');
const vm = require('node:vm');

const dir = process.env.SOAK_MEMORY_DIR;
if (dir) {
  const file = path.join(dir, `${process.pid}.jsonl`);
  const mb = (bytes) => Math.round((bytes / 1024 / 1024) * 10) / 10;
  const sample = (extra) => {
    const m = process.memoryUsage();
    const line = { t: Date.now(), rss: mb(m.rss), heapUsed: mb(m.heapUsed), heapTotal: mb(m.heapTotal), external: mb(m.external), arrayBuffers: mb(m.arrayBuffers), ...extra };
    fs.appendFile(file, `${JSON.stringify(line)}\n`, () => {});
  };
  const timer = setInterval(() => sample({}), 1000);
  timer.unref();
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc');
  process.on('SIGUSR2', () => {
    gc();
    sample({ gc: true });
  });
}
