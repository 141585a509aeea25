import type { PostFieldsFragment } from '@convene/web-data-access';
import { createContext, useContext } from 'react';

/** Something the viewer asked to do to a post that needs a dialog. */
export type PostDialog = { kind: 'history' | 'delete' | 'hide'; post: PostFieldsFragment };

/** What every post of a discussion's tree needs to know and do; given once by the page. */
export interface ThreadTree {
  threadId: string;
  group: { id: string; slug: string };
  locked: boolean;
  /** The group is archived: the discussion is read, nothing in it changes (no replies, reactions or edits). */
  readOnly: boolean;
  viewerCanModerate: boolean;
  /** Author names by post id, for "in reply to". */
  authors: Map<string, string>;
  /** The first post the viewer had not read when the page opened (a "New" divider goes before it). */
  firstUnreadId: string | null;
  /** Posts by others that were new to the viewer when the page opened or arrived since. */
  unreadIds: Set<string>;
  /** The post the page took the viewer to, briefly highlighted. */
  highlightedId: string | null;
  /** The one composer open at a time: replying under a post, or changing one. */
  composing: { kind: 'reply' | 'edit'; postId: string } | null;
  setComposing: (composing: { kind: 'reply' | 'edit'; postId: string } | null) => void;
  openDialog: (dialog: PostDialog) => void;
  reply: (parentPostId: string, body: string) => Promise<void>;
  edit: (postId: string, body: string) => Promise<void>;
}

export const ThreadTreeContext = createContext<ThreadTree | null>(null);

export function useThreadTree(): ThreadTree {
  const tree = useContext(ThreadTreeContext);
  if (!tree) throw new Error('useThreadTree is used outside a discussion');
  return tree;
}
