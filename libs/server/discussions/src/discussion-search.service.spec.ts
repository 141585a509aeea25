import { describe, expect, it } from '@jest/globals';
import { plainSnippet } from './discussion-search.service.js';

const M = '\u0002';
const E = '\u0003';

describe(plainSnippet.name, () => {
  it.each([
    ['**Bold** and _soft_ words', 'Bold and soft words'],
    [`See [the ${M}housing${E} report](https://example.org/r.pdf) now`, `See the ${M}housing${E} report now`],
    ['## Agenda\n- first item\n> quoted line', 'Agenda\nfirst item\nquoted line'],
    ['run `npm start` first', 'run npm start first'],
    // Cut by the headline in the middle of a link: what is left reads as words.
    ['the report](https://example.org/r.pdf) says', 'the report says'],
    ['snake_case_name and 2 * 3 = 6', 'snake_case_name and 2 * 3 = 6'],
  ])('%j reads as %j', (markdown, words) => {
    expect(plainSnippet(markdown)).toBe(words);
  });
});
