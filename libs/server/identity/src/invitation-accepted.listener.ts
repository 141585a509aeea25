import type { EntityManager } from '@mikro-orm/postgresql';
import type { MembershipRole } from '@convene/shared-contracts';

export interface InvitationAccepted {
  /** The unit of work of the sign-up: whatever the listener adds is stored with the new account. */
  em: EntityManager;
  userId: string;
  invitationId: string;
  groupId: string | null;
  groupRole: MembershipRole | null;
  /** True for the invitation whose link was used; false for other open invitations to the same address. */
  viaThisLink: boolean;
}

/**
 * Other domains react to an accepted invitation (the groups domain adds the membership it was for)
 * without identity knowing them: they register here when their module starts.
 */
export class InvitationAcceptedListeners {
  private readonly listeners: ((event: InvitationAccepted) => void | Promise<void>)[] = [];

  register(listener: (event: InvitationAccepted) => void | Promise<void>): void {
    this.listeners.push(listener);
  }

  async emit(event: InvitationAccepted): Promise<void> {
    for (const listener of this.listeners) await listener(event);
  }
}
