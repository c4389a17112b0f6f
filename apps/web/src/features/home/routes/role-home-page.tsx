import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/loading';
import { Page } from '../../../components/page';
import { useMe } from '../../../lib/session';

export type RoleHomeKind = 'learn' | 'teach' | 'program';

/** The first page for learners, instructors and managers. Real courses and cohorts arrive in later work. */
export function RoleHomePage({ kind }: { kind: RoleHomeKind }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  if (!me) return <Loading />;
  return (
    <Page title={t(`home.${kind}.title`, { name: me.displayName })}>
      <p className="lead">{t(`home.${kind}.welcome`)}</p>
      <section className="card empty-state" aria-labelledby="empty-state-title">
        <h2 id="empty-state-title">{t(`home.${kind}.emptyTitle`)}</h2>
        <p>{t(`home.${kind}.emptyBody`)}</p>
      </section>
    </Page>
  );
}
