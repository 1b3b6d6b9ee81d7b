import { Parser } from 'htmlparser2';

const ACTIVE_TAGS = new Set(['script', 'style', 'iframe', 'object', 'embed', 'svg', 'math', 'form', 'base', 'meta', 'link']);
const URL_ATTRS = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'srcset']);

/**
 * Parses HTML as a browser would (htmlparser2, not our renderer) and lists what
 * could execute: active elements, on* handlers, and URLs with non-http(s)/mailto schemes.
 */
export function activeContent(html: string): string[] {
  const found: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (ACTIVE_TAGS.has(name)) found.push(`<${name}>`);
        for (const [attr, value] of Object.entries(attrs)) {
          if (/^on/i.test(attr)) found.push(`${name}[${attr}]`);
          const scheme = /^\s*([a-z][a-z0-9+.-]*):/i.exec(value.replace(/[\u0000-\u0020]/g, ''));
          if (URL_ATTRS.has(attr) && scheme && !['http', 'https', 'mailto'].includes(scheme[1].toLowerCase())) {
            found.push(`${name}[${attr}=${value}]`);
          }
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return found;
}
