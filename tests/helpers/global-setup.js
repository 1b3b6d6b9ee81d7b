// Compiles the app once (TypeScript → dist/) for all integration suites;
// compiling in each worker would clobber dist/ under the others.
const path = require('path');

module.exports = async () => {
  require('./env.js');
  const { compileStrapi } = require('@strapi/strapi');
  const appDir = path.resolve(__dirname, '../..');
  const started = Date.now();
  // A clean dist/: compiling over an old one leaves files of renamed or deleted sources behind (routes, policies…).
  require('fs').rmSync(path.join(appDir, 'dist'), { recursive: true, force: true });
  await compileStrapi({ appDir, ignoreDiagnostics: false });
  if (process.env.CI) console.log(`\n[tests] compiled Strapi in ${Date.now() - started} ms`);
};
