/**
 * Whether a GraphQL selection asks only for fields a pre-rendered object
 * holds: the read model answers `articles`/`articleBySlug` only then (a field
 * it lacks would come back null, not loaded). Pure (graphql-js AST only).
 */
import type { FieldNode, FragmentDefinitionNode, SelectionSetNode } from 'graphql';

/** The fields an object holds; a nested tree for objects, `true` for leaves or anything below. */
export type FieldTree = { [field: string]: true | FieldTree };

export function selectionWithin(selection: SelectionSetNode | undefined, tree: FieldTree, fragments: Record<string, FragmentDefinitionNode>, depth = 0): boolean {
  if (!selection) return true;
  if (depth > 16) return false;
  for (const node of selection.selections) {
    if (node.kind === 'InlineFragment') {
      if (!selectionWithin(node.selectionSet, tree, fragments, depth + 1)) return false;
      continue;
    }
    if (node.kind === 'FragmentSpread') {
      const fragment = fragments[node.name.value];
      if (!fragment || !selectionWithin(fragment.selectionSet, tree, fragments, depth + 1)) return false;
      continue;
    }
    const name = (node as FieldNode).name.value;
    if (name === '__typename') continue;
    const allowed = tree[name];
    if (!allowed) return false;
    if (allowed !== true && !selectionWithin(node.selectionSet, allowed, fragments, depth + 1)) return false;
  }
  return true;
}
