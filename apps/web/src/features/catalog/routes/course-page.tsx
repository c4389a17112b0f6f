import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { LoadError } from '../../../components/alerts';
import { CourseView } from '../../../components/course/course-view';
import { pickText } from '../../../components/course/localized';
import { Loading } from '../../../components/loading';
import { Page } from '../../../components/page';
import { useLocale } from '../../../components/use-locale';
import { usePublishedCourse } from '../api/get-course';

export function CoursePage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { slug = '' } = useParams();
  const course = usePublishedCourse(slug);

  if (course.isPending) return <Loading />;
  if (course.isError) {
    return (
      <Page title={t('errorPage.loadTitle')}>
        <LoadError error={course.error} onRetry={() => void course.refetch()} />
        <Link to="/learn">{t('catalog.backToList')}</Link>
      </Page>
    );
  }
  return (
    <Page title={pickText(course.data.title, locale).text}>
      <p>
        <Link to="/learn">{t('catalog.backToList')}</Link>
      </p>
      <CourseView course={course.data} />
    </Page>
  );
}
