// Network admins archive a working group or restore it, after saying so in a dialog. Its own chunk:
// only admins ever open it.
import { useMutation } from '@apollo/client/react';
import {
  ArchivedWorkingGroupsDocument,
  ArchiveGroupDocument,
  RestoreGroupDocument,
  WorkingGroupsDocument,
} from '@convene/web-data-access';
import { ConfirmModal, useNotify } from '@convene/web-ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface ArchiveGroupModalProps {
  group: { id: string; name: string; archivedAt: string | null };
  opened: boolean;
  onClose: () => void;
}

/** Archives a live group, or restores an archived one: whichever it is now. */
export default function ArchiveGroupModal({ group, opened, onClose }: ArchiveGroupModalProps) {
  const { t } = useTranslation('groups');
  const notify = useNotify();
  const [failure, setFailure] = useState<unknown>(null);
  const restoring = group.archivedAt !== null;
  // The directory and the admins' list of archived groups both change.
  const refetchQueries = [WorkingGroupsDocument, ArchivedWorkingGroupsDocument];
  const [archive, archiving] = useMutation(ArchiveGroupDocument, { refetchQueries });
  const [restore, restoringNow] = useMutation(RestoreGroupDocument, { refetchQueries });

  const close = () => {
    setFailure(null);
    onClose();
  };
  const confirm = async () => {
    setFailure(null);
    try {
      if (restoring) await restore({ variables: { groupId: group.id } });
      else await archive({ variables: { groupId: group.id } });
      notify.success(t(restoring ? 'archive.restored' : 'archive.archived', { group: group.name }));
      onClose();
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <ConfirmModal
      opened={opened}
      onClose={close}
      title={t(restoring ? 'archive.restoreTitle' : 'archive.archiveTitle', { group: group.name })}
      body={t(restoring ? 'archive.restoreBody' : 'archive.archiveBody')}
      keepLabel={t('actions.cancel')}
      confirmLabel={t(restoring ? 'archive.restoreConfirm' : 'archive.archiveConfirm')}
      confirmColor={restoring ? 'default' : 'red'}
      loading={archiving.loading || restoringNow.loading}
      error={failure}
      onConfirm={() => void confirm()}
    />
  );
}
