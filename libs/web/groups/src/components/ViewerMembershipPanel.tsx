import { Button, Group, Stack, Text } from '@mantine/core';
import { LIMITS } from '@convene/shared-contracts';
import type { WorkingGroupQuery } from '@convene/web-data-access';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MembershipActions } from '../hooks/useMembershipActions';
import { usePendingAction } from '../hooks/usePendingAction';
import { LimitedTextarea } from '@convene/web-ui';

type WorkingGroup = WorkingGroupQuery['workingGroup'];

/** What the viewer is in this group, and the one or two things they can do about it. */
export function ViewerMembershipPanel({ group, actions }: { group: WorkingGroup; actions: MembershipActions }) {
  const { t } = useTranslation('groups');
  const { track, isPending } = usePendingAction();
  const [message, setMessage] = useState('');
  const membership = group.viewerMembership;
  const ref = { id: group.id, name: group.name };

  if (!membership) {
    return (
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{t('group.notMember')}</Text>
        {group.joinPolicy === 'OPEN' && (
          <Button onClick={() => void track('join', () => actions.join(ref, null, 'OPEN'))} loading={isPending('join')}>
            {t('actions.join')}
          </Button>
        )}
        {group.joinPolicy === 'REQUEST' && (
          <Stack
            component="form"
            gap="sm"
            w="100%"
            onSubmit={async (event: React.FormEvent) => {
              event.preventDefault();
              if (await track('request', () => actions.join(ref, message, 'REQUEST'))) setMessage('');
            }}
          >
            <LimitedTextarea
              label={t('requestForm.message')}
              description={t('requestForm.messageHint')}
              value={message}
              onChange={(event) => setMessage(event.currentTarget.value)}
              limit={LIMITS.joinMessageMax}
              autosize
              minRows={2}
              maxRows={8}
            />
            <Group>
              <Button type="submit" loading={isPending('request')}>
                {t('actions.requestToJoin')}
              </Button>
            </Group>
          </Stack>
        )}
        {group.joinPolicy === 'INVITE_ONLY' && (
          <Text size="sm" c="dimmed">
            {t('group.inviteOnlyNotice')}
          </Text>
        )}
      </Stack>
    );
  }

  if (membership.status === 'PENDING') {
    return (
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{t('group.pendingSince')}</Text>
        <Button
          variant="default"
          onClick={() => void track('cancel', () => actions.cancelRequest(ref))}
          loading={isPending('cancel')}
        >
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
          <Button
            variant="default"
            onClick={() => void track('decline', () => actions.respond(ref, false))}
            loading={isPending('decline')}
          >
            {t('actions.decline')}
          </Button>
        </Group>
      </Stack>
    );
  }

  return (
    <Stack gap="sm" align="flex-start">
      <Text size="sm">{t('group.activeAs', { role: t(`roles.${membership.role}`) })}</Text>
      <Button
        variant="default"
        onClick={() => void track('leave', () => actions.leave(ref))}
        loading={isPending('leave')}
      >
        {t('actions.leave')}
      </Button>
    </Stack>
  );
}
