import { describe, expect, it } from '@jest/globals';
import { withReaction } from './reactions.util';

const count = (reaction: 'THUMBS_UP' | 'HEART' | 'EYES', n: number, mine = false) => ({
  __typename: 'ReactionCount' as const,
  reaction,
  count: n,
  mine,
});

describe(withReaction.name, () => {
  it('adds the viewer to a reaction others gave', () => {
    expect(withReaction([count('HEART', 2)], 'HEART', true)).toEqual([count('HEART', 3, true)]);
  });

  it('adds a new reaction in the fixed order', () => {
    expect(withReaction([count('EYES', 1)], 'THUMBS_UP', true)).toEqual([
      count('THUMBS_UP', 1, true),
      count('EYES', 1),
    ]);
  });

  it('takes the viewer back, and drops a reaction nobody gives any more', () => {
    expect(withReaction([count('THUMBS_UP', 2, true)], 'THUMBS_UP', false)).toEqual([count('THUMBS_UP', 1)]);
    expect(withReaction([count('THUMBS_UP', 1, true), count('HEART', 1)], 'THUMBS_UP', false)).toEqual([
      count('HEART', 1),
    ]);
  });

  it('does not count the viewer twice', () => {
    expect(withReaction([count('HEART', 1, true)], 'HEART', true)).toEqual([count('HEART', 1, true)]);
  });
});
