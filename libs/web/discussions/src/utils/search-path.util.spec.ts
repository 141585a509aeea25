import { describe, expect, it } from '@jest/globals';
import { readSearchParams, searchPath } from './search-path.util';

describe(searchPath.name, () => {
  it('puts the words and the group in the address', () => {
    expect(searchPath({ query: ' Lucía & co ', groupId: 'g-1' })).toBe('/search?q=Luc%C3%ADa+%26+co&group=g-1');
  });

  it('leaves out what is empty', () => {
    expect(searchPath({ query: '  ' })).toBe('/search');
    expect(searchPath({ query: '', groupId: 'g-1' })).toBe('/search?group=g-1');
  });
});

describe(readSearchParams.name, () => {
  it('reads back what searchPath wrote', () => {
    const url = new URL(searchPath({ query: 'charging "royal infirmary"', groupId: 'g-1' }), 'http://hub.example');
    expect(readSearchParams(url.searchParams)).toEqual({ query: 'charging "royal infirmary"', groupId: 'g-1' });
  });

  it('has no group when none is given', () => {
    expect(readSearchParams(new URLSearchParams('q=nhs&group='))).toEqual({ query: 'nhs', groupId: null });
  });
});
