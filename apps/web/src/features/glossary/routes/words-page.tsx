import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@/components/error-message';
import { QueryState } from '@/components/query-state';
import { Page } from '@/components/page';
import { useLocale } from '@/components/use-locale';
import { formatDate } from '@/lib/format';
import { useMyWords, useToggleWord } from '../api/word-list';
import { useMyWordRequests } from '../api/word-requests';
import { Flashcards } from '../components/flashcards';
import { GlossaryNav } from '../components/glossary-nav';
import { TermDetails } from '../components/term-details';
import { TermCard } from '../components/term-card';

function MyRequests() {
  const { t } = useTranslation();
  const locale = useLocale();
  const requests = useMyWordRequests();
  return (
    <section aria-labelledby="my-requests-title" className="after-form">
      <h2 id="my-requests-title">{t('glossary.words.requestsTitle')}</h2>
      <QueryState
        query={requests}
        isEmpty={(data) => data.items.length === 0}
        empty={<p className="muted">{t('glossary.words.requestsEmpty')}</p>}
      >
        {(data) => (
          <ul className="request-list">
            {data.items.map((r) => (
              <li key={r.id} className="card request-card">
                <h3>{r.text}</h3>
                <p className="muted">
                  <span className={`badge badge-request-${r.status}`}>{t(`glossary.requestStatus.${r.status}`)}</span>{' '}
                  {t('glossary.words.askedOn', { date: formatDate(r.createdAt, locale) })}
                </p>
                {r.term ? (
                  <div className="request-answer">
                    <p className="term-line">
                      <strong lang="ko">{r.term.term}</strong>
                    </p>
                    <TermDetails term={r.term} />
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </section>
  );
}

/** My word list (with a remove button per word and flashcard review), then the words I asked about. */
export function WordsPage() {
  const { t } = useTranslation();
  const words = useMyWords();
  const toggle = useToggleWord();
  const [cards, setCards] = useState(false);

  return (
    <Page title={t('glossary.words.title')}>
      <GlossaryNav />
      <p>{t('glossary.words.intro')}</p>
      <section aria-labelledby="my-words-title">
        <h2 id="my-words-title">{t('glossary.words.listTitle')}</h2>
        <QueryState
          query={words}
          isEmpty={(data) => data.items.length === 0}
          empty={<p className="card empty-state">{t('glossary.words.empty')}</p>}
        >
          {(data) => (
            <>
              <p className="muted">{t('glossary.words.count', { count: data.items.length })}</p>
              {cards ? (
                <Flashcards terms={data.items} onEnd={() => setCards(false)} />
              ) : (
                <p>
                  <button type="button" className="button button-primary" onClick={() => setCards(true)}>
                    {t('glossary.words.cardsStart')}
                  </button>
                </p>
              )}
              {toggle.isError ? (
                <p className="alert alert-error" role="alert">
                  {errorMessage(t, toggle.error)}
                </p>
              ) : null}
              <ul className="term-list">
                {data.items.map((term) => (
                  <li key={term.id}>
                    <TermCard term={term} headingLevel={3} />
                    <button
                      type="button"
                      className="button button-secondary"
                      aria-label={t('glossary.words.removeLabel', { term: term.term })}
                      disabled={toggle.isPending}
                      onClick={() => toggle.mutate({ term, save: false })}
                    >
                      {t('glossary.words.remove')}
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </QueryState>
      </section>
      <MyRequests />
    </Page>
  );
}
