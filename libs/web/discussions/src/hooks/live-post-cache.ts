import type { ApolloClient } from '@apollo/client';
import type { ThreadPostView } from '@convene/shared-contracts';
import { ThreadDocument, type PostFieldsFragment, type ThreadQuery } from '@convene/web-data-access';

type Thread = ThreadQuery['thread'];

/** What became of a live post on the open page. */
export type LivePostOutcome = 'added' | 'updated' | 'beyond' | 'unknown';

/**
 * A post from a `thread:post` message (as every member sees it) as this viewer's `PostFields`:
 * whether they wrote it, and which reactions are theirs, are worked out here. A hidden post's text
 * stays for its author and the convenors, who may read it (the text they already have).
 */
export function livePostFields(
  view: ThreadPostView,
  viewer: { id: string; canModerate: boolean },
  cached: PostFieldsFragment | undefined,
): PostFieldsFragment {
  const viewerIsAuthor = view.author?.id === viewer.id;
  const keepText = !!view.hidden && !view.deleted && !!cached && (viewer.canModerate || viewerIsAuthor);
  return {
    __typename: 'Post',
    ...view,
    body: keepText ? cached.body : view.body,
    bodyHtml: keepText ? cached.bodyHtml : view.bodyHtml,
    viewerIsAuthor,
    author: view.author && { __typename: 'User', ...view.author },
    hidden: view.hidden && { __typename: 'PostModeration', ...view.hidden },
    reactions: view.reactions.map((r) => ({
      __typename: 'ReactionCount',
      ...r,
      mine: cached?.reactions.find((c) => c.reaction === r.reaction)?.mine ?? false,
    })),
  };
}

/**
 * Writes a live post into the open discussion's cached pages: a changed post in place, a new reply
 * at the end when every page is shown (when more pages follow, it is theirs: only the count moves).
 */
export function applyLivePost(
  client: ApolloClient,
  threadId: string,
  first: number,
  view: ThreadPostView,
  viewer: { id: string; canModerate: boolean },
): LivePostOutcome {
  const variables = { id: threadId, first };
  const thread = client.readQuery({ query: ThreadDocument, variables })?.thread;
  if (!thread) return 'unknown';
  const nodes = thread.posts.nodes;
  const at = nodes.findIndex((p) => p.id === view.id);
  let next: Thread;
  let outcome: LivePostOutcome;
  if (at >= 0) {
    next = {
      ...thread,
      posts: { ...thread.posts, nodes: nodes.map((p, i) => (i === at ? livePostFields(view, viewer, p) : p)) },
    };
    outcome = 'updated';
  } else if (view.depth === 0) {
    return 'unknown';
  } else {
    const counted = { ...thread, replyCount: thread.replyCount + 1, lastActivityAt: view.createdAt };
    if (thread.posts.hasNextPage) {
      next = counted;
      outcome = 'beyond';
    } else {
      next = { ...counted, posts: { ...thread.posts, nodes: [...nodes, livePostFields(view, viewer, undefined)] } };
      outcome = 'added';
    }
  }
  client.writeQuery({ query: ThreadDocument, variables, data: { thread: next } });
  return outcome;
}
