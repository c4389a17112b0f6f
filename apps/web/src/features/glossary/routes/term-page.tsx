import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorAlert, LoadError } from '@/components/alerts';
import { ConfirmAction } from '@/components/confirm-action';
import { Loading } from '@/components/loading';
import { Page } from '@/components/page';
import { useLocale } from '@/components/use-locale';
import { formatDate } from '@/lib/format';
import { useMe } from '@/lib/session';
import { useGlossaryTerm } from '../api/get-term';
import { useDeleteTerm } from '../api/save-term';
import { GlossaryNav } from '../components/glossary-nav';
import { SaveWordButton } from '../components/save-word-button';
import { TermDetails } from '../components/term-details';
import { paths } from '@/config/paths';

/** One term, whole: what the popover shows, plus tags, related terms and (for staff) edit and delete. */
export function TermPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { id = '' } = useParams();
  const term = useGlossaryTerm(id);
  const role = useMe().data?.role;
  const remove = useDeleteTerm(id);
  const navigate = useNavigate();

  if (term.isPending) return <Loading />;
  if (term.isError) {
    return (
      <Page title={t('errorPage.loadTitle')}>
        <LoadError error={term.error} onRetry={() => void term.refetch()} />
        <Link to={paths.glossary.home}>{t('glossary.detail.back')}</Link>
      </Page>
    );
  }
  const entry = term.data;
  return (
    <Page title={entry.term}>
      <GlossaryNav />
      <section className="card term-detail" aria-label={entry.term}>
        <TermDetails term={entry} />
        <ul className="term-tags" aria-label={t('glossary.term.tags')}>
          {entry.tags.map((tag) => (
            <li key={tag}>
              <Link className="badge" to={paths.glossary.search({ tag })}>
                {t(`glossary.tags.${tag}`)}
              </Link>
            </li>
          ))}
        </ul>
        {entry.related.length > 0 ? (
          <p className="term-line">
            <span className="term-label">{t('glossary.term.related')}</span>{' '}
            {entry.related.map((name, i) => (
              <span key={name}>
                {i > 0 ? ', ' : null}
                <Link to={paths.glossary.search({ q: name })} lang="ko">
                  {name}
                </Link>
              </span>
            ))}
          </p>
        ) : null}
        <p className="muted">{t('glossary.term.updatedAt', { date: formatDate(entry.updatedAt, locale) })}</p>
        <div className="button-row">
          <SaveWordButton term={entry} />
          {role && role !== 'learner' ? (
            <Link className="button" to={paths.glossary.editTerm(entry.id)}>
              {t('glossary.detail.edit')}
            </Link>
          ) : null}
        </div>
        {role === 'manager' || role === 'admin' ? (
          <div className="after-form">
            <ConfirmAction
              label={t('glossary.detail.delete')}
              question={t('glossary.detail.deleteConfirm', { term: entry.term })}
              confirmLabel={t('glossary.detail.delete')}
              danger
              pending={remove.isPending}
              onConfirm={() =>
                remove.mutate(undefined, {
                  onSuccess: () => void navigate(paths.glossary.home, { state: { deleted: true } }),
                })
              }
            />
            <ErrorAlert error={remove.error} />
          </div>
        ) : null}
      </section>
      <p>
        <Link to={paths.glossary.home}>{t('glossary.detail.back')}</Link>
      </p>
    </Page>
  );
}
