import { Button, Checkbox, Group, Modal, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@apollo/client/react';
import { LIMITS } from '@convene/shared-contracts';
import { UpdateWorkingGroupDocument, type JoinPolicy, type MemberListVisibility } from '@convene/web-data-access';
import { applyServerFieldErrors, ErrorAlert, LimitedTextarea, useNotify, useValidators } from '@convene/web-ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

const JOIN_POLICIES: JoinPolicy[] = ['OPEN', 'REQUEST', 'INVITE_ONLY'];
const VISIBILITIES: MemberListVisibility[] = ['MEMBERS', 'CONVENORS'];

interface Values {
  name: string;
  purpose: string;
  joinPolicy: JoinPolicy;
  memberListVisibility: MemberListVisibility;
  contentFreeNotifications: boolean;
}

export interface EditGroupModalProps {
  group: { id: string } & Values;
  opened: boolean;
  onClose: () => void;
}

/** Network admins edit a group's name, purpose, join policy, who sees its member list, and content-free notifications. */
export function EditGroupModal({ group, opened, onClose }: EditGroupModalProps) {
  const { t } = useTranslation('groups');
  const notify = useNotify();
  const validators = useValidators();
  const [update, { loading }] = useMutation(UpdateWorkingGroupDocument);
  const [failure, setFailure] = useState<unknown>(null);
  const form = useForm<Values>({
    mode: 'uncontrolled',
    initialValues: {
      name: group.name,
      purpose: group.purpose,
      joinPolicy: group.joinPolicy,
      memberListVisibility: group.memberListVisibility,
      contentFreeNotifications: group.contentFreeNotifications,
    },
    validate: {
      name: validators.all(validators.required, validators.maxLength(LIMITS.groupNameMax)),
      purpose: validators.all(validators.required, validators.maxLength(LIMITS.groupPurposeMax)),
    },
  });

  const close = () => {
    form.setValues({
      name: group.name,
      purpose: group.purpose,
      joinPolicy: group.joinPolicy,
      memberListVisibility: group.memberListVisibility,
      contentFreeNotifications: group.contentFreeNotifications,
    });
    form.clearErrors();
    setFailure(null);
    onClose();
  };

  const handleSubmit = form.onSubmit(async (values) => {
    setFailure(null);
    try {
      const { data } = await update({
        variables: { input: { id: group.id, ...values, name: values.name.trim(), purpose: values.purpose.trim() } },
      });
      notify.success(t('editModal.saved', { group: data?.updateWorkingGroup.name ?? values.name }));
      onClose();
    } catch (error) {
      const { placed } = applyServerFieldErrors(form, error);
      if (!placed) setFailure(error);
    }
  });

  return (
    <Modal
      opened={opened}
      onClose={close}
      closeButtonProps={{ 'aria-label': t('actions.close') }}
      title={t('editModal.title', { group: group.name })}
      centered
      size="lg"
    >
      <form onSubmit={handleSubmit} noValidate>
        <ErrorAlert error={failure} />
        <Stack gap="md">
          <TextInput
            label={t('editModal.name')}
            required
            maxLength={LIMITS.groupNameMax}
            data-autofocus
            dir="auto"
            key={form.key('name')}
            {...form.getInputProps('name')}
          />
          <LimitedTextarea
            label={t('editModal.purpose')}
            required
            autosize
            minRows={4}
            limit={LIMITS.groupPurposeMax}
            dir="auto"
            key={form.key('purpose')}
            {...form.getInputProps('purpose')}
          />
          <NativeSelect
            label={t('editModal.joinPolicy')}
            data={JOIN_POLICIES.map((policy) => ({ value: policy, label: t(`joinPolicies.${policy}`) }))}
            key={form.key('joinPolicy')}
            {...form.getInputProps('joinPolicy')}
          />
          <NativeSelect
            label={t('editModal.memberListVisibility')}
            data={VISIBILITIES.map((visibility) => ({
              value: visibility,
              label: t(`editModal.visibilities.${visibility}`),
            }))}
            key={form.key('memberListVisibility')}
            {...form.getInputProps('memberListVisibility')}
          />
          <Checkbox
            label={t('editModal.contentFree')}
            description={t('editModal.contentFreeDescription')}
            key={form.key('contentFreeNotifications')}
            {...form.getInputProps('contentFreeNotifications', { type: 'checkbox' })}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('actions.cancel')}
            </Button>
            <Button type="submit" loading={loading}>
              {t('editModal.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
