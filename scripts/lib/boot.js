'use strict';
/**
 * Boots the app for command-line scripts: compiles TypeScript into dist/
 * (as `strapi start` would need anyway) and loads Strapi without listening.
 */
const path = require('path');

const appDir = path.resolve(__dirname, '..', '..');
const distDir = path.join(appDir, 'dist');

async function loadStrapi({ compile = true } = {}) {
  const { compileStrapi, createStrapi } = require('@strapi/strapi');
  if (compile) await compileStrapi({ appDir, ignoreDiagnostics: false });
  const strapi = await createStrapi({ appDir, distDir }).load();
  return strapi;
}

/** A module of the compiled app, e.g. requireDist('src/lib/access-rules'). */
const requireDist = (relative) => require(path.join(distDir, relative));

module.exports = { appDir, distDir, loadStrapi, requireDist };
