import { describe, expect, it } from '@jest/globals';
import { splitLinks } from './dev-mail';

describe(splitLinks.name, () => {
  it('finds plain URLs and leaves trailing punctuation in the text', () => {
    expect(splitLinks('Accept: http://localhost:3000/invitations/abc123.\nThanks')).toEqual([
      { kind: 'text', value: 'Accept: ' },
      { kind: 'link', value: 'http://localhost:3000/invitations/abc123' },
      { kind: 'text', value: '.\nThanks' },
    ]);
  });

  it('returns the text alone when there is no link', () => {
    expect(splitLinks('Hello')).toEqual([{ kind: 'text', value: 'Hello' }]);
  });

  it('finds several links', () => {
    const links = splitLinks('a https://x.example/1 b https://x.example/2').filter((part) => part.kind === 'link');
    expect(links.map((part) => part.value)).toEqual(['https://x.example/1', 'https://x.example/2']);
  });
});
