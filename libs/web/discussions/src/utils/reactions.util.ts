import { REACTION_EMOJI } from '@convene/shared-contracts';
import type { PostFieldsFragment, Reaction } from '@convene/web-data-access';

/** The fixed set of reactions with their emoji, in the order the contracts give it. */
export const REACTIONS = Object.entries(REACTION_EMOJI) as [Reaction, string][];

type Counts = PostFieldsFragment['reactions'];

/** A post's counts after the viewer gives or takes back one reaction (shown before the server answers). */
export function withReaction(counts: Counts, reaction: Reaction, active: boolean): Counts {
  const current = counts.find((c) => c.reaction === reaction);
  const count = (current?.count ?? 0) - (current?.mine ? 1 : 0) + (active ? 1 : 0);
  const rest = counts.filter((c) => c.reaction !== reaction);
  const next = count > 0 ? [...rest, { __typename: 'ReactionCount' as const, reaction, count, mine: active }] : rest;
  const order = (r: Reaction) => REACTIONS.findIndex(([known]) => known === r);
  return next.sort((a, b) => order(a.reaction) - order(b.reaction));
}
