/**
 * The README's examples as requests: every `curl` command of its ```bash blocks
 * and every ```graphql block, in the order they appear, with the line they start
 * on. The curl command lines are read as a shell would (quotes, `\` line
 * continuations, `#` comments, `$VAR` and `<placeholder>` substitution) and as
 * curl would (-G, --data-urlencode, -d, -H, -X, globbing without -g). An option,
 * variable or placeholder this does not know is an error, so an example cannot
 * be skipped silently. Pure.
 */

export interface ExampleRequest {
  /** README line the example starts on, and its source text, for failure messages. */
  line: number;
  source: string;
  kind: 'curl' | 'graphql';
  method: string;
  /** Path and query, percent-encoded as curl sends them (non-ASCII as UTF-8 %XX). */
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** A revalidation (If-None-Match / If-Modified-Since with the current validator): its success is a 304. */
  conditional?: boolean;
}

/** The origin the README's examples call (npm run develop's default). */
export const README_ORIGIN = 'http://localhost:1337';

interface Block {
  lang: string;
  text: string;
  line: number;
}

export function fencedBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\w*)\s*$/.exec(lines[i]);
    if (!open) continue;
    const start = i + 1;
    let j = start;
    while (j < lines.length && !/^```\s*$/.test(lines[j])) j++;
    blocks.push({ lang: open[1], text: lines.slice(start, j).join('\n'), line: start + 1 });
    i = j;
  }
  return blocks;
}

type Substitute = (name: string) => string;

/** Prefix of a shell operator word (`&&`, `|`, `>`…) in shellCommands' output. */
export const OPERATOR = '\u0000op:';

/**
 * Splits a shell script into commands, each a list of words (quotes removed,
 * variables expanded), with the line each starts on.
 */
export function shellCommands(script: string, variable: Substitute): Array<{ words: string[]; line: number; source: string }> {
  const commands: Array<{ words: string[]; line: number; source: string }> = [];
  let words: string[] = [];
  let word: string | null = null;
  let line = 0;
  let startLine = 0;
  let startAt = 0;
  const push = () => {
    if (word !== null) words.push(word);
    word = null;
  };
  const end = (at: number) => {
    push();
    if (words.length) commands.push({ words, line: startLine, source: script.slice(startAt, at).trim() });
    words = [];
  };
  const expand = (i: number): [string, number] => {
    if (script[i + 1] === '(') throw new Error(`line ${line + 1}: command substitution $(…) is not supported in README examples`);
    const m = /^\$(\{(\w+)\}|(\w+))/.exec(script.slice(i));
    if (!m) return ['$', i + 1];
    return [variable(m[2] ?? m[3]), i + m[0].length];
  };
  let i = 0;
  while (i < script.length) {
    const c = script[i];
    if (words.length === 0 && word === null && !/\s/.test(c)) {
      startLine = line;
      startAt = i;
    }
    if (c === '\n') {
      line++;
      end(i);
      i++;
    } else if (c === '\\' && script[i + 1] === '\n') {
      line++;
      push();
      i += 2;
    } else if (/[ \t]/.test(c)) {
      push();
      i++;
    } else if (c === '#' && word === null) {
      while (i < script.length && script[i] !== '\n') i++;
    } else if (c === "'") {
      const close = script.indexOf("'", i + 1);
      if (close < 0) throw new Error(`line ${line + 1}: unterminated '`);
      const text = script.slice(i + 1, close);
      line += text.split('\n').length - 1;
      word = (word ?? '') + text;
      i = close + 1;
    } else if (c === '"') {
      let text = '';
      i++;
      while (i < script.length && script[i] !== '"') {
        if (script[i] === '\\' && '"\\$`'.includes(script[i + 1])) {
          text += script[i + 1];
          i += 2;
        } else if (script[i] === '$') {
          const [value, next] = expand(i);
          text += value;
          i = next;
        } else {
          if (script[i] === '\n') line++;
          text += script[i++];
        }
      }
      if (script[i] !== '"') throw new Error(`line ${line + 1}: unterminated "`);
      word = (word ?? '') + text;
      i++;
    } else if (c === '$') {
      const [value, next] = expand(i);
      word = (word ?? '') + value;
      i = next;
    } else if ('|;&<>`'.includes(c)) {
      // Pipes, lists, redirections: kept as an operator word (npm install && npm run develop); a curl example may not have one.
      push();
      let op = c;
      while ('|&<>'.includes(script[i + op.length] ?? '-') && op.length < 2) op += script[i + op.length];
      words.push(OPERATOR + op);
      i += op.length;
    } else {
      word = (word ?? '') + c;
      i++;
    }
  }
  end(script.length);
  return commands;
}

/** Percent-encodes what curl sends as raw bytes (non-ASCII, spaces) so it can be replayed. */
const wire = (url: string) => url.replace(/[^\x21-\x7e]/gu, (ch) => encodeURIComponent(ch));

