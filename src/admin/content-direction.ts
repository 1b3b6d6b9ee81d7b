/// <reference lib="dom" />
import { textDirection } from '../lib/text-direction';
import { watchDom } from './watch-dom';

/**
 * Gives every piece of content text the admin displays the direction of its own
 * text: an Arabic headline reads right-to-left with its ellipsis at its end (the
 * left edge), an English one stays left-to-right, in the same list. Strapi
 * renders these in a left-to-right page with `text-overflow: ellipsis`, so a long
 * Arabic title showed its tail. Per text, not per page: the list of one locale
 * can hold an English title, and the hints are Arabic in the English version too.
 *
 * Where (the design system's roles and attributes; its class names are generated):
 * - `td[role="gridcell"]`: list-view cells and the home page's "last edited" widgets;
 * - `[role="option"]`: combobox options — relation pickers (section, authors, tags,
 *   the related-links article), selects;
 * - `:has(> [role="tooltip"])`: the tooltip with the full title over a truncated cell
 *   (the visible box is the parent of its accessible copy, `role="tooltip"`);
 * - `form li`: the chips of a relation field (its `<ol>` of connected entries);
 * - `form h3`: the headers of repeatable components (a related link's label);
 * - `main h1`: the page heading, i.e. the edit view's title;
 * - `p[id$="-hint"]`, `p[id$="-error"]`: a field's hint and error (Field.Hint and
 *   Field.Error name themselves after the input they describe).
 * Inside an anchor, `dir` goes on the element that holds the text, which is the
 * design system's ellipsis box (Typography `ellipsis`); a bare inline wrapper is
 * skipped for its parent. The blocks editor (contenteditable) is left to
 * editing-direction.ts. Text without letters (dates, "-") keeps its direction.
 */
export const CONTENT_TEXT = [
  'td[role="gridcell"]',
  '[role="option"]',
  ':has(> [role="tooltip"])',
  'form li',
  'form h3',
  'main h1',
  'p[id$="-hint"]',
  'p[id$="-error"]',
].join(', ');

const MARK = 'newsroomTextDir';

/** The element whose box shows `text`: its parent, or above a bare inline wrapper. */
function boxOf(text: Text, anchor: Element): HTMLElement | null {
  let el = text.parentElement;
  while (
    el &&
    el !== anchor &&
    el.parentElement &&
    el.parentElement.textContent === el.textContent &&
    getComputedStyle(el).display === 'inline'
  ) {
    el = el.parentElement;
  }
  return el;
}

function orient(anchor: Element): void {
  if (anchor.closest('[contenteditable="true"]')) return;
  const boxes = new Set<HTMLElement>();
  const walker = document.createTreeWalker(anchor, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.nodeValue?.trim()) continue;
    const box = boxOf(node as Text, anchor);
    if (box) boxes.add(box);
  }
  for (const box of boxes) {
    // Strapi's own dir (Radix sets dir="ltr" on some containers) is left alone.
    if (box.hasAttribute('dir') && !box.dataset[MARK]) continue;
    const dir = textDirection(box.textContent ?? '');
    if (!dir) continue;
    if (box.getAttribute('dir') !== dir) box.setAttribute('dir', dir);
    box.dataset[MARK] = dir;
  }
}

function anchorsIn(changed: Set<Node>): Set<Element> {
  const anchors = new Set<Element>();
  for (const node of changed) {
    const el = node instanceof Element ? node : node.parentElement;
    if (!el?.isConnected) continue;
    const around = el.closest(CONTENT_TEXT);
    if (around) anchors.add(around);
    el.querySelectorAll(CONTENT_TEXT).forEach((a) => anchors.add(a));
  }
  return anchors;
}

export function watchContentDirection(): void {
  const style = document.createElement('style');
  // Start-aligned in its own direction: an Arabic title starts at the right edge.
  style.textContent = [
    '[data-newsroom-text-dir]{text-align:start}',
    // Radix's scroll area lays a listbox's options out as a table as wide as the longest
    // one, so a long title ran past the listbox and was clipped — for Arabic, at its
    // start — instead of ending in the ellipsis the option's text has. Keep options
    // to the listbox's width and let their flex rows shrink (icon and status badge keep their size).
    '[role="listbox"] [data-radix-scroll-area-viewport]>div{display:block!important}',
    '[role="option"] div{min-width:0}',
    '[role="option"] svg,[role="option"] [role="status"]{flex-shrink:0}',
  ].join('\n');
  document.head.appendChild(style);
  // Text changes too: React rewrites a heading's or a cell's text node in place.
  watchDom((changed) => anchorsIn(changed).forEach(orient), { text: true });
}
