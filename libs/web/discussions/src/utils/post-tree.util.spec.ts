import { describe, expect, it } from '@jest/globals';
import type { PostFieldsFragment } from '@convene/web-data-access';
import { buildPostTree, type PostNode } from './post-tree.util';

const post = (id: string, parentId: string | null, depth: number): PostFieldsFragment => ({
  __typename: 'Post',
  id,
  threadId: 't',
  parentId,
  depth,
  body: id,
  bodyHtml: `<p>${id}</p>`,
  createdAt: '2025-01-01T00:00:00Z',
  editedAt: null,
  deleted: false,
  viewerIsAuthor: false,
  hidden: null,
  reactions: [],
  author: null,
});

const shape = (nodes: PostNode[]): unknown => nodes.map((n) => [n.post.id, shape(n.children)]);

describe(buildPostTree.name, () => {
  it('puts each reply under the post it answers, in written order', () => {
    const posts = [
      post('opening', null, 0),
      post('a', 'opening', 1),
      post('b', 'opening', 1),
      post('a1', 'a', 2),
      post('b1', 'b', 2),
      post('a2', 'a', 2),
    ];
    expect(shape(buildPostTree(posts))).toEqual([
      [
        'opening',
        [
          [
            'a',
            [
              ['a1', []],
              ['a2', []],
            ],
          ],
          ['b', [['b1', []]]],
        ],
      ],
    ]);
  });

  it('keeps a reply whose parent is on a page not loaded yet at the top level', () => {
    expect(shape(buildPostTree([post('late', 'elsewhere', 3)]))).toEqual([['late', []]]);
  });
});
