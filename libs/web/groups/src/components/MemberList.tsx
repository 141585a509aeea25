import { Button, Group, NativeSelect, Stack } from '@mantine/core';
import type { MembershipFieldsFragment, MembershipPageFieldsFragment, MembershipRole } from '@convene/web-data-access';
import { ConfirmModal } from '@convene/web-ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MembershipActions } from '../hooks/useMembershipActions';
import { usePendingAction } from '../hooks/usePendingAction';
import { RoleBadge } from './MembershipBadge';
import { MemberName } from './MemberName';
import { ShowMoreButton } from './ShowMoreButton';

const ROLES: MembershipRole[] = ['CONVENOR', 'MEMBER', 'OBSERVER'];

export interface MemberListProps {
  /** The pages shown so far, in the server's order. */
  members: MembershipPageFieldsFragment;
  /** Loads the page after `after` into `members`. */
  onMore: (after: string) => Promise<unknown>;
  viewerId: string;
  canManage: boolean;
  actions: MembershipActions;
}

/**
 * Active members, convenors first, then by name (the server's order, a page at a time); convenors
 * and admins can change roles and remove people.
 */
export function MemberList({ members, onMore, viewerId, canManage, actions }: MemberListProps) {
  const { t } = useTranslation('groups');
  const { track, isPending } = usePendingAction();
  const [removing, setRemoving] = useState<MembershipFieldsFragment | null>(null);

  return (
    <>
      <Stack component="ul" gap={0} p={0} m={0} style={{ listStyle: 'none' }}>
        {members.nodes.map((membership) => {
          const isViewer = membership.user.id === viewerId;
          const person = { membershipId: membership.id, name: membership.user.displayName };
          return (
            <Group
              component="li"
              key={membership.id}
              justify="space-between"
              wrap="wrap"
              gap="sm"
              py="sm"
              style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
            >
              <MemberName membership={membership} isViewer={isViewer} />
              <Group gap="sm" wrap="nowrap">
                {canManage ? (
                  <>
                    <NativeSelect
                      aria-label={t('group.roleFor', { name: membership.user.displayName })}
                      size="xs"
                      value={membership.role}
                      disabled={isPending(`role:${membership.id}`)}
                      data={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
                      onChange={(event) => {
                        const role = event.currentTarget.value as MembershipRole;
                        if (role !== membership.role)
                          void track(`role:${membership.id}`, () => actions.setRole(person, role));
                      }}
                    />
                    {!isViewer && (
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        aria-label={t('group.removeMember', { name: membership.user.displayName })}
                        onClick={() => setRemoving(membership)}
                      >
                        {t('actions.remove')}
                      </Button>
                    )}
                  </>
                ) : (
                  <RoleBadge role={membership.role} />
                )}
              </Group>
            </Group>
          );
        })}
      </Stack>
      <ShowMoreButton page={members} label={t('group.showMoreMembers')} onMore={onMore} />
      <ConfirmModal
        opened={removing !== null}
        title={t('removeModal.title', { name: removing?.user.displayName ?? '' })}
        body={t('removeModal.body', { name: removing?.user.displayName ?? '' })}
        keepLabel={t('actions.cancel')}
        confirmLabel={t('removeModal.confirm')}
        loading={isPending('remove')}
        onClose={() => setRemoving(null)}
        onConfirm={async () => {
          if (!removing) return;
          const person = { membershipId: removing.id, name: removing.user.displayName };
          if (await track('remove', () => actions.remove(person))) setRemoving(null);
        }}
      />
    </>
  );
}
