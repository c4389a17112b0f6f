import { LOCALES, type PublishedCourse } from '@dari/contracts';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../components/use-locale';
import { LANGUAGE_NAMES } from '../../../i18n';
import { HTML_LANG } from '../../../lib/format';
import { lessonLanguages } from '../lesson-language';

/**
 * The languages a course's lessons can be read in, each named in itself ("Lessons in: 한국어 · English ·
 * 中文 (some lessons)"), so a learner who reads Chinese better than Korean knows before starting. Nothing
 * for a course in Korean only.
 */
export function CourseLanguages({ course }: { course: PublishedCourse }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const lessons = course.modules.flatMap((m) => m.lessons);
  if (lessons.length === 0) return null;
  const counts = new Map(LOCALES.map((lang) => [lang, 0]));
  for (const lesson of lessons)
    for (const lang of lessonLanguages(lesson)) counts.set(lang, (counts.get(lang) ?? 0) + 1);
  const offered = LOCALES.filter((lang) => (counts.get(lang) ?? 0) > 0);
  if (offered.length < 2) return null;
  return (
    <p className="muted course-languages">
      {t('learning.course.languages')}
      {locale === 'zh' ? '' : ' '}
      {offered.map((lang, i) => (
        <Fragment key={lang}>
          {i > 0 ? ' · ' : null}
          <span lang={HTML_LANG[lang]}>{LANGUAGE_NAMES[lang]}</span>
          {(counts.get(lang) ?? 0) < lessons.length
            ? `${locale === 'zh' ? '' : ' '}${t('learning.course.languagePartly')}`
            : null}
        </Fragment>
      ))}
    </p>
  );
}
