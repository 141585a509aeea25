import { registerEnumType } from '@nestjs/graphql';
import { JoinPolicy, MemberListVisibility, MembershipRole, MembershipStatus, NetworkRole, SignUpMode } from '@convene/shared-contracts';

registerEnumType(NetworkRole, { name: 'NetworkRole' });
registerEnumType(SignUpMode, { name: 'SignUpMode' });
registerEnumType(JoinPolicy, { name: 'JoinPolicy' });
registerEnumType(MemberListVisibility, { name: 'MemberListVisibility' });
registerEnumType(MembershipRole, { name: 'MembershipRole' });
registerEnumType(MembershipStatus, { name: 'MembershipStatus' });

export { JoinPolicy, MemberListVisibility, MembershipRole, MembershipStatus, NetworkRole, SignUpMode };
