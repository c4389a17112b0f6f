import { uuidSchema, type Cohort } from '@dari/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { LoadError, StatusMessage } from '@/components/alerts';
import { Loading } from '@/components/loading';
import { Page } from '@/components/page';
import { AnnouncementComposer } from '@/features/inbox';
import { useCohort } from '../api/get-cohort';
import { CohortCharts } from '../components/cohort-charts';
import { CohortOverview } from '../components/cohort-overview';
import { CoursesPanel } from '../components/courses-panel';
import { ImportPanel } from '../components/import-panel';
import { JoinCodesPanel } from '../components/join-codes-panel';
import { MembersPanel } from '../components/members-panel';
import { ProgressGrid } from '../components/progress-grid';
import '../program.css';
import '../../../components/page-wide.css';
import { paths } from '@/config/paths';

export const COHORT_TABS = ['overview', 'courses', 'codes', 'import', 'members', 'progress', 'charts'] as const;
export type CohortTab = (typeof COHORT_TABS)[number];

function readTab(value: string | null): CohortTab {
  return (COHORT_TABS as readonly string[]).includes(value ?? '') ? (value as CohortTab) : 'overview';
}

export function CohortPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const validId = uuidSchema.safeParse(id).success;
  const cohort = useCohort(id, validId);

  if (!validId) {
    return (
      <Page title={t('notFound.title')}>
        <p>{t('notFound.body')}</p>
        <Link to={paths.program.home}>{t('program.backToProgram')}</Link>
      </Page>
    );
  }
  if (cohort.isPending) return <Loading />;
  if (cohort.isError) {
    return (
      <Page title={t('errorPage.loadTitle')}>
        <LoadError error={cohort.error} onRetry={() => void cohort.refetch()} />
        <Link to={paths.program.home}>{t('program.backToProgram')}</Link>
      </Page>
    );
  }
  return <CohortScreen cohort={cohort.data} />;
}

function CohortScreen({ cohort }: { cohort: Cohort }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const location = useLocation();
  const tab = readTab(params.get('tab'));
  const justCreated = (location.state as { created?: boolean } | null)?.created === true;

  return (
    <Page title={cohort.name} className="page-wide">
      <p>
        <Link to={paths.program.home}>{t('program.backToProgram')}</Link>
      </p>
      <StatusMessage>
        {justCreated && tab === 'overview' ? t('program.newCohort.created', { name: cohort.name }) : null}
      </StatusMessage>
      <nav className="tabs" aria-label={t('program.tabs.label')}>
        <ul>
          {COHORT_TABS.map((key) => (
            <li key={key}>
              <Link to={`?tab=${key}`} replace aria-current={key === tab ? 'page' : undefined}>
                {t(`program.tabs.${key}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <section className="tab-panel" aria-labelledby="cohort-tab-title">
        <h2 id="cohort-tab-title">{t(`program.tabs.${tab}`)}</h2>
        {tab === 'overview' ? <CohortOverview cohort={cohort} /> : null}
        {tab === 'overview' ? <AnnouncementComposer target={{ kind: 'cohort', id: cohort.id }} /> : null}
        {tab === 'courses' ? <CoursesPanel cohort={cohort} /> : null}
        {tab === 'codes' ? <JoinCodesPanel cohort={cohort} /> : null}
        {tab === 'import' ? <ImportPanel cohort={cohort} /> : null}
        {tab === 'members' ? <MembersPanel cohort={cohort} /> : null}
        {tab === 'progress' ? <ProgressGrid cohort={cohort} /> : null}
        {tab === 'charts' ? <CohortCharts cohort={cohort} /> : null}
      </section>
    </Page>
  );
}
