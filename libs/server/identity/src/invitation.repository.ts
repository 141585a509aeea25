import { EntityRepository } from '@mikro-orm/postgresql';
import type { Invitation } from './invitation.entity.js';

export class InvitationRepository extends EntityRepository<Invitation> {
  findByTokenHash(tokenHash: string): Promise<Invitation | null> {
    return this.findOne({ tokenHash }, { populate: ['invitedBy'] });
  }

  /** Every open invitation to an address, whatever it is for. */
  findAllOpen(email: string): Promise<Invitation[]> {
    return this.find({ email, acceptedAt: null, revokedAt: null, expiresAt: { $gt: new Date() } });
  }

  /** Open invitations to an address for the same purpose (network, or one group). */
  findOpen(email: string, groupId: string | null): Promise<Invitation[]> {
    return this.find({ email, groupId, acceptedAt: null, revokedAt: null, expiresAt: { $gt: new Date() } });
  }
}
