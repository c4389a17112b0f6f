import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { LoadError } from '@/components/alerts';
import { CourseView } from '@/components/course/course-view';
import { pickText } from '@/components/course/localized';
import { Loading } from '@/components/loading';
import { Page } from '@/components/page';
import { useLocale } from '@/components/use-locale';
import { usePreview } from '../api/get-preview';
import { paths } from '@/config/paths';

/** The draft (or one published version) exactly as learners get it, drawn by the learners' own components. */
export function CoursePreviewPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { id = '', version: versionParam } = useParams();
  const version = versionParam ? Number.parseInt(versionParam, 10) : null;
  const preview = usePreview(id, version !== null && Number.isFinite(version) ? version : null);

  if (preview.isPending) return <Loading />;
  if (preview.isError) {
    return (
      <Page title={t('errorPage.loadTitle')}>
        <LoadError error={preview.error} onRetry={() => void preview.refetch()} />
        <Link to={paths.teach.course(id)}>{t('preview.backToEditor')}</Link>
      </Page>
    );
  }
  return (
    <Page title={pickText(preview.data.title, locale).text || t('authoring.untitled')}>
      <p className="preview-banner" role="note">
        <strong>{version === null ? t('preview.banner') : t('preview.versionBanner', { version })}</strong>
      </p>
      <p>
        <Link to={paths.teach.course(id)}>{t('preview.backToEditor')}</Link>
      </p>
      <CourseView course={preview.data} />
    </Page>
  );
}
