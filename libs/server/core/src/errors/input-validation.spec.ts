import { describe, expect, it } from '@jest/globals';
import { ErrorCode } from '@convene/shared-contracts';
import { InputCheck } from './input-validation.js';
import { InputError } from './domain-error.js';

describe(InputCheck.name, () => {
  it('collects every field problem and throws them together as BAD_USER_INPUT', () => {
    const check = new InputCheck();
    check.email('email', 'nope');
    check.text('name', 'x'.repeat(81), { max: 80, label: 'Name' });
    check.text('purpose', '  ', { max: 10, label: 'Purpose' });
    let error: unknown;
    try {
      check.done();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).code).toBe(ErrorCode.BadUserInput);
    expect(Object.keys((error as InputError).fields ?? {}).sort()).toEqual(['email', 'name', 'purpose']);
  });

  it('normalises what it accepts', () => {
    const check = new InputCheck();
    expect(check.email('email', '  Ada@Example.ORG ')).toBe('ada@example.org');
    expect(check.text('name', '  Ada  ', { max: 10, label: 'Name' })).toBe('Ada');
    expect(() => check.done()).not.toThrow();
  });

  it('refuses control characters in one-line text', () => {
    const check = new InputCheck();
    check.text('name', 'Ada\u0000', { max: 10, label: 'Name' });
    expect(check.ok).toBe(false);
  });
});
