// A second Strapi in its own process (Strapi keeps a global instance, so two
// cannot share one process). Boots on the database named by the inherited env,
// listens on PORT and prints READY once it answers. Strapi shuts itself down on SIGTERM.
require('./env.js');
const path = require('path');
const { createStrapi } = require('@strapi/strapi');

const appDir = path.resolve(__dirname, '../..');
createStrapi({ appDir, distDir: path.join(appDir, 'dist') })
  .load()
  .then(async (strapi) => {
    await strapi.listen();
    process.stdout.write('READY\n');
  })
  .catch((err) => {
    console.error(err);
    process.exit(1);
  });
