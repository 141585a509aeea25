import { describe, expect, it } from '@jest/globals';
import { safeNextPath, signInPathFor, twoFactorSetupPathFor } from './next-path';

describe(safeNextPath.name, () => {
  it('keeps a same-site path with its query', () => {
    expect(safeNextPath('/groups/health-and-social-care?tab=members')).toBe(
      '/groups/health-and-social-care?tab=members',
    );
  });

  it.each([
    null,
    '',
    'https://evil.example/',
    '//evil.example/groups',
    '/\\evil.example',
    'groups',
    '/signin?next=/admin',
    '/signup',
    '/two-factor-setup?next=/admin',
  ])('falls back to /groups for %p', (next) => {
    expect(safeNextPath(next)).toBe('/groups');
  });
});

describe(signInPathFor.name, () => {
  it('encodes the whole location as next', () => {
    expect(signInPathFor({ pathname: '/groups/a', search: '?x=1', hash: '#m' })).toBe(
      '/signin?next=%2Fgroups%2Fa%3Fx%3D1%23m',
    );
  });
});

describe(twoFactorSetupPathFor.name, () => {
  it('sends to the setup page with the whole location as next', () => {
    expect(twoFactorSetupPathFor({ pathname: '/groups/a', search: '?x=1', hash: '' })).toBe(
      '/two-factor-setup?next=%2Fgroups%2Fa%3Fx%3D1',
    );
  });
});
