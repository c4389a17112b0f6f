import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '@/components/alerts';
import { Page } from '@/components/page';
import { useCreateCohort } from '../api/create-cohort';
import { CohortForm } from '../components/cohort-form';
import '../program.css';
import { paths } from '@/config/paths';

export function NewCohortPage() {
  const { t } = useTranslation();
  const create = useCreateCohort();
  const navigate = useNavigate();

  return (
    <Page title={t('program.newCohort.title')}>
      <p>
        <Link to={paths.program.home}>{t('program.backToProgram')}</Link>
      </p>
      <p>{t('program.newCohort.intro')}</p>
      <div className="card">
        <ErrorAlert error={create.error} />
        <CohortForm
          defaults={{ name: '', description: '', startsOn: '', endsOn: '' }}
          submitLabel={t('program.newCohort.submit')}
          onSubmit={async (values) => {
            const cohort = await create.mutateAsync(values);
            await navigate(paths.program.cohort(cohort.id), { state: { created: true } });
          }}
        />
      </div>
    </Page>
  );
}
