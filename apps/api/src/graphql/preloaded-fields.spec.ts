import { describe, expect, it } from '@jest/globals';
import { GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString, graphql } from 'graphql';
import { answerPreloadedFields, preload, type Preloadable } from './preloaded-fields.js';

interface Item extends Preloadable<{ label: string }> {
  id: string;
}

/** A schema with an item type whose `label` has its own resolver, counting its calls. */
function schemaWith(items: Item[]) {
  const calls: string[] = [];
  const item = new GraphQLObjectType<Item>({
    name: 'Item',
    fields: {
      id: { type: new GraphQLNonNull(GraphQLString) },
      label: {
        type: GraphQLString,
        resolve: async (source) => {
          calls.push(source.id);
          return `resolved ${source.id}`;
        },
      },
    },
  });
  const query = new GraphQLObjectType({
    name: 'Query',
    fields: { items: { type: new GraphQLList(item), resolve: () => items } },
  });
  return { schema: answerPreloadedFields(new GraphQLSchema({ query })), calls };
}

describe(answerPreloadedFields.name, () => {
  it('answers a preloaded field from the item without calling its resolver', async () => {
    const first: Item = { id: 'a' };
    preload(first, { label: 'loaded a' });
    const { schema, calls } = schemaWith([first]);
    const result = await graphql({ schema, source: '{ items { id label } }' });
    expect(result).toEqual({ data: { items: [{ id: 'a', label: 'loaded a' }] } });
    expect(calls).toEqual([]);
  });

  it('calls the resolver for items without the field preloaded, and answers null when null was loaded', async () => {
    const loadedNull: Item = { id: 'a' };
    preload(loadedNull, { label: null as unknown as string });
    const plain: Item = { id: 'b' };
    const { schema, calls } = schemaWith([loadedNull, plain]);
    const result = await graphql({ schema, source: '{ items { id label } }' });
    expect(result).toEqual({
      data: {
        items: [
          { id: 'a', label: null },
          { id: 'b', label: 'resolved b' },
        ],
      },
    });
    expect(calls).toEqual(['b']);
  });

  it('leaves root fields to their resolvers', async () => {
    const { schema } = schemaWith([{ id: 'a' }]);
    const root = Object.assign({}, { items: [] });
    preload(root as Preloadable<{ items: unknown }>, { items: [{ id: 'from the root value' }] });
    const result = await graphql({ schema, source: '{ items { id } }', rootValue: root });
    expect(result).toEqual({ data: { items: [{ id: 'a' }] } });
  });
});
