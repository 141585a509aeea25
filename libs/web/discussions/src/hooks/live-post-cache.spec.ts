import { describe, expect, it } from '@jest/globals';
import { Reaction, type ThreadPostView } from '@convene/shared-contracts';
import type { PostFieldsFragment } from '@convene/web-data-access';
import { livePostFields } from './live-post-cache';

const view = (over: Partial<ThreadPostView> = {}): ThreadPostView => ({
  id: 'p1',
  threadId: 't1',
  parentId: 'p0',
  depth: 1,
  author: { id: 'amina', displayName: 'Amina' },
  body: 'New text',
  bodyHtml: '<p>New text</p>',
  createdAt: '2026-12-06T10:00:00.000Z',
  editedAt: null,
  deleted: false,
  hidden: null,
  reactions: [{ reaction: Reaction.THUMBS_UP, count: 2 }],
  ...over,
});
const cached = (over: Partial<PostFieldsFragment> = {}): PostFieldsFragment => ({
  ...livePostFields(
    view({ body: 'Old text', bodyHtml: '<p>Old text</p>' }),
    { id: 'amina', canModerate: false },
    undefined,
  ),
  reactions: [{ __typename: 'ReactionCount', reaction: 'THUMBS_UP', count: 1, mine: true }],
  ...over,
});

describe(livePostFields.name, () => {
  it('works out what is the viewer’s own: authorship, and their reactions from what they had', () => {
    const mine = livePostFields(view(), { id: 'amina', canModerate: false }, cached());
    expect(mine).toMatchObject({
      viewerIsAuthor: true,
      body: 'New text',
      reactions: [{ reaction: 'THUMBS_UP', count: 2, mine: true }],
    });
    const someoneElse = livePostFields(view(), { id: 'bilal', canModerate: false }, undefined);
    expect(someoneElse).toMatchObject({
      viewerIsAuthor: false,
      reactions: [{ reaction: 'THUMBS_UP', count: 2, mine: false }],
    });
  });

  it('keeps a hidden post’s text for its author and the convenors, and for nobody else', () => {
    const hidden = view({
      body: null,
      bodyHtml: '',
      hidden: { reason: 'Off topic', hiddenAt: '2026-12-06T10:05:00.000Z' },
    });
    expect(livePostFields(hidden, { id: 'amina', canModerate: false }, cached()).body).toBe('Old text');
    expect(
      livePostFields(hidden, { id: 'convenor', canModerate: true }, cached({ viewerIsAuthor: false })).bodyHtml,
    ).toBe('<p>Old text</p>');
    expect(
      livePostFields(hidden, { id: 'bilal', canModerate: false }, cached({ viewerIsAuthor: false })),
    ).toMatchObject({ body: null, bodyHtml: '', hidden: { reason: 'Off topic' } });
  });
});
