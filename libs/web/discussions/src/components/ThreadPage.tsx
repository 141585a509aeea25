import { Alert, Anchor, Button, Group, Paper, Stack, Text, Textarea, UnstyledButton } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { LIMITS } from '@convene/shared-contracts';
import { ReplyDocument, ThreadDocument, toApiError, useRealtimeEvent, useRealtimeSocket, type PostFieldsFragment, type ThreadQuery } from '@convene/web-data-access';
import { ErrorAlert, NotFoundPage, PageError, PageLoader, PageTitle, useFormatDateTime, useNotify } from '@convene/web-ui';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PostPreview } from './PostPreview';
import { ThreadTags } from './ThreadTags';
import './discussions.css';

const PAGE = 100;
/** Deeper replies are shown at this indent, each saying whom it answers. */
const MAX_INDENT = 4;

interface TreeNode {
  post: PostFieldsFragment;
  children: TreeNode[];
}

function buildTree(posts: PostFieldsFragment[]): TreeNode[] {
  const nodes = new Map(posts.map((post) => [post.id, { post, children: [] as TreeNode[] }]));
  const roots: TreeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.post.parentId ? nodes.get(node.post.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** A discussion: the opening post and its replies as a tree, with a reply form under any post. */
export function ThreadPage() {
  const { id = '' } = useParams<{ id: string }>();
  const { t } = useTranslation('discussions');
  const { data, loading, error, refetch } = useQuery(ThreadDocument, { variables: { id, first: PAGE } });
  useLivePosts(id, () => void refetch());
  if (loading && !data) return <PageLoader />;
  if (!data) {
    const code = toApiError(error).code;
    if (code === 'NOT_FOUND' || code === 'BAD_USER_INPUT') return <NotFoundPage title={t('thread.notFoundTitle')} body={t('thread.notFoundBody')} />;
    return <PageError error={error} onRetry={() => void refetch()} />;
  }
  return <ThreadView thread={data.thread} />;
}

/**
 * While the page is open, new posts arrive without reloading: the socket watches the discussion
 * (again after every reconnect, when the server has forgotten it) and a signal refetches.
 */
function useLivePosts(threadId: string, onPost: () => void) {
  const { socket, connects } = useRealtimeSocket();
  const latest = useRef(onPost);
  useEffect(() => {
    latest.current = onPost;
  });
  useEffect(() => {
    if (!socket || !connects) return;
    socket.emit('thread:watch', threadId, () => undefined);
    // A reconnect may have missed posts: catch up as well.
    if (connects > 1) latest.current();
    return () => void socket.emit('thread:unwatch', threadId);
  }, [socket, connects, threadId]);
  useRealtimeEvent('thread:post', (signal) => {
    if (signal.threadId === threadId) latest.current();
  });
}

function ThreadView({ thread }: { thread: ThreadQuery['thread'] }) {
  const { t } = useTranslation('discussions');
  const posts = thread.posts.nodes;
  const tree = useMemo(() => buildTree(posts), [posts]);
  const authors = useMemo(() => new Map(posts.map((p) => [p.id, p.author?.displayName ?? t('thread.someone')])), [posts, t]);
  const [replyingTo, setReplyingTo] = useState<string | null>(null);

  return (
    <Stack gap="lg">
      <div>
        {thread.group && (
          <Anchor component={Link} to={`/groups/${thread.group.slug}`} size="sm">
            {t('thread.back', { group: thread.group.name })}
          </Anchor>
        )}
        <PageTitle mt="xs" mb={4} dir="auto">
          {thread.title}
        </PageTitle>
        <ThreadTags tags={thread.tags} />
      </div>
      {thread.locked && <Alert color="gray">{t('thread.locked')}</Alert>}
      <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
        {tree.map((node) => (
          <PostItem key={node.post.id} node={node} threadId={thread.id} locked={thread.locked} authors={authors} replyingTo={replyingTo} setReplyingTo={setReplyingTo} />
        ))}
      </Stack>
    </Stack>
  );
}

function PostItem({
  node,
  threadId,
  locked,
  authors,
  replyingTo,
  setReplyingTo,
}: {
  node: TreeNode;
  threadId: string;
  locked: boolean;
  authors: Map<string, string>;
  replyingTo: string | null;
  setReplyingTo: (id: string | null) => void;
}) {
  const { t } = useTranslation('discussions');
  const formatDateTime = useFormatDateTime();
  const [collapsed, setCollapsed] = useState(false);
  const { post } = node;
  const author = post.author?.displayName ?? t('thread.someone');
  const flattened = post.depth > MAX_INDENT;

  return (
    <li className="convene-post" data-depth={post.depth}>
      <Paper withBorder p="md" aria-labelledby={`post-${post.id}-author`}>
        <Group justify="space-between" gap="xs" mb="xs">
          <Text size="sm" fw={600} id={`post-${post.id}-author`}>
            {t('thread.posted', { author, time: formatDateTime(post.createdAt) })}
          </Text>
          {flattened && post.parentId && (
            <Text size="xs" c="gray.7">
              {t('thread.inReplyTo', { author: authors.get(post.parentId) ?? t('thread.someone') })}
            </Text>
          )}
        </Group>
        {/* Rendered by the server from Markdown with raw HTML off and only safe links: see markdown.util.ts. */}
        <div className="convene-post-body" dir="auto" dangerouslySetInnerHTML={{ __html: post.bodyHtml }} />
        <Group gap="xs" mt="xs">
          {!locked && (
            <Button variant="subtle" size="compact-sm" onClick={() => setReplyingTo(replyingTo === post.id ? null : post.id)} aria-label={t('thread.replyTo', { author })}>
              {t('thread.reply')}
            </Button>
          )}
          {node.children.length > 0 && (
            <UnstyledButton fz="sm" c="gray.7" onClick={() => setCollapsed((c) => !c)} aria-expanded={!collapsed}>
              {collapsed ? `▸ ${t('thread.showReplies', { count: node.children.length })}` : `▾ ${t('thread.hideReplies')}`}
            </UnstyledButton>
          )}
        </Group>
        {replyingTo === post.id && <ReplyForm threadId={threadId} parentPostId={post.id} parentAuthor={author} onDone={() => setReplyingTo(null)} />}
      </Paper>
      {!collapsed && node.children.length > 0 && (
        <Stack component="ol" gap="sm" p={0} m={0} mt="sm" style={{ listStyle: 'none' }}>
          {node.children.map((child) => (
            <PostItem key={child.post.id} node={child} threadId={threadId} locked={locked} authors={authors} replyingTo={replyingTo} setReplyingTo={setReplyingTo} />
          ))}
        </Stack>
      )}
    </li>
  );
}

function ReplyForm({ threadId, parentPostId, parentAuthor, onDone }: { threadId: string; parentPostId: string; parentAuthor: string; onDone: () => void }) {
  const { t } = useTranslation('discussions');
  const notify = useNotify();
  const [body, setBody] = useState('');
  const [previewing, setPreviewing] = useState(false);
  const [reply, { loading, error }] = useMutation(ReplyDocument, { refetchQueries: [{ query: ThreadDocument, variables: { id: threadId, first: PAGE } }], awaitRefetchQueries: true });

  const send = async () => {
    try {
      await reply({ variables: { input: { threadId, parentPostId, body } } });
      notify.success(t('thread.sent'));
      onDone();
    } catch {
      // shown by ErrorAlert
    }
  };

  return (
    <Stack gap="xs" mt="sm">
      <ErrorAlert error={error} />
      <Textarea
        label={t('thread.yourReply')}
        description={t('thread.replyTo', { author: parentAuthor })}
        autosize
        minRows={3}
        maxLength={LIMITS.postBodyMax}
        dir="auto"
        value={body}
        onChange={(event) => setBody(event.currentTarget.value)}
        data-autofocus
        style={previewing ? { display: 'none' } : undefined}
      />
      {previewing && <PostPreview body={body} />}
      <Group justify="flex-end" gap="xs">
        <Button variant="subtle" onClick={() => setPreviewing((p) => !p)} me="auto">
          {previewing ? t('preview.hide') : t('preview.show')}
        </Button>
        <Button variant="default" onClick={onDone}>
          {t('thread.cancel')}
        </Button>
        <Button onClick={() => void send()} loading={loading} disabled={!body.trim()}>
          {t('thread.send')}
        </Button>
      </Group>
    </Stack>
  );
}
