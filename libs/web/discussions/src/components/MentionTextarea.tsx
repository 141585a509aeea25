import { Paper, Text, Textarea, type TextareaProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@apollo/client/react';
import { MentionableDocument } from '@convene/web-data-access';
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  GROUP_CONVENORS,
  insertMention,
  mayMeanGroupConvenors,
  mentionOf,
  mentionTriggerAt,
} from '../utils/mention.util';

const SUGGESTIONS = 6;

interface Suggestion {
  key: string;
  mention: string;
  label: string;
  description?: string;
}

export interface MentionTextareaProps extends Omit<TextareaProps, 'value' | 'defaultValue' | 'onChange'> {
  value: string;
  onChange: (value: string) => void;
  /** The group whose members can be mentioned. */
  groupSlug: string;
}

/**
 * A Markdown textarea that suggests people while an `@name` is typed: arrows move through the
 * suggestions, Enter or Tab (or a click) writes `@[Name] `, Escape closes them.
 */
export function MentionTextarea({ value, onChange, groupSlug, onKeyDown, onBlur, ...props }: MentionTextareaProps) {
  const { t } = useTranslation('discussions');
  const listId = useId();
  const ref = useRef<HTMLTextAreaElement>(null);
  const [caret, setCaret] = useState<number | null>(null);
  // Escape closes the suggestions for that one `@`; a new `@` opens them again.
  const [dismissed, setDismissed] = useState<number | null>(null);
  const typed = caret === null ? null : mentionTriggerAt(value, caret);
  const trigger = typed && typed.start !== dismissed ? typed : null;
  const [query] = useDebouncedValue(trigger?.query ?? '', 150);
  const { data, previousData } = useQuery(MentionableDocument, {
    variables: { slug: groupSlug, query, first: SUGGESTIONS },
    skip: !trigger || !query,
  });
  const [active, setActive] = useState({ query: '', index: 0 });

  const people = (data ?? previousData)?.workingGroup.mentionable ?? [];
  const suggestions: Suggestion[] = trigger
    ? [
        ...people.map((person) => ({
          key: person.id,
          mention: mentionOf(person.displayName),
          label: person.displayName,
        })),
        ...(mayMeanGroupConvenors(trigger.query)
          ? [
              {
                key: GROUP_CONVENORS,
                mention: GROUP_CONVENORS,
                label: GROUP_CONVENORS,
                description: t('mentions.convenors'),
              },
            ]
          : []),
      ]
    : [];
  const open = suggestions.length > 0;
  const index = active.query === trigger?.query ? Math.min(active.index, suggestions.length - 1) : 0;
  const optionId = (i: number) => `${listId}-option-${i}`;

  const follow = (element: HTMLTextAreaElement) =>
    setCaret(element.selectionStart === element.selectionEnd ? element.selectionStart : null);

  const choose = (suggestion: Suggestion) => {
    if (!trigger || caret === null) return;
    const next = insertMention(value, trigger, caret, suggestion.mention);
    onChange(next.text);
    setCaret(next.caret);
    requestAnimationFrame(() => {
      ref.current?.focus();
      ref.current?.setSelectionRange(next.caret, next.caret);
    });
  };

  const handleKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (open && trigger) {
      const move = (by: number) =>
        setActive({ query: trigger.query, index: (index + by + suggestions.length) % suggestions.length });
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        move(event.key === 'ArrowDown' ? 1 : -1);
        return;
      }
      const chosen = suggestions[index];
      if (chosen && ((event.key === 'Enter' && !event.shiftKey) || event.key === 'Tab')) {
        event.preventDefault();
        choose(chosen);
        return;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        setDismissed(trigger.start);
        return;
      }
    }
    onKeyDown?.(event);
  };

  return (
    <div className="convene-mention-field">
      <Textarea
        {...props}
        ref={ref}
        value={value}
        onChange={(event) => {
          onChange(event.currentTarget.value);
          follow(event.currentTarget);
        }}
        onSelect={(event) => follow(event.currentTarget)}
        onKeyDown={handleKeyDown}
        onBlur={(event) => {
          setCaret(null);
          onBlur?.(event);
        }}
        aria-autocomplete="list"
        aria-controls={open ? listId : undefined}
        aria-activedescendant={open ? optionId(index) : undefined}
        // While suggestions are open, Escape closes them and not the dialog around the composer.
        data-mantine-stop-propagation={open ? 'true' : undefined}
      />
      {open && (
        <Paper
          component="ul"
          role="listbox"
          id={listId}
          aria-label={t('mentions.label')}
          className="convene-mention-list"
          shadow="md"
          withBorder
        >
          {suggestions.map((suggestion, i) => (
            <li
              key={suggestion.key}
              id={optionId(i)}
              role="option"
              aria-selected={i === index}
              className="convene-mention-option"
              // Keeps the focus (and the caret) in the textarea.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(suggestion)}
              onMouseEnter={() => setActive({ query: trigger?.query ?? '', index: i })}
            >
              <Text size="sm" fw={500} dir="auto">
                {suggestion.label}
              </Text>
              {suggestion.description && (
                <Text size="xs" c="gray.7">
                  {suggestion.description}
                </Text>
              )}
            </li>
          ))}
        </Paper>
      )}
    </div>
  );
}
