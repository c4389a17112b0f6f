import { renameMemberSchema } from '@dari/contracts';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ErrorAlert } from '../../../components/alerts';
import { TextField } from '../../../components/fields';
import { isApiError } from '../../../lib/api';
import { applyServerFieldErrors, schemaResolver } from '../../../lib/form';
import { useRenameMember, type CohortMember } from '../api/members';

type RenameForm = z.input<typeof renameMemberSchema>;

/**
 * A small form in a learner's row that corrects their display name (a typo, or a name a misread CSV
 * broke). Checked with the contract's display-name rule before it is sent; the API audits the change.
 */
export function RenameMember({
  cohortId,
  member,
  onDone,
  onCancel,
}: {
  cohortId: string;
  member: CohortMember;
  onDone: (from: string, to: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const rename = useRenameMember(cohortId);
  const form = useForm<RenameForm, unknown, z.output<typeof renameMemberSchema>>({
    resolver: schemaResolver(renameMemberSchema),
    defaultValues: { displayName: member.displayName },
  });
  const { setFocus } = form;
  useEffect(() => setFocus('displayName', { shouldSelect: true }), [setFocus]);

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const saved = await rename.mutateAsync({ userId: member.userId, displayName: values.displayName });
      onDone(member.displayName, saved.displayName);
    } catch (error) {
      if (isApiError(error)) applyServerFieldErrors(error, form.setError, ['displayName']);
    }
  });
  const fieldError =
    isApiError(rename.error) && rename.error.fields.some((f) => f.path.replace(/^body\./, '') === 'displayName');

  return (
    <form className="form rename-member" noValidate onSubmit={(e) => void onSubmit(e)}>
      {fieldError ? null : <ErrorAlert error={rename.error} />}
      <TextField
        label={t('program.members.renameLabel', { name: member.displayName })}
        hint={t('program.members.renameHint')}
        autoComplete="off"
        maxLength={50}
        error={form.formState.errors.displayName}
        {...form.register('displayName')}
      />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={form.formState.isSubmitting}>
          {t('program.members.renameSave')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('program.members.renameCancel')}
        </button>
      </div>
    </form>
  );
}
