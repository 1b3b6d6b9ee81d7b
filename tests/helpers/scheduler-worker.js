// A separate app process for the multi-process scheduler test: boots Strapi on
// the database named in the environment, says "ready", runs ONE scheduler tick
// when it reads "go" on stdin, prints what it did as JSON and exits.
const path = require('node:path');
const readline = require('node:readline');
const { createStrapi } = require('@strapi/strapi');

const appDir = path.resolve(__dirname, '../..');

(async () => {
  const strapi = await createStrapi({ appDir, distDir: path.join(appDir, 'dist') }).load();
  let publishEvents = 0;
  strapi.eventHub.on('entry.publish', ({ uid }) => {
    if (uid === 'api::article.article') publishEvents++;
  });
  process.stdout.write('ready\n');
  const rl = readline.createInterface({ input: process.stdin });
  for await (const line of rl) {
    if (line.trim() !== 'go') continue;
    const startedAt = Date.now();
    const result = await strapi.service('api::article.schedule').runDue(new Date());
    const endedAt = Date.now();
    await new Promise((r) => setTimeout(r, 200)); // events are emitted after commit
    process.stdout.write(`RESULT ${JSON.stringify({ pid: process.pid, startedAt, endedAt, publishEvents, ...result })}\n`);
    break;
  }
  rl.close();
  await strapi.destroy();
  process.exit(0);
})().catch((err) => {
  process.stderr.write(`${err.stack || err}\n`);
  process.exit(1);
});
