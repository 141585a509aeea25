/**
 * The page to return to after signing in, from a `next` query value. Only same-site paths are
 * accepted, so a crafted link cannot send someone to another site after they sign in.
 */
export function safeNextPath(next: string | null | undefined, fallback = '/groups'): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  if (next.startsWith('/signin') || next.startsWith('/signup')) return fallback;
  return next;
}

export function signInPathFor(location: { pathname: string; search: string; hash: string }): string {
  const next = `${location.pathname}${location.search}${location.hash}`;
  return `/signin?next=${encodeURIComponent(next)}`;
}
