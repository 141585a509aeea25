import { ActionIcon, Button, Group, Popover, UnstyledButton } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { ReactToPostDocument, type PostFieldsFragment, type Reaction } from '@convene/web-data-access';
import { useErrorMessage, useNotify } from '@convene/web-ui';
import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { REACTIONS, withReaction } from '../utils/reactions.util';
import { AddReactionIcon } from './icons/AddReactionIcon';

const EMOJI = new Map(REACTIONS);

/** A post's reactions as small toggles, and a picker to add one. `readOnly` for deleted and hidden posts. */
export function PostReactions({ post, readOnly }: { post: PostFieldsFragment; readOnly: boolean }) {
  const { t } = useTranslation('discussions');
  const notify = useNotify();
  const errorMessage = useErrorMessage();
  const [picking, setPicking] = useState(false);
  // Roving focus: the choice that holds the one Tab stop. The popover's focus trap focuses the
  // `data-autofocus` choice, possibly more than once as it opens; pointing it at the current choice
  // keeps a quick arrow press from being undone.
  const [current, setCurrent] = useState(0);
  const [react] = useMutation(ReactToPostDocument);
  const choices = useRef<(HTMLButtonElement | null)[]>([]);
  if (readOnly && post.reactions.length === 0) return null;

  // The picker is one stop for Tab: arrows move between its choices (reading order in either
  // direction), Home and End go to the ends; Escape closes it and gives focus back to its button.
  const moveFocus = (event: KeyboardEvent<HTMLDivElement>) => {
    const buttons = choices.current.filter((b): b is HTMLButtonElement => !!b);
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const rtl = getComputedStyle(event.currentTarget).direction === 'rtl';
    const step = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1, ArrowDown: 1, ArrowUp: -1 }[event.key];
    let next: number | null = null;
    if (step !== undefined) next = (at + step + buttons.length) % buttons.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = buttons.length - 1;
    if (next === null) return;
    event.preventDefault();
    setCurrent(next);
    buttons[next]?.focus();
  };

  const toggle = (reaction: Reaction, active: boolean) => {
    setPicking(false);
    react({
      variables: { input: { postId: post.id, reaction, active } },
      optimisticResponse: {
        reactToPost: { __typename: 'Post', id: post.id, reactions: withReaction(post.reactions, reaction, active) },
      },
    }).catch((error: unknown) => notify.error(errorMessage(error)));
  };
  const mine = new Set(post.reactions.filter((r) => r.mine).map((r) => r.reaction));
  const name = (reaction: Reaction) => t(`reactions.names.${reaction}`);

  return (
    <Group gap={4} role="group" aria-label={t('reactions.label')}>
      {post.reactions.map((r) => (
        <Button
          key={r.reaction}
          size="compact-xs"
          radius="xl"
          variant={r.mine ? 'light' : 'default'}
          className="convene-reaction"
          aria-pressed={r.mine}
          aria-label={t('reactions.chip', { name: name(r.reaction), count: r.count })}
          title={name(r.reaction)}
          disabled={readOnly}
          onClick={() => toggle(r.reaction, !r.mine)}
        >
          <span aria-hidden="true">{EMOJI.get(r.reaction)}</span>
          <span className="convene-reaction-count">{r.count}</span>
        </Button>
      ))}
      {!readOnly && (
        <Popover
          opened={picking}
          onChange={setPicking}
          position="top-start"
          shadow="md"
          withinPortal
          trapFocus
          returnFocus
        >
          <Popover.Target>
            <ActionIcon
              variant="subtle"
              color="gray"
              size="sm"
              radius="xl"
              aria-label={t('reactions.add')}
              title={t('reactions.add')}
              onClick={() => {
                setCurrent(0);
                setPicking((p) => !p);
              }}
            >
              <AddReactionIcon />
            </ActionIcon>
          </Popover.Target>
          <Popover.Dropdown p={4}>
            <Group gap={2} role="group" aria-label={t('reactions.add')} onKeyDown={moveFocus}>
              {REACTIONS.map(([reaction, emoji], index) => (
                <UnstyledButton
                  key={reaction}
                  ref={(button: HTMLButtonElement | null) => {
                    choices.current[index] = button;
                  }}
                  tabIndex={index === current ? 0 : -1}
                  data-autofocus={index === current || undefined}
                  className="convene-reaction-choice"
                  aria-label={name(reaction)}
                  title={name(reaction)}
                  aria-pressed={mine.has(reaction)}
                  onClick={() => toggle(reaction, !mine.has(reaction))}
                >
                  <span aria-hidden="true">{emoji}</span>
                </UnstyledButton>
              ))}
            </Group>
          </Popover.Dropdown>
        </Popover>
      )}
    </Group>
  );
}
