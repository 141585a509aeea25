import { describe, expect, it } from '@jest/globals';
import {
  Kind,
  parse,
  type FragmentDefinitionNode,
  type GraphQLResolveInfo,
  type OperationDefinitionNode,
} from 'graphql';
import { selects } from './selection.util.js';

/** The resolve info of the operation's first field, as far as `selects` reads it. */
function infoOf(query: string): GraphQLResolveInfo {
  const doc = parse(query);
  const operation = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(
    doc.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((f) => [f.name.value, f]),
  );
  const field = operation.selectionSet.selections[0]!;
  return { fieldNodes: [field], fragments } as unknown as GraphQLResolveInfo;
}

describe(selects.name, () => {
  it('finds a field asked for directly, through a fragment, or through an inline fragment', () => {
    expect(selects(infoOf('{ threads { nodes { id notificationLevel } } }'), ['nodes', 'notificationLevel'])).toBe(
      true,
    );
    expect(
      selects(infoOf('{ threads { nodes { ...F } } } fragment F on Thread { notificationLevel }'), [
        'nodes',
        'notificationLevel',
      ]),
    ).toBe(true);
    expect(
      selects(infoOf('{ threads { nodes { ... on Thread { notificationLevel } } } }'), ['nodes', 'notificationLevel']),
    ).toBe(true);
  });

  it('is false when the field is not asked for, or asked for elsewhere', () => {
    expect(selects(infoOf('{ threads { nodes { id title } } }'), ['nodes', 'notificationLevel'])).toBe(false);
    expect(selects(infoOf('{ threads { notificationLevel nodes { id } } }'), ['nodes', 'notificationLevel'])).toBe(
      false,
    );
  });
});
