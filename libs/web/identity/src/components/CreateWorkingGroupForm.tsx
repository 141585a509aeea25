import { Anchor, Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@apollo/client/react';
import { GROUP_SLUG_PATTERN, LIMITS } from '@convene/shared-contracts';
import { CreateWorkingGroupDocument, type JoinPolicy, type MemberListVisibility } from '@convene/web-data-access';
import { applyServerFieldErrors, ErrorAlert, LimitedTextarea, paths, useNotify, useValidators } from '@convene/web-ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { slugify } from '../utils/slug.util';

const JOIN_POLICIES: JoinPolicy[] = ['OPEN', 'REQUEST', 'INVITE_ONLY'];
const VISIBILITIES: MemberListVisibility[] = ['MEMBERS', 'CONVENORS'];

interface Values {
  name: string;
  slug: string;
  purpose: string;
  joinPolicy: JoinPolicy;
  memberListVisibility: MemberListVisibility;
}

export function CreateWorkingGroupForm() {
  const { t, i18n } = useTranslation('account');
  const notify = useNotify();
  const validators = useValidators();
  const [create, { loading }] = useMutation(CreateWorkingGroupDocument);
  const [failure, setFailure] = useState<unknown>(null);
  const [slugEdited, setSlugEdited] = useState(false);
  const [created, setCreated] = useState<{ slug: string; name: string } | null>(null);

  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { name: '', slug: '', purpose: '', joinPolicy: 'REQUEST', memberListVisibility: 'MEMBERS' },
    validate: {
      name: validators.all(validators.required, validators.maxLength(LIMITS.groupNameMax)),
      slug: validators.all(
        validators.required,
        validators.minLength(LIMITS.groupSlugMin),
        validators.maxLength(LIMITS.groupSlugMax),
        (value) => (GROUP_SLUG_PATTERN.test(value) ? null : i18n.getFixedT(null, 'account')('admin.slugInvalid')),
      ),
      purpose: validators.all(validators.required, validators.maxLength(LIMITS.groupPurposeMax)),
    },
  });

  const nameProps = form.getInputProps('name');
  const slugProps = form.getInputProps('slug');

  const handleSubmit = form.onSubmit(async (values) => {
    setFailure(null);
    setCreated(null);
    try {
      const { data } = await create({
        variables: {
          input: {
            name: values.name.trim(),
            slug: values.slug,
            purpose: values.purpose.trim(),
            joinPolicy: values.joinPolicy,
            memberListVisibility: values.memberListVisibility,
          },
        },
        refetchQueries: ['WorkingGroups'],
      });
      if (!data) return;
      const group = data.createWorkingGroup;
      form.reset();
      setSlugEdited(false);
      setCreated({ slug: group.slug, name: group.name });
      notify.success(t('admin.groupCreated', { name: group.name }));
    } catch (error) {
      const { apiError, placed } = applyServerFieldErrors(form, error);
      if (apiError.reason === 'SLUG_TAKEN' && !placed) form.setFieldError('slug', apiError.message);
      else if (!placed) setFailure(error);
    }
  });

  return (
    <form onSubmit={handleSubmit} noValidate>
      <ErrorAlert error={failure} />
      <Stack gap="md">
        <TextInput
          label={t('admin.name')}
          required
          maxLength={LIMITS.groupNameMax}
          {...nameProps}
          onChange={(event) => {
            nameProps.onChange(event);
            if (!slugEdited) form.setFieldValue('slug', slugify(event.currentTarget.value));
          }}
        />
        <TextInput
          label={t('admin.slug')}
          description={t('admin.slugHint', { slug: form.values.slug || '…' })}
          required
          dir="ltr"
          maxLength={LIMITS.groupSlugMax}
          autoCapitalize="none"
          spellCheck={false}
          {...slugProps}
          onChange={(event) => {
            setSlugEdited(true);
            slugProps.onChange(event);
          }}
        />
        <LimitedTextarea
          label={t('admin.purpose')}
          description={t('admin.purposeHint')}
          required
          autosize
          minRows={3}
          maxRows={10}
          limit={LIMITS.groupPurposeMax}
          {...form.getInputProps('purpose')}
        />
        <NativeSelect
          label={t('admin.joinPolicy')}
          data={JOIN_POLICIES.map((policy) => ({ value: policy, label: t(`admin.joinPolicies.${policy}`) }))}
          {...form.getInputProps('joinPolicy')}
        />
        <NativeSelect
          label={t('admin.memberListVisibility')}
          data={VISIBILITIES.map((visibility) => ({
            value: visibility,
            label: t(`admin.memberListVisibilities.${visibility}`),
          }))}
          {...form.getInputProps('memberListVisibility')}
        />
        <Group>
          <Button type="submit" loading={loading}>
            {t('admin.createGroup')}
          </Button>
        </Group>
        <Text size="sm" role="status" aria-live="polite">
          {created && (
            <>
              {t('admin.groupCreated', { name: created.name })}{' '}
              <Anchor component={Link} to={paths.group(created.slug)}>
                {t('admin.openGroup', { name: created.name })}
              </Anchor>
            </>
          )}
        </Text>
      </Stack>
    </form>
  );
}
