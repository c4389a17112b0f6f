import type { CourseProgress, Enrolment } from '@dari/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../lib/session';
import { publishedCourseQuery } from '../api/get-course';
import { myLearningQueryKey } from '../api/get-my-learning';
import { certificatesQueryKey } from '../api/get-certificates';
import { journalQueryKey } from '../api/get-journal';
import { progressQueryKey } from '../api/get-progress';
import { forgetOnSignOut } from '../offline/personal-cache';
import type { Answer, EventResult } from '../queue/event-queue';
import { applyPending } from '../queue/optimistic';
import { learningQueue } from '../queue/learning-queue';
import { SyncStatus } from './sync-status';

/** The server's word on quizzes and on the enrolment, over the optimistic outline. */
function settle(progress: CourseProgress, answer: Answer): CourseProgress {
  const enrolment = progress.enrolment ? (answer.enrolments.find((e) => e.id === progress.enrolment?.id) ?? progress.enrolment) : null;
  const lessons = progress.lessons.map((l) => {
    const graded = answer.sent
      .filter((i) => i.event.lessonId === l.lessonId && i.event.type === 'quiz_submitted')
      .map((i) => answer.results.find((r) => r.id === i.event.id)?.quiz)
      .filter((q) => q !== undefined);
    if (graded.length === 0) return l;
    const passed = graded.some((q) => q.passed) || l.passed === true;
    return {
      ...l,
      attempts: l.attempts + graded.length,
      bestScore: Math.max(l.bestScore ?? 0, ...graded.map((q) => q.score)),
      passed,
      status: passed ? ('completed' as const) : l.status,
    };
  });
  return { ...progress, enrolment, lessons };
}

/**
 * Sends the events waiting on the phone (now, when the connection comes back, every 30 s), brings the
 * server's answers into the pages, and says what is waiting to sync. Loaded just after the first page.
 */
export default function SyncRunner() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { data: me } = useMe();
  const [refused, setRefused] = useState<EventResult[]>([]);
  const userId = me?.id ?? null;

  useEffect(() => {
    forgetOnSignOut(client);
  }, [client]);

  useEffect(() => {
    const queue = learningQueue();
    queue.setUser(userId);
    if (!userId) return undefined;
    const stop = queue.start();
    const off = queue.onAnswer((answer) => {
      // Time and position change nothing on the outline: refetch it only for events that do.
      const changed = new Set(answer.sent.filter((i) => i.event.type !== 'time_spent' && i.event.type !== 'position').map((i) => i.slug));
      client.setQueryData<{ items: Enrolment[] }>(myLearningQueryKey, (old) =>
        old ? { items: old.items.map((e) => answer.enrolments.find((n) => n.id === e.id) ?? e) } : old,
      );
      const rejectedIds = new Set(answer.results.filter((r) => r.status === 'rejected').map((r) => r.id));
      for (const slug of changed) {
        // Keep what was just recorded on screen while the outline is fetched again (no flicker back).
        const course = client.getQueryData(publishedCourseQuery(slug).queryKey);
        client.setQueryData<CourseProgress>(progressQueryKey(slug), (old) =>
          old && course ? settle(applyPending(course, old, answer.sent.filter((i) => i.slug === slug && !rejectedIds.has(i.event.id))), answer) : old,
        );
        void client.invalidateQueries({ queryKey: progressQueryKey(slug) });
      }
      if (answer.enrolments.some((e) => e.status === 'completed')) void client.invalidateQueries({ queryKey: certificatesQueryKey });
      if (answer.sent.some((i) => i.event.type === 'reflection_saved')) void client.invalidateQueries({ queryKey: journalQueryKey });
      const rejected = answer.results.filter((r) => r.status === 'rejected');
      if (rejected.length > 0) setRefused((all) => [...all, ...rejected].slice(-5));
    });
    return () => {
      off();
      stop();
    };
  }, [client, userId]);

  return (
    <>
      <SyncStatus />
      {refused.length > 0 ? (
        <div className="alert alert-error" role="alert">
          {refused.map((r) => (
            <p key={r.id}>{t(`learning.refused.${r.reason ?? 'unknown'}`)}</p>
          ))}
          <button type="button" className="button button-secondary" onClick={() => setRefused([])}>
            {t('learning.refused.dismiss')}
          </button>
        </div>
      ) : null}
    </>
  );
}