/** `name=value` → `name=<value percent-encoded>`, as curl's --data-urlencode does. */
function dataUrlencode(arg: string): string {
  const eq = arg.indexOf('=');
  if (eq < 0) return encodeURIComponent(arg);
  return `${arg.slice(0, eq + 1)}${encodeURIComponent(arg.slice(eq + 1))}`;
}

/** One curl command line (its words after the shell) as the request curl would send. */
export function curlRequest(words: string[]): Omit<ExampleRequest, 'line' | 'source' | 'kind'> {
  if (words[0] !== 'curl') throw new Error(`not a curl command: ${words[0]}`);
  let method: string | undefined;
  let url: string | undefined;
  let get = false;
  let glob = true;
  let head = false;
  const headers: Record<string, string> = {};
  const data: string[] = [];
  const valueOf = (i: number, opt: string) => {
    if (i >= words.length) throw new Error(`curl ${opt} needs a value`);
    return words[i];
  };
  for (let i = 1; i < words.length; i++) {
    const w = words[i];
    if (w.startsWith(OPERATOR)) throw new Error(`"${w.slice(OPERATOR.length)}" (pipes, lists, redirections) is not supported in README curl examples`);
    if (w === '-X' || w === '--request') method = valueOf(++i, w);
    else if (w === '-H' || w === '--header') {
      const h = valueOf(++i, w);
      const colon = h.indexOf(':');
      if (colon < 0) throw new Error(`curl -H "${h}": no colon`);
      headers[h.slice(0, colon).trim().toLowerCase()] = h.slice(colon + 1).trim();
    } else if (w === '-d' || w === '--data' || w === '--data-raw') data.push(valueOf(++i, w));
    else if (w === '--data-urlencode') data.push(dataUrlencode(valueOf(++i, w)));
    else if (w === '-o' || w === '--output' || w === '-w' || w === '--write-out') i++; // what curl prints, not what it sends
    else if (w === '--get') get = true;
    else if (w === '--globoff') glob = false;
    else if (/^-[a-zA-Z]+$/.test(w)) {
      for (const flag of w.slice(1)) {
        if (flag === 'G') get = true;
        else if (flag === 'g') glob = false;
        else if (flag === 'I') head = true;
        else if (!'si'.includes(flag)) throw new Error(`curl -${flag} is not understood by tests/helpers/readme-examples.ts`);
      }
    } else if (w.startsWith('-')) throw new Error(`curl ${w} is not understood by tests/helpers/readme-examples.ts`);
    else if (url === undefined) url = w;
    else throw new Error(`curl: a second URL ${w}`);
  }
  if (!url) throw new Error('curl without a URL');
  if (!url.startsWith(`${README_ORIGIN}/`)) throw new Error(`${url}: README examples call ${README_ORIGIN}`);
  if (glob && /[[\]{}]/.test(url)) throw new Error(`${url}: curl globs [ ] { } in URLs; add -g`);
  let path = url.slice(README_ORIGIN.length);
  let body: string | undefined;
  if (data.length && get) path += (path.includes('?') ? '&' : '?') + data.join('&');
  else if (data.length) {
    body = data.join('&');
    headers['content-type'] ??= 'application/x-www-form-urlencoded';
  }
  const conditional = 'if-none-match' in headers || 'if-modified-since' in headers;
  return {
    method: method ?? (head ? 'HEAD' : body !== undefined ? 'POST' : 'GET'),
    path: wire(path),
    headers,
    ...(body !== undefined ? { body } : {}),
    ...(conditional ? { conditional } : {}),
  };
}

/** Replaces `<name>` placeholders (e.g. `<documentId>`); an unknown one is an error. */
export function fillPlaceholders(text: string, placeholder: Substitute): string {
  return text.replace(/<([a-zA-Z]+)>/g, (_m, name: string) => placeholder(name));
}

/**
 * Every example of the README: curl commands of ```bash blocks (other commands — npm, createdb — are not
 * requests) and ```graphql blocks (sent as POST /graphql).
 */
export function readmeExamples(markdown: string, substitute: { variable: Substitute; placeholder: Substitute }): ExampleRequest[] {
  const out: ExampleRequest[] = [];
  for (const block of fencedBlocks(markdown)) {
    if (block.lang === 'graphql') {
      out.push({
        line: block.line,
        source: block.text,
        kind: 'graphql',
        method: 'POST',
        path: '/graphql',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: fillPlaceholders(block.text, substitute.placeholder) }),
      });
      continue;
    }
    if (block.lang !== 'bash') continue;
    // Variables are resolved only in curl commands (`DATABASE_CLIENT=postgres npm test` needs none).
    const marker = (name: string) => `\u0000var:${name}\u0000`;
    for (const command of shellCommands(block.text, marker)) {
      if (command.words[0] !== 'curl') continue;
      const words = command.words.map((w) =>
        fillPlaceholders(w.replace(/\u0000var:(\w+)\u0000/g, (_m, name: string) => substitute.variable(name)), substitute.placeholder),
      );
      out.push({ line: block.line + command.line, source: command.source, kind: 'curl', ...curlRequest(words) });
    }
  }
  return out;
}
