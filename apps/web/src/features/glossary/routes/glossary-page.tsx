import { GLOSSARY_TAGS, glossaryTagSchema } from '@dari/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '@/components/page';
import { Pager, pageCount } from '@/components/pager';
import { QueryState } from '@/components/query-state';
import { useMe } from '@/lib/session';
import { readPage, readText, useUrlFilters } from '@/lib/use-url-filters';
import { useGlossarySearch, type GlossaryFilter } from '../api/search-terms';
import { AskWordForm } from '../components/ask-word';
import { GlossaryNav } from '../components/glossary-nav';
import { TermCard } from '../components/term-card';

const PAGE_SIZE = 20;

function readFilter(params: URLSearchParams): GlossaryFilter {
  const tag = glossaryTagSchema.safeParse(params.get('tag'));
  return {
    q: readText(params, 'q', 60),
    tag: tag.success ? tag.data : undefined,
    page: readPage(params),
    pageSize: PAGE_SIZE,
  };
}

/** Browse and search the glossary: one box for any of the four forms, or initial consonants; a tag filter. */
export function GlossaryPage() {
  const { t } = useTranslation();
  const id = useId();
  const { filter, formKey, onSearch, goToPage } = useUrlFilters(readFilter);
  const terms = useGlossarySearch(filter);
  const isLearner = useMe().data?.role === 'learner';
  const pages = pageCount(terms.data);

  return (
    <Page title={t('glossary.search.title')}>
      <GlossaryNav />
      <p>{t('glossary.search.intro')}</p>
      <form
        key={formKey}
        onSubmit={onSearch}
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
      <QueryState query={terms}>
        {(data) => (
          <>
            <p role="status" className="muted">
              {t('glossary.search.count', { count: data.total })}
            </p>
            {data.items.length > 0 ? (
              <ul className="term-list">
                {data.items.map((term) => (
                  <li key={term.id}>
                    <TermCard term={term} />
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t('glossary.search.empty')}</p>
            )}
            <Pager
              label={t('glossary.search.pagesLabel')}
              page={filter.page}
              pages={pages}
              status={t('glossary.search.pageOf', { page: filter.page, pages })}
              onPage={goToPage}
            />
          </>
        )}
      </QueryState>
      {/* After the results have come (or failed): drawn while they load, it would be pushed down by them. */}
      {isLearner && !terms.isPending ? <AskWordForm /> : null}
    </Page>
  );
}
