import { Alert, Anchor, Button, Group, Stack, VisuallyHidden } from '@mantine/core';
import { useApolloClient, useMutation } from '@apollo/client/react';
import type { ThreadSignal } from '@convene/shared-contracts';
import {
  EditPostDocument,
  ReplyDocument,
  toApiError,
  useViewer,
  type PostFieldsFragment,
  type ThreadQuery,
} from '@convene/web-data-access';
import { NotFoundPage, PageError, PageLoader, PageTitle, paths, useNotify } from '@convene/web-ui';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { useLiveThread } from '../hooks/useLiveThread';
import { useMarkThreadRead } from '../hooks/useMarkThreadRead';
import { POSTS_PAGE, useThreadPosts } from '../hooks/useThreadPosts';
import { applyLivePost } from '../hooks/live-post-cache';
import { buildPostTree } from '../utils/post-tree.util';
import { DeletePostModal } from './DeletePostModal';
import { EditThreadModal } from './EditThreadModal';
import { HidePostModal } from './HidePostModal';
import { LockIcon } from './icons/LockIcon';
import { PinIcon } from './icons/PinIcon';
import { PostHistoryModal } from './PostHistoryModal';
import { PostItem } from './PostItem';
import { ThreadModerationMenu } from './ThreadModerationMenu';
import { ThreadHistoryModal } from './ThreadHistoryModal';
import { ThreadNotificationMenu } from './ThreadNotificationMenu';
import { ThreadTags } from './ThreadTags';
import { ThreadTreeContext, type PostDialog, type ThreadTree } from './thread-tree.context';
import './discussions.css';

type Thread = ThreadQuery['thread'];
type Posts = ReturnType<typeof useThreadPosts>;

/** How long the post the page opened at stays highlighted. */
const HIGHLIGHT_MS = 3000;

/** A discussion: the opening post and its replies as a tree, kept live, opened where the viewer stopped reading. */
/** A discussion; `aside` lets the app show other features' things about it (its documents). */
export function ThreadPage({ aside }: { aside?: (threadId: string) => ReactNode }) {
  const { id = '' } = useParams<{ id: string }>();
  const { t } = useTranslation('discussions');
  const posts = useThreadPosts(id);
  if (posts.loading) return <PageLoader />;
  if (!posts.thread) {
    const code = toApiError(posts.error).code;
    if (code === 'NOT_FOUND' || code === 'BAD_USER_INPUT')
      return <NotFoundPage title={t('thread.notFoundTitle')} body={t('thread.notFoundBody')} />;
    return <PageError error={posts.error} onRetry={() => void posts.retry()} />;
  }
  // Each discussion is a fresh visit: its own read position, highlight and open composer.
  return <ThreadView key={id} thread={posts.thread} posts={posts} aside={aside} />;
}

/** Where `#post-<id>` in the address points, if anywhere. */
function linkedPostId(hash: string): string | null {
  return hash.startsWith('#post-') ? decodeURIComponent(hash.slice('#post-'.length)) : null;
}

