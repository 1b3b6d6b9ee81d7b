/// <reference lib="dom" />
import { contentLocaleOf, editingDirection } from '../lib/text-direction';
import { watchDom } from './watch-dom';

/**
 * Makes the content-manager's editing surfaces (text inputs, textareas and the
 * blocks editor) run right-to-left while an Arabic version is edited, and
 * left-to-right for English. Strapi renders them without `dir`, so a
 * MutationObserver sets it on every surface that appears or is re-rendered.
 * Mixed Arabic/Latin text then follows the Unicode bidi algorithm inside an
 * RTL paragraph (a Latin name or number keeps its own order), and a headline
 * that starts with a Latin word still runs right-to-left.
 */
// Text inputs, relation search boxes (Strapi gives them type="relation"), textareas and the blocks editor.
const SURFACES = 'input:not([type]), input[type="text"], input[type="relation"], input[type="url"], input[type="email"], textarea, [contenteditable="true"]';
const EDIT_VIEW = /\/content-manager\/(collection-types|single-types)\/[^/]+\/[^/?]+/;

function apply(): void {
  if (!EDIT_VIEW.test(window.location.pathname)) return;
  const locale = contentLocaleOf(window.location.search);
  document.querySelectorAll<HTMLElement>(`main ${SURFACES.split(', ').join(', main ')}`).forEach((el) => {
    const dir = editingDirection(locale, { type: el.getAttribute('type'), name: el.getAttribute('name') });
    if (el.getAttribute('dir') !== dir) el.setAttribute('dir', dir);
    el.dataset.newsroomDir = dir;
  });
}

export function watchEditingDirection(): void {
  const style = document.createElement('style');
  style.textContent = '[data-newsroom-dir]{text-align:start}';
  document.head.appendChild(style);

  const schedule = watchDom(apply);
  window.addEventListener('popstate', () => schedule());
}
