import { useTranslation } from 'react-i18next';
import { LoadError } from '../../../components/alerts';
import { pickText } from '../../../components/course/localized';
import { useLocale } from '../../../components/use-locale';
import { useSharedReflections } from '../api/shared-reflections';
import { formatKoreaDate } from '../../../lib/korea-time';

/** For a course's instructors: the reflections learners chose to share (private by default). */
export function SharedReflections({ courseId }: { courseId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const reflections = useSharedReflections(courseId, true);
  return (
    <section aria-labelledby="reflections-title">
      <h2 id="reflections-title">{t('program.courseReport.reflectionsTitle')}</h2>
      <p>{t('program.courseReport.reflectionsIntro')}</p>
      {reflections.isError ? (
        <LoadError error={reflections.error} onRetry={() => void reflections.refetch()} />
      ) : !reflections.data ? null : reflections.data.items.length === 0 ? (
        <p className="muted">{t('program.courseReport.noReflections')}</p>
      ) : (
        <ul className="reflection-list">
          {reflections.data.items.map((r) => {
            const lesson = pickText(r.lessonTitle, locale);
            return (
              <li key={`${r.lessonId}-${r.learner}-${r.updatedAt}`} className="card">
                <p className="muted">
                  <span lang={lesson.lang}>{lesson.text}</span> · {r.learner} · {formatKoreaDate(r.updatedAt, locale)}
                </p>
                <p className="reflection-text">{r.text}</p>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
