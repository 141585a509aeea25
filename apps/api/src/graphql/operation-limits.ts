// Validation rules that refuse operations too deep, too aliased or too large before they run.
import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';

export interface OperationLimits {
  maxDepth: number;
  maxAliases: number;
  /** Upper bound on the number of fields selected, fragments expanded. */
  maxFields: number;
}

export const DEFAULT_LIMITS: OperationLimits = { maxDepth: 10, maxAliases: 20, maxFields: 400 };

export function operationLimitsRule(limits: OperationLimits = DEFAULT_LIMITS) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const def of context.getDocument().definitions)
      if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);

    const measure = (
      set: SelectionSetNode,
      depth: number,
      seen: Set<string>,
      totals: { fields: number; aliases: number; depth: number },
    ) => {
      totals.depth = Math.max(totals.depth, depth);
      for (const selection of set.selections) {
        if (selection.kind === Kind.FIELD) {
          totals.fields += 1;
          if (selection.alias) totals.aliases += 1;
          if (selection.selectionSet) measure(selection.selectionSet, depth + 1, seen, totals);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          measure(selection.selectionSet, depth, seen, totals);
        } else {
          const fragment = fragments.get(selection.name.value);
          if (fragment && !seen.has(fragment.name.value))
            measure(fragment.selectionSet, depth, new Set([...seen, fragment.name.value]), totals);
        }
        if (totals.fields > limits.maxFields) return;
      }
    };

    return {
      OperationDefinition(node) {
        const totals = { fields: 0, aliases: 0, depth: 0 };
        measure(node.selectionSet, 1, new Set(), totals);
        const fail = (message: string) =>
          context.reportError(
            new GraphQLError(message, {
              nodes: [node],
              extensions: { code: 'BAD_USER_INPUT', reason: 'OPERATION_TOO_COMPLEX' },
            }),
          );
        if (totals.depth > limits.maxDepth)
          fail(`The operation is too deep (${totals.depth} levels; at most ${limits.maxDepth}).`);
        if (totals.aliases > limits.maxAliases)
          fail(`The operation uses too many aliases (${totals.aliases}; at most ${limits.maxAliases}).`);
        if (totals.fields > limits.maxFields)
          fail(`The operation selects too many fields (at most ${limits.maxFields}).`);
      },
    };
  };
}
