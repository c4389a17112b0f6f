import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/alerts';
import { Page } from '../../../components/page';
import { ROLE_HOME } from '../../../lib/roles';
import { useJoinWithCode } from '../api/join-existing';

/**
 * A learner who already has an account and got a code for one more cohort: one press joins it with
 * this account (no second account, no form). `code` is already in its normal ABCDE-FGHJK form.
 */
export function LearnerJoin({ code, name, codeEntry }: { code: string; name: string; codeEntry: React.ReactNode }) {
  const { t } = useTranslation();
  const join = useJoinWithCode();

  if (join.isSuccess) {
    return (
      <Page title={t('join.existing.doneTitle', { name: join.data.cohortName })} className="page-narrow">
        <p role="status">{t('join.existing.doneBody')}</p>
        <p>
          <Link className="button button-primary" to={ROLE_HOME.learner}>
            {t('join.existing.toLearning')}
          </Link>
        </p>
      </Page>
    );
  }
  return (
    <Page title={t('join.existing.title')} className="page-narrow">
      <p>{t('join.existing.intro', { name })}</p>
      <p>
        {t('join.code')}: <strong className="code-value">{code}</strong>
      </p>
      <ErrorAlert error={join.error} />
      <p>
        <button
          type="button"
          className="button button-primary"
          disabled={join.isPending}
          onClick={() => join.mutate(code)}
        >
          {join.isPending ? t('join.submitting') : t('join.existing.submit')}
        </button>
      </p>
      {join.isError ? (
        <>
          <h2>{t('join.tryAnother')}</h2>
          {codeEntry}
        </>
      ) : null}
    </Page>
  );
}
