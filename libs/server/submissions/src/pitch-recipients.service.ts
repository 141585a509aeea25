import { Injectable } from '@nestjs/common';
import { GroupsService } from '@convene/server-groups';
import { IdentityService } from '@convene/server-identity';

/** Who hears about pitches on the network's side. */
@Injectable()
export class PitchRecipientsService {
  constructor(
    private readonly groups: GroupsService,
    private readonly identity: IdentityService,
  ) {}

  /** Who a pitch goes to: the convenors of its groups, or the network admins when it names none. */
  async of(groupIds: string[]): Promise<string[]> {
    if (!groupIds.length) return this.identity.networkAdminIds();
    const all = await Promise.all(groupIds.map((id) => this.groups.convenorIds(id)));
    return [...new Set(all.flat())];
  }
}
