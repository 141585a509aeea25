// What a password must be: long enough, not absurdly long, and not one everybody tries first.
import { LIMITS } from '@convene/shared-contracts';

// Passwords of 10+ characters found at the top of public breach corpora, plus the obvious
// keyboard and number runs. Compared case-insensitively.
const COMMON = new Set(
  [
    '1234567890',
    '0123456789',
    '0987654321',
    '12345678910',
    '123456789a',
    '1234567890a',
    'a123456789',
    '1111111111',
    '0000000000',
    '1q2w3e4r5t',
    '1q2w3e4r5t6y',
    'q1w2e3r4t5',
    'qwertyuiop',
    'qwerty12345',
    'qwerty123456',
    'qwertyuiop123',
    'asdfghjkl1',
    'asdfghjkl;',
    'zxcvbnm123',
    '1qaz2wsx3edc',
    'zaq12wsxcde',
    'password12',
    'password123',
    'password1234',
    'password12345',
    'passw0rd123',
    'p@ssw0rd123',
    'p@ssword123',
    'password!1',
    'password01',
    'mypassword',
    'mypassword1',
    'newpassword',
    'changeme123',
    'changeme!1',
    'iloveyou123',
    'iloveyou12',
    'welcome123',
    'welcome1234',
    'letmein123',
    'letmeinnow',
    'administrator',
    'admin12345',
    'admin123456',
    'football123',
    'baseball123',
    'superman123',
    'princess123',
    'sunshine123',
    'monkey12345',
    'dragon12345',
    'trustno1234',
    'starwars123',
    'whatever123',
    'computer123',
    'internet123',
    'abcdefghij',
    'abcdefghijk',
    'abcd123456',
    'abc1234567',
    'abcdef12345',
    'qazwsxedcrfv',
    'michael123',
    'jennifer123',
    'liverpool1',
    'chelsea123',
    'arsenal123',
    'manchester1',
    'london1234',
    'england123',
    'football1',
    'passwordpassword',
    'secret1234',
    'summer2024',
    'winter2024',
    'spring2025',
    'autumn2025',
    'summer2025',
    'summer2026',
    'winter2025',
    'winter2026',
    'password2024',
    'password2025',
    'password2026',
    'convene123',
    'convene1234',
    'convene2026',
    'migrants123',
    'solidarity1',
  ].map((p) => p.toLowerCase()),
);

/** Returns why the password is refused, or null when it is acceptable. */
export function passwordProblem(
  password: string,
  context: { email?: string; displayName?: string } = {},
): string | null {
  if (password.length < LIMITS.passwordMin) return `Use at least ${LIMITS.passwordMin} characters.`;
  if (password.length > LIMITS.passwordMax) return `Use at most ${LIMITS.passwordMax} characters.`;
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return 'This password is too common. Choose something harder to guess.';
  if (/^(.)\1+$/.test(password)) return 'This password is too easy to guess.';
  const local = context.email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) return 'Your password must not contain your email address.';
  if (context.email && lower === context.email.toLowerCase()) return 'Your password must not be your email address.';
  return null;
}
