/**
 * Plain text of a Strapi "blocks" value, for the search index and reading
 * time: text leaves and link texts in document order, one block per line,
 * inline nodes joined without separators (marks split words mid-text).
 * Images contribute nothing (their alt text is not part of the story).
 * Tolerant of malformed input: anything unexpected is skipped, never thrown on.
 */
export function blocksToPlainText(blocks: unknown): string {
  if (!Array.isArray(blocks)) return '';
  const lines: string[] = [];
  for (const block of blocks) collectBlock(block, lines);
  return lines.filter((l) => l.trim() !== '').join('\n');
}

function collectBlock(node: unknown, lines: string[]): void {
  if (!isNode(node) || node.type === 'image') return;
  if (node.type === 'list') {
    for (const child of children(node)) collectBlock(child, lines);
    return;
  }
  lines.push(inlineText(node));
}

function inlineText(node: unknown): string {
  if (!isNode(node)) return '';
  if (node.type === 'text') return typeof node.text === 'string' ? node.text : '';
  return children(node).map(inlineText).join('');
}

const isNode = (v: unknown): v is Record<string, unknown> & { type?: unknown } =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const children = (node: Record<string, unknown>): unknown[] => (Array.isArray(node.children) ? node.children : []);
