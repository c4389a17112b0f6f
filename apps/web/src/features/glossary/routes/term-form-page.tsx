import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { LoadError } from '@/components/alerts';
import { Loading } from '@/components/loading';
import { Page } from '@/components/page';
import { useGlossaryTerm } from '../api/get-term';
import { useSaveTerm } from '../api/save-term';
import { GlossaryNav } from '../components/glossary-nav';
import { TermForm } from '../components/term-form';
import { paths } from '@/config/paths';

/** /glossary/new: a term for the glossary; it opens once saved. */
export function NewTermPage() {
  const { t } = useTranslation();
  const save = useSaveTerm();
  const navigate = useNavigate();
  return (
    <Page title={t('glossary.form.newTitle')}>
      <GlossaryNav />
      <TermForm
        submitLabel={t('glossary.form.submitNew')}
        pending={save.isPending}
        error={save.error}
        onSave={async (entry) => {
          const term = await save.mutateAsync(entry);
          void navigate(paths.glossary.term(term.id));
        }}
      />
    </Page>
  );
}

/** /glossary/:id/edit */
export function EditTermPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const term = useGlossaryTerm(id);
  const save = useSaveTerm(id);
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
  return (
    <Page title={t('glossary.form.editTitle', { term: term.data.term })}>
      <GlossaryNav />
      <p>
        <Link to={paths.glossary.term(id)}>{t('glossary.detail.back')}</Link>
      </p>
      <TermForm
        initial={term.data}
        submitLabel={t('glossary.form.submitEdit')}
        pending={save.isPending}
        error={save.error}
        onSave={async (entry) => {
          await save.mutateAsync(entry);
          void navigate(paths.glossary.term(id));
        }}
      />
    </Page>
  );
}
