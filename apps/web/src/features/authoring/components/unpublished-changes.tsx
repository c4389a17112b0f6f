import type { AuthorCourse, CourseChange } from '@dari/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { pickText } from '@/components/course/localized';
import { useLocale } from '@/components/use-locale';
import { useCourseChanges } from '../api/get-changes';
import { paths } from '@/config/paths';

const SHOWN = 10;

/** Since the latest version: how many lessons and modules changed, and a short list of what. */
export function UnpublishedChanges({ course }: { course: AuthorCourse }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const changes = useCourseChanges(
    course.id,
    course.revision,
    course.latestVersion !== null && course.hasUnpublishedChanges,
  );
  const items = changes.data?.items ?? [];
  if (items.length === 0) return null;
  const lessons = items.filter((c) => c.what === 'lesson').length;
  const modules = items.filter((c) => c.what === 'module').length;
  const counts = [
    lessons ? t('publish.changes.lessons', { count: lessons }) : null,
    modules ? t('publish.changes.modules', { count: modules }) : null,
    items.some((c) => c.what === 'course') ? t('publish.changes.settings') : null,
  ].filter((x): x is string => x !== null);
  const hidden = Math.max(0, items.length - SHOWN);
  const title = (c: CourseChange) => pickText(c.title, locale).text || t('authoring.untitled');

  return (
    <div className="unpublished-changes">
      <p>{t('publish.changes.summary', { version: course.latestVersion, what: counts.join(', ') })}</p>
      <ul>
        {items.slice(0, SHOWN).map((c) => (
          <li key={`${c.what}-${c.id}`}>
            {c.what === 'lesson' && c.change !== 'removed' ? (
              <Link to={paths.teach.lesson(course.id, c.id)}>
                {t(`publish.changes.${c.what}.${c.change}`, { title: title(c) })}
              </Link>
            ) : (
              t(`publish.changes.${c.what}.${c.change}`, { title: title(c) })
            )}
          </li>
        ))}
      </ul>
      {hidden > 0 ? <p className="muted">{t('publish.changes.more', { count: hidden })}</p> : null}
    </div>
  );
}
