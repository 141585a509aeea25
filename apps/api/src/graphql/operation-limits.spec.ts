import { describe, expect, it } from '@jest/globals';
import { buildSchema, parse, validate } from 'graphql';
import { operationLimitsRule } from './operation-limits.js';

const schema = buildSchema(`
  type Node { id: ID! child: Node name: String }
  type Query { node: Node }
`);
const limits = { maxDepth: 4, maxAliases: 2, maxFields: 10 };
const errors = (query: string) => validate(schema, parse(query), [operationLimitsRule(limits)]).map((e) => e.message);

describe('operationLimitsRule', () => {
  it('accepts an operation within the limits', () => {
    expect(errors('{ node { child { child { id } } } }')).toEqual([]);
  });

  it('refuses depth, counting through fragments', () => {
    expect(errors('{ node { child { child { child { id } } } } }')[0]).toMatch(/too deep/);
    expect(errors('{ node { ...A } } fragment A on Node { child { child { child { id } } } }')[0]).toMatch(/too deep/);
  });

  it('refuses too many aliases', () => {
    expect(errors('{ a: node { id } b: node { id } c: node { id } }')[0]).toMatch(/aliases/);
  });

  it('refuses too many fields, fragments expanded', () => {
    expect(
      errors(
        '{ node { ...F ...F2 } } fragment F on Node { id name child { id name child { id name } } } fragment F2 on Node { child { id name } }',
      )[0],
    ).toMatch(/too many fields/);
  });
});
