import { describe, expect, it } from '@jest/globals';
import { isolateForeign } from './isolate';

describe('a value inside a translated sentence', () => {
  it('is isolated when it is written in the other direction', () => {
    expect(isolateForeign('سلمى حداد', 'en')).toBe('\u2068سلمى حداد\u2069');
    expect(isolateForeign('Bob (admin)', 'ar')).toBe('\u2068Bob (admin)\u2069');
    expect(isolateForeign('name@example.org', 'ar')).toBe('\u2068name@example.org\u2069');
  });

  it('is left alone in the sentence’s own direction, as a number or date, and when isolated already', () => {
    expect(isolateForeign('Bob (admin)', 'en')).toBe('Bob (admin)');
    expect(isolateForeign('سلمى', 'ar')).toBe('سلمى');
    expect(isolateForeign('1,234', 'ar')).toBe('1,234');
    expect(isolateForeign('12/03/2027 18:00', 'en')).toBe('12/03/2027 18:00');
    expect(isolateForeign('\u2068سلمى\u2069', 'en')).toBe('\u2068سلمى\u2069');
  });
});