/** Waits (a few frames at most) for the post to be on the page. */
async function postElement(postId: string): Promise<HTMLElement | null> {
  for (let frame = 0; frame < 60; frame++) {
    const element = document.getElementById(`post-${postId}`);
    if (element) return element;
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  return null;
}

function ThreadView({
  thread,
  posts,
  aside,
}: {
  thread: Thread;
  posts: Posts;
  aside?: (threadId: string) => ReactNode;
}) {
  const { t } = useTranslation('discussions');
  const notify = useNotify();
  const location = useLocation();
  const markRead = useMarkThreadRead(thread.id);
  const nodes = thread.posts.nodes;
  const tree = useMemo(() => buildPostTree(nodes), [nodes]);
  const authors = useMemo(
    () => new Map(nodes.map((p) => [p.id, p.author?.displayName ?? t('thread.someone')])),
    [nodes, t],
  );

  // Where the viewer had stopped reading when the page opened. Kept for the visit while the
  // server's read position moves on: the "New" divider stays where it was.
  const [opened] = useState(() => ({
    readCount: thread.readCount,
    firstUnreadId: thread.readCount > 0 ? thread.firstUnreadPostId : null,
  }));
  const [arrived, setArrived] = useState<string[]>([]);
  // New to the viewer: what came after their read position when the page opened, and what arrived
  // while it was open; not their own posts, nor deleted ones. A first visit marks nothing: all of
  // it is new.
  const unreadIds = useMemo(() => {
    const unread = (post: PostFieldsFragment, index: number) =>
      (opened.readCount > 0 && index >= opened.readCount) || arrived.includes(post.id);
    return new Set(
      nodes
        .filter((post, index) => unread(post, index) && !post.viewerIsAuthor && !post.deleted)
        .map((post) => post.id),
    );
  }, [nodes, opened.readCount, arrived]);
  const [highlightedId, setHighlightedId] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [composing, setComposing] = useState<ThreadTree['composing']>(null);
  const [dialog, setDialog] = useState<PostDialog | null>(null);
  const [threadDialog, setThreadDialog] = useState<'edit' | 'history' | null>(null);

  const latest = useRef({ thread, posts, markRead });
  useEffect(() => {
    latest.current = { thread, posts, markRead };
  });

  const highlightTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const highlight = useCallback((postId: string) => {
    clearTimeout(highlightTimer.current);
    setHighlightedId(postId);
    highlightTimer.current = setTimeout(() => setHighlightedId(null), HIGHLIGHT_MS);
  }, []);
  useEffect(() => () => clearTimeout(highlightTimer.current), []);

  // Opening: go to the linked post, or to the first unread one; then the discussion is read.
  const target = linkedPostId(location.hash) ?? opened.firstUnreadId;
  useEffect(() => {
    let cancelled = false;
    const open = async () => {
      if (target && (await latest.current.posts.reveal(target))) {
        const element = await postElement(target);
        if (cancelled) return;
        if (element) {
          element.scrollIntoView({ block: 'start' });
          // For screen readers too: the post is where reading goes on.
          element.focus({ preventScroll: true });
          highlight(target);
        }
      }
      if (!cancelled && latest.current.thread.unreadCount > 0) latest.current.markRead();
    };
    void open();
    return () => void (cancelled = true);
  }, [target, highlight]);

  const client = useApolloClient();
  const { viewer } = useViewer();
  const onChange = useCallback(
    async (signal: ThreadSignal) => {
      const { post } = signal;
      // A post comes with its message: shown as it is, with no request.
      if (post && viewer) {
        const outcome = applyLivePost(client, latest.current.thread.id, POSTS_PAGE, post, {
          id: viewer.id,
          canModerate: latest.current.thread.viewerCanModerate,
        });
        if (outcome === 'added' && !(post.author?.id === viewer.id)) {
          setArrived((ids) => [...ids, post.id]);
          setAnnouncement(t('thread.liveOne', { author: post.author?.displayName ?? t('thread.someone') }));
          // The page is open: what arrives on it is read.
          latest.current.markRead();
        }
        if (outcome !== 'unknown') return;
      }
      const before = new Set(latest.current.thread.posts.nodes.map((p) => p.id));
      const now = await latest.current.posts.refresh();
      if (!now || signal.change !== 'REPLY') return;
      const fresh = now.posts.nodes.filter((p) => !before.has(p.id) && !p.viewerIsAuthor);
      if (fresh.length) {
        setArrived((ids) => [...ids, ...fresh.map((p) => p.id)]);
        const [only] = fresh;
        setAnnouncement(
          fresh.length === 1 && only
            ? t('thread.liveOne', { author: only.author?.displayName ?? t('thread.someone') })
            : t('thread.liveMany', { count: fresh.length }),
        );
      }
      // The page is open: what arrives on it is read.
      if (now.unreadCount > 0) latest.current.markRead();
    },
    [t, client, viewer],
  );
  useLiveThread(thread.id, (signal) => void onChange(signal));

  const [sendReply] = useMutation(ReplyDocument);
  const [sendEdit] = useMutation(EditPostDocument);
  const context = useMemo<ThreadTree>(
    () => ({
      threadId: thread.id,
      group: { id: thread.group?.id ?? '', slug: thread.group?.slug ?? '' },
      locked: thread.locked,
      readOnly: thread.groupArchived,
      viewerCanModerate: thread.viewerCanModerate,
      authors,
      firstUnreadId: opened.firstUnreadId,
      unreadIds,
      highlightedId,
      composing,
      setComposing,
      openDialog: setDialog,
      reply: async (parentPostId, body) => {
        const { data } = await sendReply({ variables: { input: { threadId: thread.id, parentPostId, body } } });
        await latest.current.posts.refresh();
        notify.success(t('thread.sent'));
        setComposing(null);
        if (data) {
          highlight(data.reply.id);
          // The composer is gone: focus goes to the reply just sent, not back to the top of the page.
          void postElement(data.reply.id).then((element) => element?.focus());
        }
      },
      edit: async (postId, body) => {
        await sendEdit({ variables: { input: { postId, body } } });
        notify.success(t('thread.editedToast'));
        setComposing(null);
        void postElement(postId).then((element) => element?.focus());
      },
    }),
    [
      thread.id,
      thread.group,
      thread.locked,
      thread.groupArchived,
      thread.viewerCanModerate,
      authors,
      opened.firstUnreadId,
      unreadIds,
      highlightedId,
      composing,
      sendReply,
      sendEdit,
      notify,
      t,
      highlight,
    ],
  );

  const dialogPost = (kind: PostDialog['kind']): PostFieldsFragment | null =>
    dialog?.kind === kind ? dialog.post : null;
  // Its author while it is open, or a convenor, may change its title and tags; no one once the group is archived.
  const canModerate = thread.viewerCanModerate && !thread.groupArchived;
  const canEdit =
    !thread.groupArchived &&
    (thread.viewerCanModerate || (!thread.locked && !!viewer && thread.author?.id === viewer.id));

  return (
    <Stack gap="lg">
      <div>
        {thread.group && (
          <Anchor component={Link} to={paths.group(thread.group.slug)} size="sm">
            {t('thread.back', { group: thread.group.name })}
          </Anchor>
        )}
        <Group justify="space-between" align="flex-start" gap="sm" mt="xs" mb={4}>
          <Group gap="xs" wrap="nowrap" align="center" className="convene-thread-title">
            {thread.pinned && (
              <span className="convene-pin" title={t('thread.pinned')}>
                <PinIcon size={20} />
                <VisuallyHidden>{t('thread.pinned')}</VisuallyHidden>
              </span>
            )}
            <PageTitle mb={0} dir="auto">
              {thread.title}
            </PageTitle>
          </Group>
          <Group gap="xs">
            <ThreadNotificationMenu threadId={thread.id} level={thread.notificationLevel} />
            {canModerate && <ThreadModerationMenu thread={thread} />}
          </Group>
        </Group>
        <Group gap="xs" wrap="wrap">
          <ThreadTags tags={thread.tags} />
          {thread.editedAt && (
            <Button
              variant="subtle"
              size="compact-xs"
              color="gray"
              c="gray.8"
              aria-label={t('edit.editedLabel')}
              onClick={() => setThreadDialog('history')}
            >
              {t('edit.edited')}
            </Button>
          )}
          {canEdit && (
            <Button variant="subtle" size="compact-xs" onClick={() => setThreadDialog('edit')}>
              {t('edit.open')}
            </Button>
          )}
        </Group>
      </div>
      {thread.groupArchived ? (
        <Alert color="gray" variant="light" icon={<LockIcon size={18} />}>
          {t('thread.archived')}
        </Alert>
      ) : (
        thread.locked && (
          <Alert color="gray" variant="light" icon={<LockIcon size={18} />}>
            {t('thread.locked')}
          </Alert>
        )
      )}
      {aside?.(thread.id)}
      <VisuallyHidden role="status" aria-live="polite">
        {announcement}
      </VisuallyHidden>
      <ThreadTreeContext.Provider value={context}>
        <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('thread.postsLabel')}>
          {tree.map((node) => (
            <PostItem key={node.post.id} node={node} />
          ))}
        </Stack>
      </ThreadTreeContext.Provider>
      {thread.posts.hasNextPage && (
        <Group justify="center">
          <Button variant="default" loading={posts.loadingMore} onClick={() => void posts.loadMore()}>
            {t('thread.morePosts')}
          </Button>
        </Group>
      )}
      <PostHistoryModal post={dialogPost('history')} onClose={() => setDialog(null)} />
      <ThreadHistoryModal
        threadId={thread.id}
        opened={threadDialog === 'history'}
        onClose={() => setThreadDialog(null)}
      />
      {canEdit && threadDialog === 'edit' && (
        <EditThreadModal thread={thread} opened onClose={() => setThreadDialog(null)} />
      )}
      <DeletePostModal post={dialogPost('delete')} onClose={() => setDialog(null)} />
      <HidePostModal post={dialogPost('hide')} onClose={() => setDialog(null)} />
    </Stack>
  );
}
