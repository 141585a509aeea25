import type { NetworkRole } from '@convene/shared-contracts';

/** Who is calling: resolved from the session cookie once per request. */
export interface Viewer {
  userId: string;
  sessionId: string;
  networkRole: NetworkRole;
  /**
   * A network admin or convenor without two-factor sign-in while it is enforced: they may only
   * set it up (or sign out) until they have.
   */
  twoFactorSetupRequired?: boolean;
}

/** The request as the API's transport layer sees it after the session middleware ran. */
export interface ViewerRequest {
  viewer?: Viewer | null;
  ip?: string;
  headers: Record<string, string | string[] | undefined>;
}
