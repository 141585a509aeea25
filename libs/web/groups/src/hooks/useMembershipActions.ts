import { useMutation } from '@apollo/client/react';
import {
  DecideMembershipDocument,
  InviteMemberDocument,
  LeaveGroupDocument,
  RemoveMemberDocument,
  RequestToJoinDocument,
  RespondToInvitationDocument,
  SetMemberRoleDocument,
  toApiError,
  type MembershipRole,
} from '@convene/web-data-access';
import { useErrorMessage, useNotify } from '@convene/web-ui';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

const GROUPS_REASONS = [
  'LAST_CONVENOR',
  'ALREADY_MEMBER',
  'ALREADY_REQUESTED',
  'NOT_PENDING',
  'NOT_INVITED',
  'INVITE_ONLY',
  'NOT_A_CONVENOR',
] as const;
type GroupsReason = (typeof GROUPS_REASONS)[number];

function isGroupsReason(reason: string): reason is GroupsReason {
  return (GROUPS_REASONS as readonly string[]).includes(reason);
}

// Membership changes move a group between lists and change counts: refetch what is on screen.
const REFETCH = ['WorkingGroups', 'WorkingGroup'];

export interface GroupRef {
  id: string;
  name: string;
}

export interface PersonRef {
  membershipId: string;
  name: string;
}

/**
 * Every membership change a page can make, each showing a toast when it is done or fails.
 * Each action resolves to true on success so callers can close dialogs.
 */
export function useMembershipActions() {
  const { t } = useTranslation('groups');
  const describeGenericError = useErrorMessage();
  const notify = useNotify();
  const describeError = useCallback(
    (error: unknown) => {
      const { reason } = toApiError(error);
      return reason && isGroupsReason(reason) ? t(`reasons.${reason}`) : describeGenericError(error);
    },
    [t, describeGenericError],
  );
  const options = { refetchQueries: REFETCH, awaitRefetchQueries: true } as const;
  const [requestToJoin, requestState] = useMutation(RequestToJoinDocument, options);
  const [respond, respondState] = useMutation(RespondToInvitationDocument, options);
  const [leave, leaveState] = useMutation(LeaveGroupDocument, options);
  const [decide, decideState] = useMutation(DecideMembershipDocument, options);
  const [setRole, setRoleState] = useMutation(SetMemberRoleDocument, options);
  const [remove, removeState] = useMutation(RemoveMemberDocument, options);
  const [invite, inviteState] = useMutation(InviteMemberDocument, options);

  const run = useCallback(
    async (action: () => Promise<unknown>, success: string): Promise<boolean> => {
      try {
        await action();
        notify.success(success);
        return true;
      } catch (error) {
        notify.error(describeError(error));
        return false;
      }
    },
    [describeError, notify],
  );

  return {
    join: (group: GroupRef, message: string | null, policy: 'OPEN' | 'REQUEST') =>
      run(
        () => requestToJoin({ variables: { input: { groupId: group.id, message: message?.trim() || null } } }),
        policy === 'OPEN'
          ? t('feedback.joined', { group: group.name })
          : t('feedback.requested', { group: group.name }),
      ),
    cancelRequest: (group: GroupRef) =>
      run(() => leave({ variables: { groupId: group.id } }), t('feedback.requestCancelled')),
    leave: (group: GroupRef) =>
      run(() => leave({ variables: { groupId: group.id } }), t('feedback.left', { group: group.name })),
    respond: (group: GroupRef, accept: boolean) =>
      run(
        () => respond({ variables: { groupId: group.id, accept } }),
        accept ? t('feedback.accepted', { group: group.name }) : t('feedback.declined'),
      ),
    decide: (person: PersonRef, approve: boolean) =>
      run(
        () => decide({ variables: { input: { membershipId: person.membershipId, approve } } }),
        approve ? t('feedback.approved', { name: person.name }) : t('feedback.requestDeclined', { name: person.name }),
      ),
    setRole: (person: PersonRef, role: MembershipRole) =>
      run(
        () => setRole({ variables: { input: { membershipId: person.membershipId, role } } }),
        t('feedback.roleChanged', { name: person.name, role: t(`roles.${role}`) }),
      ),
    remove: (person: PersonRef) =>
      run(
        () => remove({ variables: { membershipId: person.membershipId } }),
        t('feedback.removed', { name: person.name }),
      ),
    /** Unlike the others this one rejects on failure, so the invite form can show field errors. */
    invite: async (group: GroupRef, email: string, role: MembershipRole) => {
      await invite({ variables: { input: { groupId: group.id, email, role } } });
      notify.success(t('feedback.invited', { email }));
    },
    busy:
      requestState.loading ||
      respondState.loading ||
      leaveState.loading ||
      decideState.loading ||
      setRoleState.loading ||
      removeState.loading ||
      inviteState.loading,
  };
}

export type MembershipActions = ReturnType<typeof useMembershipActions>;
