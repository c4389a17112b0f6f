import type { CredentialState } from '@dari/contracts';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router';
import { pickText } from '@/components/course/localized';
import { QueryState } from '@/components/query-state';
import { Page } from '@/components/page';
import { useLocale } from '@/components/use-locale';
import { formatDate } from '@/lib/format';
import { useCertificates } from '../api/get-certificates';
import { certificatePath } from '../lesson-path';
import { paths } from '@/config/paths';

const CREDENTIAL_STATE_KEY: Record<CredentialState['state'], string> = {
  none: 'credentials.list.state.none',
  issued: 'credentials.list.state.issued',
  withdrawn: 'credentials.list.state.withdrawn',
  revoked: 'credentials.list.state.revoked',
};

/** The learner's certificates, each with where its digital credential stands; `?course=<id>` opens that course's certificate. */
export function CertificatesPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [params] = useSearchParams();
  const certificates = useCertificates();
  const wanted = params.get('course');
  const match = wanted ? certificates.data?.items.find((c) => c.courseId === wanted) : undefined;

  if (match) return <Navigate replace to={certificatePath(match.id)} />;
  return (
    <Page title={t('learning.certificates.title')}>
      <p>
        <Link to={paths.learn.home}>{t('learning.backToMine')}</Link>
      </p>
      <QueryState
        query={certificates}
        isEmpty={(data) => data.items.length === 0}
        empty={<p className="muted">{t('learning.certificates.empty')}</p>}
      >
        {(data) => (
          <ul className="course-cards">
            {data.items.map((c) => {
              const title = pickText(c.courseTitle, locale);
              return (
                <li key={c.id} className="card">
                  <h2 lang={title.lang}>
                    <Link to={certificatePath(c.id)}>{title.text}</Link>
                  </h2>
                  <p className="muted">
                    {t('learning.certificate.issued', { date: formatDate(c.issuedAt, locale) })}
                    {c.valid ? '' : ` · ${t('learning.certificate.revoked')}`}
                  </p>
                  <p>{t('credentials.list.line', { state: t(CREDENTIAL_STATE_KEY[c.credential.state]) })}</p>
                </li>
              );
            })}
          </ul>
        )}
      </QueryState>
    </Page>
  );
}
