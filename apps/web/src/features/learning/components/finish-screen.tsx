import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCertificates } from '../api/get-certificates';
import { certificatePath, coursePath } from '../lesson-path';
import { paths } from '@/config/paths';

interface FinishScreenProps {
  courseId: string;
  courseTitle: string;
  slug: string;
}

/** The finish line: a clear moment when the course is complete, with the way to the certificate. */
export function FinishScreen({ courseId, courseTitle, slug }: FinishScreenProps) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const certificates = useCertificates();
  const certificate = certificates.data?.items.find((c) => c.courseId === courseId);

  useEffect(() => {
    document.title = `${t('learning.finish.title', { course: courseTitle })} · ${t('app.name')}`;
    heading.current?.focus();
  }, [t, courseTitle]);

  return (
    <div className="page finish">
      <p className="finish-mark" aria-hidden="true">
        ✓
      </p>
      <h1 ref={heading} tabIndex={-1}>
        {t('learning.finish.title', { course: courseTitle })}
      </h1>
      <p className="lead">{t('learning.finish.body')}</p>
      <div className="button-row">
        <Link
          className="button button-primary"
          to={certificate ? certificatePath(certificate.id) : paths.learn.certificates(courseId)}
        >
          {t('learning.finish.certificate')}
        </Link>
        <Link className="button" to={paths.learn.home}>
          {t('learning.finish.home')}
        </Link>
      </div>
      <p>
        <Link to={coursePath(slug)}>{t('learning.finish.backToCourse')}</Link>
      </p>
    </div>
  );
}
