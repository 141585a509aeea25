// Rules both the partner's side and the convenors' side of a pitch follow.
import { createHash } from 'node:crypto';
import { stripControlCharacters, type InputCheck } from '@convene/server-core';
import { PitchStatus } from '@convene/shared-contracts';
import type { Pitch } from './pitch.entity.js';

export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** A pitch in one of these is over: nothing more changes it, nor reaches its partner. */
export const CLOSED = [PitchStatus.ACCEPTED, PitchStatus.DECLINED, PitchStatus.WITHDRAWN];

/** How long an upload waits to be attached by a submitted pitch. */
export const UNCLAIMED_HOURS = 24;

/** The group a pitch's notifications are about: its only group; none when it names several (or none). */
export const groupOf = (pitch: Pitch): string | null => {
  const [only, ...others] = pitch.groupIds;
  return others.length ? null : (only ?? null);
};

export function closePitch(pitch: Pitch, status: PitchStatus): void {
  pitch.status = status;
  pitch.closedAt = new Date();
  pitch.updatedAt = new Date();
}

export function longText(
  check: InputCheck,
  field: string,
  value: string | null | undefined,
  max: number,
  label: string,
  required: boolean,
): string {
  const text = stripControlCharacters(value ?? '').trim();
  if (required && !text) check.fail(field, `${label} is required.`);
  if (text.length > max) check.fail(field, `${label} must be at most ${max.toLocaleString('en')} characters.`);
  return text;
}
