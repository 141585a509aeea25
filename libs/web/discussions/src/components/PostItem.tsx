import { ActionIcon, Button, Group, Menu, Paper, Stack, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { UnhidePostDocument, type PostFieldsFragment } from '@convene/web-data-access';
import { useErrorMessage, useFormatDateTime, useNotify } from '@convene/web-ui';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { PostNode } from '../utils/post-tree.util';
import { MoreIcon } from './icons/MoreIcon';
import { PostComposer } from './PostComposer';
import { PostReactions } from './PostReactions';
import { useThreadTree } from './thread-tree.context';

/** Deeper replies are shown at this indent, each saying whom it answers. */
const MAX_INDENT = 4;

/** One post of the tree with its replies under it: text, reactions, and what the viewer may do. */
export function PostItem({ node }: { node: PostNode }) {
  const tree = useThreadTree();
  const { t } = useTranslation('discussions');
  const formatDateTime = useFormatDateTime();
  const [collapsed, setCollapsed] = useState(false);
  const { post } = node;
  const author = post.author?.displayName ?? t('thread.someone');
  const flattened = post.depth > MAX_INDENT;
  const composing = tree.composing?.postId === post.id ? tree.composing.kind : null;
  // Deleted and hidden posts keep their place, and take no replies, edits or reactions.
  const gone = post.deleted || post.hidden !== null;
  const unread = tree.unreadIds.has(post.id);
  const authorId = `post-${post.id}-author`;

  return (
    <li className="convene-post" data-depth={post.depth}>
      {tree.firstUnreadId === post.id && (
        <div className="convene-new-divider" role="separator" aria-label={t('thread.newDividerLabel')}>
          <span>{t('thread.newDivider')}</span>
        </div>
      )}
      <Paper
        component="article"
        id={`post-${post.id}`}
        className="convene-post-card"
        data-unread={unread || undefined}
        data-highlighted={tree.highlightedId === post.id || undefined}
        withBorder
        p="md"
        aria-labelledby={authorId}
        tabIndex={-1}
      >
        <Group justify="space-between" gap="xs" mb="xs" wrap="nowrap" align="flex-start">
          <Group gap={6} wrap="wrap" align="baseline">
            <Text size="sm" fw={600} id={authorId}>
              {unread && <VisuallyHidden>{`${t('thread.unread')}: `}</VisuallyHidden>}
              {/* Isolated, so that a name and a date in another script keep their order. */}
              <Trans
                t={t}
                i18nKey="thread.posted"
                values={{ author, time: formatDateTime(post.createdAt) }}
                components={{ who: <bdi />, when: <time dateTime={post.createdAt} /> }}
              />
            </Text>
            {post.editedAt && !post.deleted && (
              <UnstyledButton
                className="convene-edited"
                fz="xs"
                onClick={() => tree.openDialog({ kind: 'history', post })}
                aria-label={t('thread.editedLabel', { time: formatDateTime(post.editedAt) })}
                title={t('thread.editedLabel', { time: formatDateTime(post.editedAt) })}
              >
                {t('thread.edited')}
              </UnstyledButton>
            )}
            {flattened && post.parentId && (
              <Text size="xs" c="gray.7">
                {t('thread.inReplyTo', { author: tree.authors.get(post.parentId) ?? t('thread.someone') })}
              </Text>
            )}
          </Group>
          <PostActions post={post} author={author} />
        </Group>
        <PostContent post={post} editing={composing === 'edit'} />
        {composing !== 'edit' && (!gone || post.reactions.length > 0 || node.children.length > 0) && (
          <Group gap="xs" mt="sm">
            <PostReactions post={post} readOnly={gone || tree.readOnly} />
            {!tree.locked && !tree.readOnly && !gone && (
              <Button
                variant="subtle"
                size="compact-sm"
                onClick={() => tree.setComposing(composing === 'reply' ? null : { kind: 'reply', postId: post.id })}
                aria-label={t('thread.replyTo', { author })}
                aria-expanded={composing === 'reply'}
              >
                {t('thread.reply')}
              </Button>
            )}
            {node.children.length > 0 && (
              <UnstyledButton fz="sm" c="gray.7" onClick={() => setCollapsed((c) => !c)} aria-expanded={!collapsed}>
                {collapsed
                  ? `▸ ${t('thread.showReplies', { count: node.children.length })}`
                  : `▾ ${t('thread.hideReplies')}`}
              </UnstyledButton>
            )}
          </Group>
        )}
        {composing === 'reply' && (
          <PostComposer
            label={t('thread.yourReply')}
            description={t('thread.replyTo', { author })}
            group={tree.group}
            submitLabel={t('thread.send')}
            onSubmit={(body) => tree.reply(post.id, body)}
            onCancel={() => tree.setComposing(null)}
          />
        )}
      </Paper>
      {!collapsed && node.children.length > 0 && (
        <Stack component="ol" gap="sm" p={0} m={0} mt="sm" style={{ listStyle: 'none' }}>
          {node.children.map((child) => (
            <PostItem key={child.post.id} node={child} />
          ))}
        </Stack>
      )}
    </li>
  );
}

/** The text as the viewer may see it: deleted, hidden (with the reason), being changed, or shown. */
function PostContent({ post, editing }: { post: PostFieldsFragment; editing: boolean }) {
  const tree = useThreadTree();
  const { t } = useTranslation('discussions');
  if (post.deleted) {
    return (
      <Text size="sm" c="gray.7" fs="italic">
        {t('thread.deleted')}
      </Text>
    );
  }
  if (post.hidden) {
    return (
      <Stack gap="xs">
        <Text size="sm" className="convene-hidden-notice">
          <strong>{t('thread.hiddenBy')}</strong> <span dir="auto">{post.hidden.reason}</span>
        </Text>
        {post.bodyHtml && (
          <div className="convene-hidden-text">
            <Text size="xs" c="gray.7" mb={4}>
              {t('thread.hiddenStillVisible')}
            </Text>
            {/* Rendered by the server from Markdown with raw HTML off and only safe links: see markdown.util.ts. */}
            <div className="convene-post-body" dir="auto" dangerouslySetInnerHTML={{ __html: post.bodyHtml }} />
          </div>
        )}
      </Stack>
    );
  }
  if (editing) {
    return (
      <PostComposer
        label={t('thread.editLabel')}
        initialBody={post.body ?? ''}
        group={tree.group}
        submitLabel={t('thread.saveEdit')}
        onSubmit={(body) => tree.edit(post.id, body)}
        onCancel={() => tree.setComposing(null)}
      />
    );
  }
  // Rendered by the server from Markdown with raw HTML off and only safe links: see markdown.util.ts.
  return <div className="convene-post-body" dir="auto" dangerouslySetInnerHTML={{ __html: post.bodyHtml }} />;
}

/** The post's menu: its author changes or deletes it, convenors hide it or show it again. */
function PostActions({ post, author }: { post: PostFieldsFragment; author: string }) {
  const tree = useThreadTree();
  const { t } = useTranslation('discussions');
  const notify = useNotify();
  const errorMessage = useErrorMessage();
  const [unhide] = useMutation(UnhidePostDocument);
  const canEdit = post.viewerIsAuthor && !post.deleted && !post.hidden && !tree.locked;
  const canDelete = post.viewerIsAuthor && !post.deleted;
  const canHide = tree.viewerCanModerate && !post.deleted && !post.hidden;
  const canUnhide = tree.viewerCanModerate && post.hidden !== null && !post.deleted;
  if (tree.readOnly || (!canEdit && !canDelete && !canHide && !canUnhide)) return null;

  const showAgain = async () => {
    try {
      await unhide({ variables: { postId: post.id } });
      notify.success(t('moderation.unhidden'));
    } catch (error) {
      notify.error(errorMessage(error));
    }
  };

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon
          variant="subtle"
          color="gray"
          aria-label={t('thread.actions', { author })}
          title={t('thread.actionsShort')}
        >
          <MoreIcon size={18} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        {canEdit && (
          <Menu.Item onClick={() => tree.setComposing({ kind: 'edit', postId: post.id })}>{t('thread.edit')}</Menu.Item>
        )}
        {canDelete && (
          <Menu.Item color="red" onClick={() => tree.openDialog({ kind: 'delete', post })}>
            {t('thread.delete')}
          </Menu.Item>
        )}
        {(canHide || canUnhide) && (canEdit || canDelete) && <Menu.Divider />}
        {canHide && (
          <Menu.Item onClick={() => tree.openDialog({ kind: 'hide', post })}>{t('moderation.hide')}</Menu.Item>
        )}
        {canUnhide && <Menu.Item onClick={() => void showAgain()}>{t('moderation.unhide')}</Menu.Item>}
      </Menu.Dropdown>
    </Menu>
  );
}
