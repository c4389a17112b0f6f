import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { pickText } from '@/components/course/localized';
import { QueryState } from '@/components/query-state';
import { Page } from '@/components/page';
import { useLocale } from '@/components/use-locale';
import { formatDateTime } from '@/lib/format';
import { useJournal } from '../api/get-journal';
import { paths } from '@/config/paths';

/** The learner's journal: their reflections, private unless they shared one with their instructor. */
export function JournalPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const journal = useJournal();

  return (
    <Page title={t('learning.journal.title')}>
      <p>
        <Link to={paths.learn.home}>{t('learning.backToMine')}</Link>
      </p>
      <p className="lead">{t('learning.journal.intro')}</p>
      <QueryState
        query={journal}
        isEmpty={(data) => data.items.length === 0}
        empty={<p className="muted">{t('learning.journal.empty')}</p>}
      >
        {(data) => (
          <ul className="course-cards">
            {data.items.map((entry) => {
              const course = pickText(entry.courseTitle, locale);
              const lesson = pickText(entry.lessonTitle, locale);
              return (
                <li key={entry.lessonId} className="card journal-entry">
                  <h2 lang={lesson.lang}>{lesson.text}</h2>
                  <p className="muted" lang={course.lang}>
                    {course.text} · {formatDateTime(entry.updatedAt, locale)}
                  </p>
                  <p className="journal-text">{entry.text}</p>
                  <p className="muted">
                    {entry.shared ? (
                      <>
                        <span aria-hidden="true">👁 </span>
                        {t('learning.journal.shared')}
                      </>
                    ) : (
                      <>
                        <span aria-hidden="true">🔒 </span>
                        {t('learning.journal.private')}
                      </>
                    )}
                  </p>
                </li>
              );
            })}
          </ul>
        )}
      </QueryState>
    </Page>
  );
}
