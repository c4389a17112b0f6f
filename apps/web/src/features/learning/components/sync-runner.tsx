import type { CourseProgress, Enrolment } from '@dari/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useMe } from '../../../lib/session';
import { publishedCourseQuery } from '../api/get-course';
import { outlineQuery } from '../api/get-lesson';
import { myLearningQueryKey } from '../api/get-my-learning';
import { certificatesQueryKey } from '../api/get-certificates';
import { journalQueryKey } from '../api/get-journal';
import { progressQueryKey } from '../api/get-progress';
import { forgetOnSignOut } from '../offline/personal-cache';
import type { Answer } from '../queue/event-queue';
import { applyPending } from '../queue/optimistic';
import { learningQueue } from '../queue/learning-queue';
import { HeldNotices } from './held-notices';
import { SyncStatus } from './sync-status';

/** The server's word on quizzes and on the enrolment, over the optimistic outline. */
function settle(progress: CourseProgress, answer: Answer): CourseProgress {
  const enrolment = progress.enrolment
    ? (answer.enrolments.find((e) => e.id === progress.enrolment?.id) ?? progress.enrolment)
    : null;
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
 * server's answers into the pages, says what is waiting to sync, and what the server refused (held on
 * the phone, one message per cause with its fix). Loaded just after the first page.
 */
export default function SyncRunner() {
  const client = useQueryClient();
  const { data: me } = useMe();
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
      const changed = new Set(
        answer.sent.filter((i) => i.event.type !== 'time_spent' && i.event.type !== 'position').map((i) => i.slug),
      );
      client.setQueryData<{ items: Enrolment[] }>(myLearningQueryKey, (old) =>
        old ? { items: old.items.map((e) => answer.enrolments.find((n) => n.id === e.id) ?? e) } : old,
      );
      const rejectedIds = new Set(answer.results.filter((r) => r.status === 'rejected').map((r) => r.id));
      for (const slug of changed) {
        // Keep what was just recorded on screen while the outline is fetched again (no flicker back).
        // The outline the lesson page read, or the whole course the course page read: either has the lessons.
        const course =
          client.getQueryData(outlineQuery(slug).queryKey) ?? client.getQueryData(publishedCourseQuery(slug).queryKey);
        client.setQueryData<CourseProgress>(progressQueryKey(slug), (old) =>
          old && course
            ? settle(
                applyPending(
                  course,
                  old,
                  answer.sent.filter((i) => i.slug === slug && !rejectedIds.has(i.event.id)),
                ),
                answer,
              )
            : old,
        );
        void client.invalidateQueries({ queryKey: progressQueryKey(slug) });
      }
      // Coming back online: what the queue changed is read again from the server, so My learning and
      // the course pages (their progress, above) do not keep the figures from before the phone went offline.
      if (changed.size > 0 || answer.enrolments.length > 0)
        void client.invalidateQueries({ queryKey: myLearningQueryKey });
      if (answer.enrolments.some((e) => e.status === 'completed'))
        void client.invalidateQueries({ queryKey: certificatesQueryKey });
      if (answer.sent.some((i) => i.event.type === 'reflection_saved'))
        void client.invalidateQueries({ queryKey: journalQueryKey });
    });
    return () => {
      off();
      stop();
    };
  }, [client, userId]);

  return (
    <>
      <SyncStatus />
      {/* Keyed by person: "later" on a shared phone is not carried over to the next person. */}
      <HeldNotices key={userId ?? ''} />
    </>
  );
}
