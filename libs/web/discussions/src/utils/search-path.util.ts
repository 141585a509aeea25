// The search page keeps its question in the address (`/search?q=…&group=…`), so a search can be
// bookmarked, shared with a member of the same groups, and gone back to.

export const SEARCH_PATH = '/search';

export interface SearchParams {
  query: string;
  groupId?: string | null;
}

export function searchPath({ query, groupId }: SearchParams): string {
  const params = new URLSearchParams();
  if (query.trim()) params.set('q', query.trim());
  if (groupId) params.set('group', groupId);
  const search = params.toString();
  return search ? `${SEARCH_PATH}?${search}` : SEARCH_PATH;
}

export function readSearchParams(params: URLSearchParams): { query: string; groupId: string | null } {
  return { query: params.get('q')?.trim() ?? '', groupId: params.get('group') || null };
}
