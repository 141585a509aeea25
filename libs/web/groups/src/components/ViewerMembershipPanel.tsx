import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { WorkingGroupQuery } from '@convene/web-data-access';
import { useTranslation } from 'react-i18next';
import type { MembershipActions } from '../hooks/useMembershipActions';
import { usePendingAction } from '../hooks/usePendingAction';
import { ConfirmModal } from './ConfirmModal';
import { RequestToJoinModal } from './RequestToJoinModal';

type WorkingGroup = WorkingGroupQuery['workingGroup'];

/** What the viewer is in this group, and the one or two things they can do about it. */
export function ViewerMembershipPanel({ group, actions }: { group: WorkingGroup; actions: MembershipActions }) {
  const { t } = useTranslation('groups');
  const { track, isPending } = usePendingAction();
  const [requestOpened, requestModal] = useDisclosure(false);
  const [leaveOpened, leaveModal] = useDisclosure(false);
  const membership = group.viewerMembership;
  const ref = { id: group.id, name: group.name };

  const isLastConvenor =
    membership?.status === 'ACTIVE' &&
    membership.role === 'CONVENOR' &&
    (group.convenors?.filter((convenor) => convenor.status === 'ACTIVE').length ?? 0) <= 1;

  if (!membership) {
    return (
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{t('group.notMember')}</Text>
        {group.joinPolicy === 'OPEN' && (
          <Button onClick={() => void track('join', () => actions.join(ref, null, 'OPEN'))} loading={isPending('join')}>
            {t('actions.join')}
          </Button>
        )}
        {group.joinPolicy === 'REQUEST' && <Button onClick={requestModal.open}>{t('actions.requestToJoin')}</Button>}
        {group.joinPolicy === 'INVITE_ONLY' && (
          <Text size="sm" c="dimmed">
            {t('group.inviteOnlyNotice')}
          </Text>
        )}
        <RequestToJoinModal
          groupName={group.name}
          opened={requestOpened}
          busy={isPending('request')}
          onClose={requestModal.close}
          onSubmit={async (message) => {
            if (await track('request', () => actions.join(ref, message, 'REQUEST'))) requestModal.close();
          }}
        />
      </Stack>
    );
  }

  if (membership.status === 'PENDING') {
    return (
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{t('group.pendingSince')}</Text>
        <Button variant="default" onClick={() => void track('cancel', () => actions.cancelRequest(ref))} loading={isPending('cancel')}>
          {t('actions.cancelRequest')}
        </Button>
      </Stack>
    );
  }

  if (membership.status === 'INVITED') {
    return (
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{t('group.invitedAs', { role: t(`roles.${membership.role}`) })}</Text>
        <Group gap="sm">
          <Button onClick={() => void track('accept', () => actions.respond(ref, true))} loading={isPending('accept')}>
            {t('actions.accept')}
          </Button>
          <Button variant="default" onClick={() => void track('decline', () => actions.respond(ref, false))} loading={isPending('decline')}>
            {t('actions.decline')}
          </Button>
        </Group>
      </Stack>
    );
  }

  return (
    <Stack gap="sm" align="flex-start">
      <Text size="sm">{t('group.activeAs', { role: t(`roles.${membership.role}`) })}</Text>
      <Button variant="default" color="red" onClick={leaveModal.open}>
        {t('actions.leave')}
      </Button>
      <ConfirmModal
        opened={leaveOpened}
        title={t('leaveModal.title', { group: group.name })}
        confirmLabel={t('actions.leave')}
        busy={isPending('leave')}
        onClose={leaveModal.close}
        onConfirm={async () => {
          if (await track('leave', () => actions.leave(ref))) leaveModal.close();
        }}
      >
        {isLastConvenor ? (
          <Alert color="orange" variant="light" mb="sm">
            {t('leaveModal.lastConvenor')}
          </Alert>
        ) : null}
        {t('leaveModal.body')}
      </ConfirmModal>
    </Stack>
  );
}
