import { describe, expect, it } from '@jest/globals';
import { insertMention, mayMeanGroupConvenors, mentionOf, mentionTriggerAt } from './mention.util';

describe(mentionTriggerAt.name, () => {
  it('finds the letters typed after an @ at the caret', () => {
    expect(mentionTriggerAt('Thanks @Sam', 11)).toEqual({ start: 7, query: 'Sam' });
  });

  it('follows a name with spaces and accents', () => {
    const text = 'cc @Lucía Mor';
    expect(mentionTriggerAt(text, text.length)).toEqual({ start: 3, query: 'Lucía Mor' });
  });

  it('works at the start of the text and after a new line', () => {
    expect(mentionTriggerAt('@gro', 4)).toEqual({ start: 0, query: 'gro' });
    expect(mentionTriggerAt('Hello\n@pri', 10)).toEqual({ start: 6, query: 'pri' });
  });

  it.each([
    ['a bare @', 'Hi @'],
    ['an email address', 'write to lucia@example'],
    ['a finished mention', 'Hi @[Samira Benali] '],
    ['a digit first', 'at @2pm'],
    ['a new line after the @', 'Hi @Sam\nthere'],
  ])('ignores %s', (_case, text) => {
    expect(mentionTriggerAt(text, text.length)).toBeNull();
  });

  it('looks only before the caret', () => {
    expect(mentionTriggerAt('@Samira and more', 7)).toEqual({ start: 0, query: 'Samira' });
  });
});

describe(insertMention.name, () => {
  it('replaces the typed letters with the mention and a space, and puts the caret after it', () => {
    const result = insertMention('Thanks @Sam', { start: 7, query: 'Sam' }, 11, mentionOf('Samira Benali'));
    expect(result).toEqual({ text: 'Thanks @[Samira Benali] ', caret: 24 });
  });

  it('keeps a space that follows, with the caret after it', () => {
    expect(insertMention('Hi @Sam there', { start: 3, query: 'Sam' }, 7, mentionOf('Samira Benali'))).toEqual({
      text: 'Hi @[Samira Benali] there',
      caret: 20,
    });
  });

  it('adds no space before punctuation', () => {
    expect(insertMention('Thanks @Sam, see you', { start: 7, query: 'Sam' }, 11, mentionOf('Samira Benali')).text).toBe(
      'Thanks @[Samira Benali], see you',
    );
  });
});

describe(mayMeanGroupConvenors.name, () => {
  it.each(['g', 'Group', 'group-conv', 'conv'])('offers @group-convenors for %p', (query) => {
    expect(mayMeanGroupConvenors(query)).toBe(true);
  });

  it('does not for other letters', () => {
    expect(mayMeanGroupConvenors('sam')).toBe(false);
  });
});
