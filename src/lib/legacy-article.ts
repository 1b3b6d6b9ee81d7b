/**
 * Parser for articles as the publisher's old website printed them
 * (plain text, paragraphs separated by blank lines, plus site chrome:
 * a "أخبار ذات صلة" marker, a "شاركها." share line, a © footer and the
 * mobile theme's "Exit mobile version" leftover).
 *
 * Pure functions — no Strapi or Node imports.
 */

import type { ParagraphBlock } from './blocks-types';

export interface LegacyArticle {
  /** Body paragraphs, in order, trimmed, otherwise byte-exact. */
  paragraphs: string[];
  /**
   * Where the "أخبار ذات صلة" (related news) block stood: the index in
   * `paragraphs` of the first paragraph that followed it (equals
   * `paragraphs.length` if nothing followed). `null` if there was no marker.
   */
  relatedMarkerIndex: number | null;
}

/** The related-news marker line, exactly as the old site printed it. */
export const RELATED_MARKER = 'أخبار ذات صلة';

// Whitespace plus invisible characters that can make a line "look" empty.
// JS `\s` already covers NBSP (U+00A0), BOM (U+FEFF), U+2000–U+200A, U+202F…
const BLANK_RE = /^[\s\u200B-\u200D\u2060]*$/;
const EDGE_WS_RE = /^[\s\u200B\u2060]+|[\s\u200B\u2060]+$/g;

const RELATED_MARKER_RE = /^أخبار\s+ذات\s+صلة\s*[:：]?$/;
const SHARE_RE = /^شاركها\s*[.:]?$/;
const EXIT_MOBILE = /\s*Exit mobile version\s*$/i;

/**
 * Whether a whole paragraph is the old site's chrome rather than the story:
 * the share line, the related-news marker, a © line or the mobile theme's
 * "Exit mobile version". Shared with the WordPress importer.
 */
export function isBoilerplateLine(text: string): boolean {
  const trimmed = trimEdges(text.replace(EXIT_MOBILE, ''));
  return isBlank(trimmed) || RELATED_MARKER_RE.test(trimmed) || SHARE_RE.test(trimmed) || trimmed.startsWith('©');
}

/** Text with the mobile theme's "Exit mobile version" removed from its end. */
export const withoutExitMobile = (text: string): string => text.replace(EXIT_MOBILE, '');

function isBlank(line: string): boolean {
  return BLANK_RE.test(line);
}

function trimEdges(text: string): string {
  return text.replace(EDGE_WS_RE, '');
}

/**
 * Parse the old site's printed article text.
 *
 * - CRLF / CR are normalised to LF.
 * - Paragraphs are separated by blank lines (whitespace-only lines,
 *   including NBSP-only lines, count as blank).
 * - Dropped: empty paragraphs, the "أخبار ذات صلة" marker (its position is
 *   returned as `relatedMarkerIndex`), the "شاركها." share line, any line
 *   starting with "©", and "Exit mobile version" (also when glued to the
 *   end of a line without a newline).
 * - Lines of a multi-line paragraph are joined with "\n"; each paragraph is
 *   trimmed at its edges; the text is otherwise left untouched (quotes such
 *   as «» “ ” are preserved as-is).
 */
export function parseLegacyArticle(text: string): LegacyArticle {
  const lines = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');

  const paragraphs: string[] = [];
  let relatedMarkerIndex: number | null = null;
  let buffer: string[] = [];

  const flush = (): void => {
    if (buffer.length === 0) return;
    const paragraph = trimEdges(buffer.join('\n'));
    buffer = [];
    if (!isBlank(paragraph)) paragraphs.push(paragraph);
  };

  for (const rawLine of lines) {
    const line = rawLine.replace(EXIT_MOBILE, '');
    const trimmed = trimEdges(line);

    if (isBlank(trimmed)) {
      flush();
      continue;
    }

    if (RELATED_MARKER_RE.test(trimmed)) {
      flush();
      if (relatedMarkerIndex === null) relatedMarkerIndex = paragraphs.length;
      continue;
    }

    if (SHARE_RE.test(trimmed) || trimmed.startsWith('©')) {
      flush();
      continue;
    }

    buffer.push(line);
  }
  flush();

  return { paragraphs, relatedMarkerIndex };
}

/**
 * Convert plain paragraphs to a Strapi 5 `blocks` value:
 * one `paragraph` node with a single text leaf per paragraph.
 */
export function paragraphsToBlocks(paragraphs: string[]): ParagraphBlock[] {
  return paragraphs.map((text) => ({
    type: 'paragraph' as const,
    children: [{ type: 'text' as const, text }],
  }));
}
