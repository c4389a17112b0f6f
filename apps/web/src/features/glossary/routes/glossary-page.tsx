import { GLOSSARY_TAGS, glossaryTagSchema } from '@dari/contracts';
import { useId, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { LoadError } from '../../../components/alerts';
import { Loading } from '../../../components/loading';
import { Page } from '../../../components/page';
import { useMe } from '../../../lib/session';
import { useGlossarySearch, type GlossaryFilter } from '../api/search-terms';
import { AskWordForm } from '../components/ask-word';
import { GlossaryNav } from '../components/glossary-nav';
import { TermCard } from '../components/term-card';

const PAGE_SIZE = 20;

function readFilter(params: URLSearchParams): GlossaryFilter {
  const tag = glossaryTagSchema.safeParse(params.get('tag'));
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  const q = (params.get('q') ?? '').trim().slice(0, 60);
  return {
    q: q || undefined,
    tag: tag.success ? tag.data : undefined,
    page: Number.isFinite(page) && page >= 1 ? page : 1,
    pageSize: PAGE_SIZE,
  };
}

/** Browse and search the glossary: one box for any of the four forms, or initial consonants; a tag filter. */
export function GlossaryPage() {
  const { t } = useTranslation();
  const id = useId();
  const [params, setParams] = useSearchParams();
  const filter = readFilter(params);
  const terms = useGlossarySearch(filter);
  const isLearner = useMe().data?.role === 'learner';
  const pages = terms.data ? Math.max(1, Math.ceil(terms.data.total / terms.data.pageSize)) : 1;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const [key, value] of new FormData(event.currentTarget)) {
      if (typeof value === 'string' && value.trim()) next.set(key, value.trim());
    }
    setParams(next);
  };

  const goTo = (page: number) => {
    const next = new URLSearchParams(params);
    next.set('page', String(page));
    setParams(next);
  };

  return (
    <Page title={t('glossary.search.title')}>
      <GlossaryNav />
      <p>{t('glossary.search.intro')}</p>
      <form
        key={params.toString()}
        onSubmit={onSubmit}
        role="search"
        className="glossary-search"
        aria-label={t('glossary.search.formLabel')}
      >
        <div className="field">
          <label htmlFor={`${id}-q`}>{t('glossary.search.label')}</label>
          <input
            id={`${id}-q`}
            name="q"
            type="search"
            defaultValue={filter.q ?? ''}
            maxLength={60}
            aria-describedby={`${id}-hint`}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-tag`}>{t('glossary.search.tag')}</label>
          <select id={`${id}-tag`} name="tag" defaultValue={filter.tag ?? ''}>
            <option value="">{t('glossary.search.allTags')}</option>
            {GLOSSARY_TAGS.map((tag) => (
              <option key={tag} value={tag}>
                {t(`glossary.tags.${tag}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button-primary">
          {t('glossary.search.submit')}
        </button>
        <p id={`${id}-hint`} className="field-hint">
          {t('glossary.search.hint')}
        </p>
      </form>
      {terms.isPending ? <Loading /> : null}
      {terms.isError ? <LoadError error={terms.error} onRetry={() => void terms.refetch()} /> : null}
      {terms.data ? (
        <>
          <p role="status" className="muted">
            {t('glossary.search.count', { count: terms.data.total })}
          </p>
          {terms.data.items.length > 0 ? (
            <ul className="term-list">
              {terms.data.items.map((term) => (
                <li key={term.id}>
                  <TermCard term={term} />
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('glossary.search.empty')}</p>
          )}
          {pages > 1 ? (
            <nav className="pager" aria-label={t('glossary.search.pagesLabel')}>
              <button
                type="button"
                className="button button-secondary"
                disabled={filter.page <= 1}
                onClick={() => goTo(filter.page - 1)}
              >
                {t('common.previous')}
              </button>
              <span>{t('glossary.search.pageOf', { page: filter.page, pages })}</span>
              <button
                type="button"
                className="button button-secondary"
                disabled={filter.page >= pages}
                onClick={() => goTo(filter.page + 1)}
              >
                {t('common.next')}
              </button>
            </nav>
          ) : null}
        </>
      ) : null}
      {isLearner ? <AskWordForm /> : null}
    </Page>
  );
}
