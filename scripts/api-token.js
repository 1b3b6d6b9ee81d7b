#!/usr/bin/env node
'use strict';
/**
 * npm run token -- <partner|preview> "<name>" [--days N]
 * Creates a custom API token of one of the classes of src/lib/access-rules.ts
 * (partner: feeds only; preview: articles with drafts) and prints its key
 * once. Uses the app's DATABASE_* settings and secrets (API_TOKEN_SALT).
 */
const { loadStrapi, requireDist } = require('./lib/boot');

async function main() {
  const [kind, name, ...rest] = process.argv.slice(2);
  const { TOKEN_CLASSES } = requireDist('src/lib/access-rules');
  if (!TOKEN_CLASSES[kind] || !name) {
    console.error(`usage: npm run token -- <${Object.keys(TOKEN_CLASSES).join('|')}> "<name>" [--days N]`);
    process.exit(2);
  }
  const daysAt = rest.indexOf('--days');
  const days = daysAt === -1 ? null : Number(rest[daysAt + 1]);
  if (days !== null && !(days > 0)) throw new Error('--days must be a positive number');
  process.env.LOG_LEVEL ??= 'warn';
  const strapi = await loadStrapi();
  try {
    const { createClassToken } = requireDist('src/infra/api-tokens');
    const token = await createClassToken(strapi, kind, name, days);
    console.log(`Created ${kind} token "${name}" (${TOKEN_CLASSES[kind].description})${days ? `, valid ${days} days` : ''}.`);
    console.log(`Key (shown once): ${token.accessKey}`);
  } finally {
    await strapi.destroy();
  }
}

main().catch((err) => {
  console.error(err.message ?? err);
  process.exit(1);
});
