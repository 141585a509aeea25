// The composer's @mention autocomplete: finding the name being typed before the caret, and
// writing the chosen mention in the form the server resolves (`@[Display Name]`).
import { GROUP_CONVENORS_MENTION } from '@convene/shared-contracts';

/** A mention being typed: where its `@` is and the letters after it. */
export interface MentionTrigger {
  /** Index of the `@` in the text. */
  start: number;
  query: string;
}

const MAX_QUERY = 40;
/** Starts with a letter; then letters, digits, spaces and the marks names carry (O'Brien, Saint-Denis). */
const QUERY = /^\p{L}[\p{L}\p{M}\p{N} '’.-]*$/u;
/** What may stand before the `@`: nothing, a space, or an opening bracket or quote. */
const BEFORE = /[\s([{"'“‘]/u;

/** The mention typed just before the caret, if the caret is right after `@` and some letters. */
export function mentionTriggerAt(text: string, caret: number): MentionTrigger | null {
  const from = Math.max(0, caret - MAX_QUERY - 1);
  const at = text.lastIndexOf('@', caret - 1);
  if (at < from || at < 0) return null;
  const previous = text[at - 1] ?? ' ';
  if (!BEFORE.test(previous)) return null;
  const query = text.slice(at + 1, caret);
  if (!QUERY.test(query) || query.includes('  ')) return null;
  return { start: at, query };
}

/** How a member's mention is written in a post body. */
export function mentionOf(displayName: string): string {
  return `@[${displayName}]`;
}

export const GROUP_CONVENORS = `@${GROUP_CONVENORS_MENTION}`;

/** Whether the typed letters could be the start of `@group-convenors` (or of "convenors"). */
export function mayMeanGroupConvenors(query: string): boolean {
  const typed = query.toLocaleLowerCase();
  return GROUP_CONVENORS_MENTION.startsWith(typed) || 'convenors'.startsWith(typed);
}

/**
 * The text with the typed mention replaced by the chosen one, and the caret after it, ready for
 * the next word: a space is added unless a space or punctuation already follows.
 */
export function insertMention(
  text: string,
  trigger: MentionTrigger,
  caret: number,
  mention: string,
): { text: string; caret: number } {
  const before = text.slice(0, trigger.start) + mention;
  const after = text.slice(caret);
  if (/^\s/u.test(after)) return { text: before + after, caret: before.length + 1 };
  if (/^[\p{P}]/u.test(after)) return { text: before + after, caret: before.length };
  return { text: `${before} ${after}`, caret: before.length + 1 };
}
