import { Badge } from '@mantine/core';
import type { MembershipRole, MembershipStatus } from '@convene/web-data-access';
import { useTranslation } from 'react-i18next';

const ROLE_COLORS: Record<MembershipRole, string> = { CONVENOR: 'grape', MEMBER: 'indigo', OBSERVER: 'gray' };

/** The viewer's (or a member's) place in a group: a role when active, else pending/invited. */
export function MembershipBadge({
  membership,
}: {
  membership: { role: MembershipRole; status: MembershipStatus } | null;
}) {
  const { t } = useTranslation('groups');
  if (!membership) return null;
  if (membership.status === 'PENDING') {
    return (
      <Badge variant="light" color="yellow" c="gray.9" tt="none" style={{ flexShrink: 0 }}>
        {t('statuses.PENDING')}
      </Badge>
    );
  }
  if (membership.status === 'INVITED') {
    return (
      <Badge variant="light" color="cyan" tt="none" style={{ flexShrink: 0 }}>
        {t('statuses.INVITED')}
      </Badge>
    );
  }
  return <RoleBadge role={membership.role} />;
}

export function RoleBadge({ role }: { role: MembershipRole }) {
  const { t } = useTranslation('groups');
  return (
    <Badge variant="light" color={ROLE_COLORS[role]} tt="none" style={{ flexShrink: 0 }}>
      {t(`roles.${role}`)}
    </Badge>
  );
}
