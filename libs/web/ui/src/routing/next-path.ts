/** The page where someone whose role needs two-factor sign-in sets it up before anything else. */
export const TWO_FACTOR_SETUP_PATH = '/two-factor-setup';

/**
 * The page to return to after signing in, from a `next` query value. Only same-site paths are
 * accepted, so a crafted link cannot send someone to another site after they sign in.
 */
export function safeNextPath(next: string | null | undefined, fallback = '/groups'): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  if (next.startsWith('/signin') || next.startsWith('/signup') || next.startsWith(TWO_FACTOR_SETUP_PATH))
    return fallback;
  return next;
}

type Here = { pathname: string; search: string; hash: string };

export function signInPathFor(location: Here): string {
  const next = `${location.pathname}${location.search}${location.hash}`;
  return `/signin?next=${encodeURIComponent(next)}`;
}

/** The setup page, coming back here afterwards. */
export function twoFactorSetupPathFor(location: Here): string {
  const next = `${location.pathname}${location.search}${location.hash}`;
  return `${TWO_FACTOR_SETUP_PATH}?next=${encodeURIComponent(next)}`;
}
