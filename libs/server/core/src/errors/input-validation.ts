import { EMAIL_PATTERN, LIMITS } from '@convene/shared-contracts';
import { InputError } from './domain-error.js';

/**
 * Collects per-field problems, then throws one InputError listing them all.
 * Services validate every input through this before touching the database.
 */
export class InputCheck {
  private readonly fields: Record<string, string> = {};

  fail(field: string, message: string): this {
    if (!this.fields[field]) this.fields[field] = message;
    return this;
  }

  text(
    field: string,
    value: string | null | undefined,
    opts: { required?: boolean; min?: number; max: number; label: string },
  ): string {
    const trimmed = (value ?? '').trim();
    if (!trimmed) {
      if (opts.required !== false) this.fail(field, `${opts.label} is required.`);
      return '';
    }
    if (opts.min && trimmed.length < opts.min)
      this.fail(field, `${opts.label} must be at least ${opts.min} characters.`);
    if (trimmed.length > opts.max) this.fail(field, `${opts.label} must be at most ${opts.max} characters.`);
    // Control characters have no place in names or one-line text.
    if (hasControlCharacters(trimmed)) this.fail(field, `${opts.label} contains invalid characters.`);
    return trimmed;
  }

  email(field: string, value: string | null | undefined): string {
    const email = (value ?? '').trim().toLowerCase();
    if (!email) this.fail(field, 'Email is required.');
    else if (email.length > LIMITS.emailMax || !EMAIL_PATTERN.test(email) || hasControlCharacters(email))
      this.fail(field, 'Enter a valid email address, like name@example.org.');
    return email;
  }

  oneOf<T extends string>(field: string, value: string, allowed: readonly T[], label: string): T {
    if (!allowed.includes(value as T)) this.fail(field, `${label} must be one of: ${allowed.join(', ')}.`);
    return value as T;
  }

  uuid(field: string, value: string | null | undefined, label: string): string {
    const v = (value ?? '').trim();
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v))
      this.fail(field, `${label} is not a valid id.`);
    return v.toLowerCase();
  }

  get ok(): boolean {
    return Object.keys(this.fields).length === 0;
  }

  /** Throws the collected problems, if any. */
  done(): void {
    if (!this.ok) throw new InputError({ ...this.fields });
  }
}

export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

/** Control characters other than tab and line breaks. */
export function hasControlCharacters(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if ((code < 32 && code !== 9 && code !== 10 && code !== 13) || code === 127) return true;
  }
  return false;
}

/** The text without control characters other than tab and line breaks (for long free text, where refusing would lose work). */
export function stripControlCharacters(value: string): string {
  let out = '';
  for (const char of value) {
    const code = char.charCodeAt(0);
    if ((code < 32 && code !== 9 && code !== 10 && code !== 13) || code === 127) continue;
    out += char;
  }
  return out;
}

/** How deep one may page into search results; past it, a narrower search is the better tool. */
const SEARCH_MAX_OFFSET = 10_000;

/**
 * The common part of a search's input: the words, a page size and an offset cursor (opaque to
 * clients). Problems go into `check`.
 */
export function searchInput(
  check: InputCheck,
  input: { query: string; first?: number | null; after?: string | null },
  defaultFirst: number,
): { query: string; first: number; offset: number } {
  const query = (input.query ?? '').trim();
  if (!query) check.fail('query', 'Type something to search for.');
  else if (query.length > LIMITS.searchQueryMax)
    check.fail('query', `Searches can be at most ${LIMITS.searchQueryMax} characters.`);
  else if (hasControlCharacters(query)) check.fail('query', 'The search contains invalid characters.');
  const first = input.first ?? defaultFirst;
  if (!Number.isInteger(first) || first < 1 || first > LIMITS.searchPageMax)
    check.fail('first', `Ask for between 1 and ${LIMITS.searchPageMax} results at a time.`);
  const decoded = input.after ? Buffer.from(input.after, 'base64url').toString('utf8') : '0';
  const offset = /^\d{1,5}$/.test(decoded) ? Number(decoded) : -1;
  if (offset < 0 || offset > SEARCH_MAX_OFFSET)
    check.fail('after', 'This cursor is not valid; start from the first page.');
  return { query, first, offset };
}

/** The cursor of the page after one that started at `offset`. */
export const searchCursor = (offset: number, first: number): string =>
  Buffer.from(String(offset + first)).toString('base64url');

/** What ts_headline puts around matched words; the text is escaped first, then they become <mark>. */
export const SEARCH_MARKS = { start: '\u0002', stop: '\u0003' } as const;

/** A search snippet as safe HTML: the text escaped, the matched words in <mark>. */
export function highlightedHtml(text: string): string {
  const escaped = text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
  return escaped.replaceAll(SEARCH_MARKS.start, '<mark>').replaceAll(SEARCH_MARKS.stop, '</mark>');
}
