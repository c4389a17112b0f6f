import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { LoadError } from '@/components/alerts';
import { pickText } from '@/components/course/localized';
import { Loading } from '@/components/loading';
import { Page } from '@/components/page';
import { useLocale } from '@/components/use-locale';
import { AnnouncementComposer } from '@/features/inbox';
import { useMe } from '@/lib/session';
import { useAuthorCourse } from '../api/get-course';
import { CoInstructors } from '../components/co-instructors';
import { CourseActions } from '../components/course-actions';
import { CourseSettings } from '../components/course-settings';
import { OutlineEditor } from '../components/outline-editor';
import { PublishPanel } from '../components/publish-panel';
import { paths } from '@/config/paths';

export function CourseEditorPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { id = '' } = useParams();
  const { data: me } = useMe();
  const course = useAuthorCourse(id);
  const [loads, setLoads] = useState(0);
  const [stale, setStale] = useState(false);

  if (course.isPending) return <Loading />;
  if (course.isError) {
    return (
      <Page title={t('errorPage.loadTitle')}>
        <LoadError error={course.error} onRetry={() => void course.refetch()} />
        <Link to={paths.teach.home}>{t('authoring.backToCourses')}</Link>
      </Page>
    );
  }
  const data = course.data;
  const reload = async () => {
    await course.refetch();
    setStale(false);
    setLoads((n) => n + 1);
  };
  const canManageTeam = data.canEdit && (me?.role === 'admin' || data.owner?.id === me?.id);

  return (
    <Page title={pickText(data.title, locale).text || t('authoring.untitled')}>
      <p>
        <Link to={paths.teach.home}>{t('authoring.backToCourses')}</Link>
      </p>
      <p>
        <span className={`badge badge-${data.status}`}>{t(`courseStatuses.${data.status}`)}</span>{' '}
        <span className="muted" translate="no">
          {data.slug}
        </span>
      </p>
      {!data.canEdit ? <p className="alert alert-info">{t('authoring.readOnly')}</p> : null}
      {stale ? (
        <div className="alert alert-error" role="alert">
          <p>{t('autosave.stale')}</p>
          <button type="button" className="button" onClick={() => void reload()}>
            {t('autosave.reload')}
          </button>
        </div>
      ) : null}
      <div className="editor-columns">
        <OutlineEditor course={data} onStale={() => setStale(true)} />
        <PublishPanel course={data} />
      </div>
      <CourseSettings key={loads} course={data} onReload={() => void reload()} />
      <CoInstructors course={data} canManage={canManageTeam} />
      <CourseActions course={data} />
      {data.canEdit ? <AnnouncementComposer target={{ kind: 'course', id: data.id }} level={2} /> : null}
    </Page>
  );
}
