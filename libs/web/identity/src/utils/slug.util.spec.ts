import { describe, expect, it } from '@jest/globals';
import { GROUP_SLUG_PATTERN, LIMITS } from '@convene/shared-contracts';
import { slugify } from './slug.util';

describe(slugify.name, () => {
  it.each([
    ['Health and Social Care', 'health-and-social-care'],
    ['Policing & surveillance', 'policing-surveillance'],
    ['  Brexit and faith!  ', 'brexit-and-faith'],
    ['Café – Réfugiés', 'cafe-refugies'],
  ])('turns %p into %p', (name, slug) => {
    expect(slugify(name)).toBe(slug);
    expect(GROUP_SLUG_PATTERN.test(slug)).toBe(true);
  });

  it('leaves non-Latin names for the person to type', () => {
    expect(slugify('الصحة والرعاية')).toBe('');
  });

  it('stays within the length limit without a trailing hyphen', () => {
    const slug = slugify('word '.repeat(30));
    expect(slug.length).toBeLessThanOrEqual(LIMITS.groupSlugMax);
    expect(slug.endsWith('-')).toBe(false);
  });
});
