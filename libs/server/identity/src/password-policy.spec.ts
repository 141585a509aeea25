import { describe, expect, it } from '@jest/globals';
import { passwordProblem } from './password-policy.js';

describe('passwordProblem', () => {
  it.each([
    ['too short', 'short pw1', /at least 10/],
    ['too long', 'x'.repeat(129), /at most 128/],
    ['common', 'Password123', /too common/],
    ['one repeated character', 'zzzzzzzzzzzz', /too easy/],
  ])('refuses a password that is %s', (_label, password, message) => {
    expect(passwordProblem(password)).toMatch(message);
  });

  it('refuses a password containing the email name', () => {
    expect(passwordProblem('my-amara.okafor-secret', { email: 'amara.okafor@example.org' })).toMatch(/email/);
  });

  it.each(['correct horse battery staple', 'ten chars!', 'ab'.repeat(64)])('accepts %s', (password) => {
    expect(passwordProblem(password, { email: 'someone@example.org' })).toBeNull();
  });
});
