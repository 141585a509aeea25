import { registerEnumType } from '@nestjs/graphql';
import {
  AuditAction,
  DataExportStatus,
  JoinPolicy,
  MemberListVisibility,
  MembershipRole,
  MembershipStatus,
  NetworkRole,
  SignUpMode,
} from '@convene/shared-contracts';

registerEnumType(NetworkRole, { name: 'NetworkRole' });
registerEnumType(AuditAction, {
  name: 'AuditAction',
  description: 'A security-relevant action kept in the audit log.',
});
registerEnumType(SignUpMode, { name: 'SignUpMode' });
registerEnumType(DataExportStatus, { name: 'DataExportStatus' });
registerEnumType(JoinPolicy, { name: 'JoinPolicy' });
registerEnumType(MemberListVisibility, { name: 'MemberListVisibility' });
registerEnumType(MembershipRole, { name: 'MembershipRole' });
registerEnumType(MembershipStatus, { name: 'MembershipStatus' });

export {
  AuditAction,
  DataExportStatus,
  JoinPolicy,
  MemberListVisibility,
  MembershipRole,
  MembershipStatus,
  NetworkRole,
  SignUpMode,
};
