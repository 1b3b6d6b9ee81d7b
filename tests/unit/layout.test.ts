/**
 * The layout's promises, checked on the sources: src/lib is pure (no Strapi,
 * no process.env, nothing from the app's Strapi-facing folders), and the
 * infrastructure in src/infra never reaches up into src/api.
 */
import fs from 'node:fs';
import path from 'node:path';

const root = path.join(__dirname, '../../src');
const files = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : []));

/** Every module a file imports (static imports, `export … from`, require and dynamic import), type-only imports included. */
const importsOf = (file: string): string[] => {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import|require\()\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
};
const resolved = (file: string, spec: string) => (spec.startsWith('.') ? path.relative(root, path.resolve(path.dirname(file), spec)) : spec);

describe('src/lib is pure', () => {
  const lib = files(path.join(root, 'lib'));

  it('has modules to check', () => {
    expect(lib.length).toBeGreaterThan(30);
  });

  it.each(lib.map((f) => [path.relative(root, f), f]))('%s imports no Strapi and nothing outside src/lib', (_name, file) => {
    for (const spec of importsOf(file)) {
      expect([spec, /^@strapi\//.test(spec)]).toEqual([spec, false]);
      const target = resolved(file, spec);
      if (spec.startsWith('.')) expect([spec, target.startsWith('lib')]).toEqual([spec, true]);
    }
  });

  it.each(lib.map((f) => [path.relative(root, f), f]))('%s reads no process.env', (_name, file) => {
    expect(fs.readFileSync(file, 'utf8')).not.toMatch(/process\.env/);
  });
});

describe('src/infra stays below src/api', () => {
  it.each(files(path.join(root, 'infra')).map((f) => [path.relative(root, f), f]))('%s imports nothing from src/api', (_name, file) => {
    for (const spec of importsOf(file)) expect([spec, resolved(file, spec).startsWith('api')]).toEqual([spec, false]);
  });
});

describe('configuration is read through config/*.ts', () => {
  it('no module under src reads process.env', () => {
    const readers = files(root).filter((f) => !f.includes(`${path.sep}admin${path.sep}`) && /process\.env/.test(fs.readFileSync(f, 'utf8')));
    expect(readers.map((f) => path.relative(root, f))).toEqual([]);
  });
});
