import { Blockquote, Button, Group, Stack, Text } from '@mantine/core';
import type { MembershipPageFieldsFragment } from '@convene/web-data-access';
import { useFormatDateTime } from '@convene/web-ui';
import { useTranslation } from 'react-i18next';
import type { MembershipActions } from '../hooks/useMembershipActions';
import { usePendingAction } from '../hooks/usePendingAction';
import { MemberName } from './MemberName';
import { ShowMoreButton } from './ShowMoreButton';

export interface PendingRequestListProps {
  /** The pages shown so far, in the server's order (by name). */
  requests: MembershipPageFieldsFragment;
  /** Loads the page after `after` into `requests`. */
  onMore: (after: string) => Promise<unknown>;
  actions: MembershipActions;
  timeZone?: string;
}

export function PendingRequestList({ requests, onMore, actions, timeZone }: PendingRequestListProps) {
  const { t } = useTranslation('groups');
  const formatDateTime = useFormatDateTime(timeZone);
  const { track, isPending } = usePendingAction();

  if (requests.nodes.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('group.noPendingRequests')}
      </Text>
    );
  }

  return (
    <>
      <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
        {requests.nodes.map((request) => {
          const person = { membershipId: request.id, name: request.user.displayName };
          return (
            <Stack
              component="li"
              key={request.id}
              gap="xs"
              p="sm"
              style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 'var(--mantine-radius-md)' }}
            >
              <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
                <MemberName membership={request} />
                <Text size="xs" c="dimmed">
                  <time dateTime={request.createdAt}>
                    {t('group.requestedAt', { time: formatDateTime(request.createdAt) })}
                  </time>
                </Text>
              </Group>
              {request.message && (
                <Blockquote
                  p="xs"
                  color="gray"
                  cite={t('group.requestMessage', { name: request.user.displayName })}
                  className="convene-preline"
                  dir="auto"
                  styles={{ root: { fontSize: 'var(--mantine-font-size-sm)' } }}
                >
                  {request.message}
                </Blockquote>
              )}
              <Group gap="sm">
                <Button
                  size="xs"
                  onClick={() => void track(`approve:${request.id}`, () => actions.decide(person, true))}
                  loading={isPending(`approve:${request.id}`)}
                >
                  {t('actions.approve')}
                </Button>
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => void track(`decline:${request.id}`, () => actions.decide(person, false))}
                  loading={isPending(`decline:${request.id}`)}
                >
                  {t('actions.decline')}
                </Button>
              </Group>
            </Stack>
          );
        })}
      </Stack>
      <ShowMoreButton page={requests} label={t('group.showMoreRequests')} onMore={onMore} />
    </>
  );
}
