import type { Cohort } from '@dari/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, StatusMessage } from '../../../components/alerts';
import { useLocale } from '../../../components/use-locale';
import { formatKoreaDateTime } from '../../../lib/korea-time';
import { useUpdateCohort } from '../api/update-cohort';
import { formatDay } from '../format';
import { CohortForm } from './cohort-form';
import { DueCountsCard, SessionsPanel } from './due-panel';

export function CohortOverview({ cohort }: { cohort: Cohort }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const update = useUpdateCohort(cohort.id);
  const [saved, setSaved] = useState(false);

  return (
    <>
      <dl className="facts card">
        <div>
          <dt>{t('program.cohortForm.description')}</dt>
          <dd>{cohort.description || t('program.cohort.noDescription')}</dd>
        </div>
        <div>
          <dt>{t('program.cohort.period')}</dt>
          <dd>
            {cohort.startsOn || cohort.endsOn
              ? t('program.cohort.dates', {
                  from: cohort.startsOn ? formatDay(cohort.startsOn, locale) : '…',
                  to: cohort.endsOn ? formatDay(cohort.endsOn, locale) : '…',
                })
              : t('program.cohort.noDates')}
          </dd>
        </div>
        <div>
          <dt>{t('program.cohort.people')}</dt>
          <dd>
            {t('program.cohort.peopleLine', {
              learners: cohort.counts.learners,
              instructors: cohort.counts.instructors,
              managers: cohort.counts.managers,
            })}
          </dd>
        </div>
        <div>
          <dt>{t('program.tabs.courses')}</dt>
          <dd>{t('program.cohort.courseCount', { count: cohort.courses.length })}</dd>
        </div>
        <div>
          <dt>{t('program.cohort.createdAt')}</dt>
          <dd>{formatKoreaDateTime(cohort.createdAt, locale)}</dd>
        </div>
      </dl>

      <DueCountsCard cohort={cohort} />
      <SessionsPanel cohort={cohort} />

      <section className="card" aria-labelledby="cohort-edit-title">
        <h3 id="cohort-edit-title">{t('program.cohort.editTitle')}</h3>
        <StatusMessage>{saved ? t('program.cohort.saved') : null}</StatusMessage>
        <ErrorAlert error={update.error} />
        <CohortForm
          key={`${cohort.name}|${cohort.description}|${cohort.startsOn}|${cohort.endsOn}`}
          defaults={{
            name: cohort.name,
            description: cohort.description,
            startsOn: cohort.startsOn ?? '',
            endsOn: cohort.endsOn ?? '',
          }}
          submitLabel={t('common.save')}
          onSubmit={async (values) => {
            setSaved(false);
            await update.mutateAsync(values);
            setSaved(true);
          }}
        />
      </section>
    </>
  );
}
