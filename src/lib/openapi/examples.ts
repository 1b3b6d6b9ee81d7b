/**
 * curl and fetch snippets for each request example, shown in the operation's
 * description and as `x-codeSamples` (read by Redoc and Scalar).
 */
import type { Caller, RequestExample } from './types';

const TOKEN_VARIABLE: Record<Exclude<Caller, 'public'>, string> = { partner: 'PARTNER_TOKEN', preview: 'PREVIEW_TOKEN' };

/** The example's URL path with its path parameters filled in (percent-encoded; placeholders such as `<documentId>` kept readable). */
export function examplePath(template: string, example: RequestExample): string {
  return template.replace(/\{([^}]+)\}/g, (_m, name: string) => {
    const value = example.path?.[name];
    if (value === undefined) throw new Error(`example "${example.summary}" of ${template} gives no value for {${name}}`);
    return /^<[A-Za-z]+>$/.test(value) ? value : encodeURIComponent(value);
  });
}

const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export function curlSnippet(origin: string, template: string, example: RequestExample): string {
  const url = origin + examplePath(template, example);
  const query = Object.entries(example.query ?? {});
  const parts = ['curl', ...(query.length ? ['-G'] : []), shellQuote(url)];
  for (const [k, v] of query) parts.push('--data-urlencode', shellQuote(`${k}=${v}`));
  if (example.caller && example.caller !== 'public') parts.push('-H', `"Authorization: Bearer $${TOKEN_VARIABLE[example.caller]}"`);
  if (example.body !== undefined) parts.push('-H', shellQuote('Content-Type: application/json'), '-d', shellQuote(JSON.stringify(example.body)));
  return parts.join(' ');
}

export function fetchSnippet(origin: string, template: string, example: RequestExample, json: boolean): string {
  const query = example.query && Object.keys(example.query).length ? ` + '?' + new URLSearchParams(${JSON.stringify(example.query)})` : '';
  const auth = example.caller && example.caller !== 'public' ? `Authorization: \`Bearer \${${TOKEN_VARIABLE[example.caller]}}\`` : '';
  const headers =
    example.body !== undefined
      ? `, {\n  method: 'POST',\n  headers: { 'Content-Type': 'application/json'${auth ? `, ${auth}` : ''} },\n  body: JSON.stringify(${JSON.stringify(example.body)}),\n}`
      : auth
        ? `, { headers: { ${auth} } }`
        : '';
  return [
    `const res = await fetch(${JSON.stringify(origin + examplePath(template, example))}${query}${headers});`,
    json ? 'const body = await res.json(); // { data, meta } or { data: null, error }' : 'const text = await res.text();',
  ].join('\n');
}

/** Markdown for the operation description: each example as curl and fetch. */
export function examplesMarkdown(origin: string, template: string, examples: RequestExample[], json: boolean): string {
  return examples
    .map((ex) => {
      const status = ex.status && ex.status !== 200 ? ` → ${ex.status}` : '';
      return [`**${ex.summary}**${status}`, '```bash', curlSnippet(origin, template, ex), '```', '```js', fetchSnippet(origin, template, ex, json), '```'].join('\n');
    })
    .join('\n\n');
}

export function codeSamples(origin: string, template: string, examples: RequestExample[], json: boolean): Array<{ lang: string; label: string; source: string }> {
  return examples.flatMap((ex) => [
    { lang: 'Shell', label: `curl: ${ex.summary}`, source: curlSnippet(origin, template, ex) },
    { lang: 'JavaScript', label: `fetch: ${ex.summary}`, source: fetchSnippet(origin, template, ex, json) },
  ]);
}
