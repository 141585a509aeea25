// Whether a query asks for a field below the current one, so that a resolver can skip loading what
// nobody asked for (e.g. a per-viewer setting on every item of a list).
import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/** True when the selection under the resolved field reaches `path` (through fragments too). */
export function selects(info: GraphQLResolveInfo, path: string[]): boolean {
  const walk = (set: SelectionSetNode | undefined, rest: string[]): boolean => {
    if (!set) return false;
    if (!rest.length) return true;
    return set.selections.some((selection) => {
      if (selection.kind === Kind.FIELD)
        return selection.name.value === rest[0] && (rest.length === 1 || walk(selection.selectionSet, rest.slice(1)));
      if (selection.kind === Kind.INLINE_FRAGMENT) return walk(selection.selectionSet, rest);
      return walk(info.fragments[selection.name.value]?.selectionSet, rest);
    });
  };
  return info.fieldNodes.some((node) => walk(node.selectionSet, path));
}
