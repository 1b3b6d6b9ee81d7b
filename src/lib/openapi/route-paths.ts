/**
 * Koa router paths (`/api/feeds/:format(rss|atom|json|ninjs)`) as OpenAPI
 * paths (`/api/feeds/{format}`, the alternatives becoming the parameter's
 * enum). Strapi's generator keeps the regex in the path, which no client can use.
 */
export interface PathParam {
  name: string;
  enum?: string[];
}

const PARAM = /:([A-Za-z_][A-Za-z0-9_]*)(\(([^)]*)\))?/g;

export function toOpenApiPath(koaPath: string): { path: string; params: PathParam[] } {
  const params: PathParam[] = [];
  const path = koaPath.replace(PARAM, (_m, name: string, _g: string, pattern?: string) => {
    const alternatives = pattern && /^[A-Za-z0-9_|-]+$/.test(pattern) ? pattern.split('|') : undefined;
    params.push({ name, ...(alternatives ? { enum: alternatives } : {}) });
    return `{${name}}`;
  });
  if (/[()*]/.test(path)) throw new Error(`Route path ${koaPath} has a pattern OpenAPI cannot describe`);
  return { path, params };
}

/** `GET /api/articles/{id}` — how routes are named in coverage reports. */
export const routeKey = (method: string, path: string) => `${method.toUpperCase()} ${path}`;
