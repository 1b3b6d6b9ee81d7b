/**
 * Text that must survive inside XML 1.0 documents (feeds, sitemaps).
 * Pure helpers, no dependencies.
 */

/**
 * Characters outside XML 1.0's `Char` production: C0 controls except TAB/LF/CR,
 * lone surrogates, U+FFFE and U+FFFF. One of them makes the whole feed
 * unparsable for a strict reader, and editors paste them from Word/PDFs.
 */
const XML_ILLEGAL =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function stripXmlIllegal(text: string): string {
  return text.replace(XML_ILLEGAL, '');
}

/** Wraps text in CDATA; a `]]>` inside is split across two sections so it cannot close the first early. */
export function cdata(text: string): string {
  return `<![CDATA[${text.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}

const CDATA_OPEN = '<![CDATA[';
const CDATA_CLOSE = ']]>';

/**
 * Removes the indentation a pretty-printing XML builder puts between an element's
 * tags and its CDATA content (`<title>\n  <![CDATA[x]]>\n</title>`), which strict
 * readers keep as part of the value. Only whitespace-only gaps that touch a CDATA
 * section are removed; the content of CDATA sections is never touched.
 */
export function compactCdata(xml: string): string {
  let out = '';
  let pos = 0;
  while (pos < xml.length) {
    const open = xml.indexOf(CDATA_OPEN, pos);
    if (open === -1) {
      out += xml.slice(pos);
      break;
    }
    const before = xml.slice(pos, open);
    out += before.replace(/(<[A-Za-z_][^<>]*[^/<>]>|<[A-Za-z_]>)\s+$/, '$1'); // only right after a start tag
    const close = xml.indexOf(CDATA_CLOSE, open + CDATA_OPEN.length);
    if (close === -1) return out + xml.slice(open); // malformed input: leave the rest as is
    out += xml.slice(open, close + CDATA_CLOSE.length);
    pos = close + CDATA_CLOSE.length;
    const gap = /^\s+<\//.exec(xml.slice(pos, pos + 512));
    if (gap) pos += gap[0].length - 2;
  }
  return out;
}
