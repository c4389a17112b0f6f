import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { ErrorAlert } from '../../../components/alerts';
import { pickText } from '../../../components/course/localized';
import { useLocale } from '../../../components/use-locale';
import { isApiError } from '../../../lib/api';
import { useEnrol } from '../api/enrol';
import { catalogQueryKey, getCatalog } from '../api/get-catalog';
import { outlineQuery } from '../api/get-lesson';
import { coursePath } from '../lesson-path';
import { groupHeld, type HeldGroup } from '../queue/held-groups';
import { learningQueue, useHeldEvents } from '../queue/learning-queue';

/**
 * Work the server refused, held on this phone: one calm message per cause (per course where the fix is
 * per course), with the action that fixes it. "Later" hides a message for this visit only: it comes back
 * while its events are still held (next visit, next sign-in) or when more work is refused for that cause.
 */
export function HeldNotices() {
  const held = useHeldEvents();
  const [hidden, setHidden] = useState<ReadonlyMap<string, ReadonlySet<string>>>(new Map());
  const groups = groupHeld(held).filter((g) => {
    const seen = hidden.get(g.key);
    return !seen || g.items.some((i) => !seen.has(i.event.id));
  });
  if (groups.length === 0) return null;
  return (
    <div className="held-notices" aria-live="polite">
      {groups.map((group) => (
        <HeldNotice
          key={group.key}
          group={group}
          onHide={() => setHidden((all) => new Map(all).set(group.key, new Set(group.items.map((i) => i.event.id))))}
        />
      ))}
    </div>
  );
}

function HeldNotice({ group, onHide }: { group: HeldGroup; onHide: () => void }) {
  const { t } = useTranslation();
  const count = group.items.length;
  const course = useCourseName(group.slug);
  return (
    <div className="alert alert-info held-notice" data-reason={group.reason}>
      <p>{t(`learning.held.${group.reason}.body`, { count, course })}</p>
      {group.remedy === 'join' && group.slug ? <JoinCourse slug={group.slug} onHide={onHide} /> : null}
      {group.remedy === 'unlock' && group.slug ? (
        <div className="button-row">
          <Link className="button button-primary" to={coursePath(group.slug)}>
            {t('learning.held.locked.openCourse')}
          </Link>
          <HideButton onHide={onHide} />
        </div>
      ) : null}
      {group.remedy === 'let_go' ? (
        <div className="button-row">
          <button
            type="button"
            className="button button-secondary"
            onClick={() => void learningQueue().discardHeld(group.items.map((i) => i.event.id))}
          >
            {t('learning.held.letGo')}
          </button>
        </div>
      ) : null}
    </div>
  );
}

/** Join with one tap; a course that needs its code is joined on its page (the code is typed there). */
function JoinCourse({ slug, onHide }: { slug: string; onHide: () => void }) {
  const { t } = useTranslation();
  const enrol = useEnrol(slug);
  const catalog = useQuery({
    queryKey: catalogQueryKey,
    queryFn: ({ signal }) => getCatalog(signal),
    staleTime: 60_000,
  });
  const policy = catalog.data?.items.find((c) => c.slug === slug)?.enrolmentPolicy;
  const needsCode = policy === 'code' || (isApiError(enrol.error) && enrol.error.code === 'wrong_course_code');
  // On the course page the code is typed right there: no link to where the learner already is.
  const onCoursePage = useLocation().pathname === coursePath(slug);
  return (
    <>
      <p>{needsCode ? t('learning.held.not_enrolled.codeHint') : t('learning.held.not_enrolled.joinHint')}</p>
      {enrol.error && !needsCode ? <ErrorAlert error={enrol.error} /> : null}
      <div className="button-row">
        {needsCode && onCoursePage ? null : needsCode ? (
          <Link className="button button-primary" to={coursePath(slug)}>
            {t('learning.held.not_enrolled.openCourse')}
          </Link>
        ) : (
          <button
            type="button"
            className="button button-primary"
            disabled={enrol.isPending || enrol.isSuccess}
            onClick={() => enrol.mutate(undefined)}
          >
            {t('learning.held.not_enrolled.join')}
          </button>
        )}
        <HideButton onHide={onHide} />
      </div>
    </>
  );
}

function HideButton({ onHide }: { onHide: () => void }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="button button-secondary" onClick={onHide}>
      {t('learning.held.hide')}
    </button>
  );
}

/** "‘title’ 과정" from the cached (or fetched) outline; "this course" while it is unknown. */
function useCourseName(slug: string | null): string {
  const { t } = useTranslation();
  const locale = useLocale();
  const course = useQuery({ ...outlineQuery(slug ?? ''), enabled: slug !== null });
  const title = course.data ? pickText(course.data.title, locale).text : '';
  return title ? t('learning.held.courseName', { title }) : t('learning.held.thisCourse');
}
