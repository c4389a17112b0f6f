import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CourseResults, MyResults, PublishedLesson, ResultQuestion } from '@dari/contracts';
import type { AuthContext } from '../common/http/request.js';
import * as sql from './results.queries.js';
import { SnapshotCacheService } from './snapshot-cache.service.js';

type QuizContent = Extract<PublishedLesson['content'], { kind: 'quiz' }>;

/** What the results page shows of a question once the learner has tried the quiz: the right answer and why. */
function resultQuestion(q: QuizContent['questions'][number]): ResultQuestion {
  return {
    key: q.key,
    type: q.type,
    prompt: q.prompt,
    explanation: q.explanation,
    options: 'options' in q ? q.options.map((o) => ({ key: o.key, text: o.text, correct: o.correct })) : [],
    answer: q.type === 'true_false' ? q.answer : null,
  };
}

/**
 * "My results" (docs/learning-together.md): read-only, and only ever the caller's own rows. Right
 * answers and explanations of a quiz appear only after the learner's first attempt at it, as the quiz
 * itself shows them.
 */
@Injectable()
export class ResultsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly snapshots: SnapshotCacheService,
  ) {}

  async mine(auth: AuthContext): Promise<MyResults> {
    const courses = await sql.myCourses(this.db, auth.userId);
    if (!courses.length) return { items: [] };
    const ids = courses.map((c) => c.course_id);
    const [progress, attempts] = await Promise.all([
      sql.myLessonProgress(this.db, auth.userId, ids),
      sql.myAttempts(this.db, auth.userId, ids),
    ]);
    const standing = new Map(progress.map((p) => [p.lesson_id, p]));
    const attemptsOf = new Map<string, sql.ResultAttemptRow[]>();
    for (const a of attempts) attemptsOf.set(a.lesson_id, [...(attemptsOf.get(a.lesson_id) ?? []), a]);

    const items: CourseResults[] = [];
    for (const c of courses) {
      const snap = await this.snapshots.get(c.course_id, c.version);
      if (!snap) continue;
      const lessons = snap.course.modules.flatMap((mod) => mod.lessons);
      items.push({
        courseId: c.course_id,
        slug: c.slug,
        title: snap.course.title,
        percent: c.percent,
        completedAt: c.completed_at?.toISOString() ?? null,
        lessons: lessons.map((l) => ({
          lessonId: l.id,
          title: l.title,
          kind: l.kind,
          required: l.required,
          status: standing.get(l.id)?.status ?? 'not_started',
        })),
        quizzes: lessons.flatMap((l) => {
          if (l.content.kind !== 'quiz') return [];
          const tried = attemptsOf.get(l.id) ?? [];
          const p = standing.get(l.id);
          return [
            {
              lessonId: l.id,
              title: l.title,
              passMark: l.content.passMark,
              bestScore: p?.best_score ?? (tried.length ? Math.max(...tried.map((a) => a.score)) : null),
              passed: p?.passed ?? tried.some((a) => a.passed),
              attempts: tried.map((a) => ({
                answers: a.answers,
                correct: a.correct,
                score: a.score,
                passed: a.passed,
                submittedAt: a.submitted_at.toISOString(),
              })),
              questions: tried.length ? l.content.questions.map(resultQuestion) : [],
            },
          ];
        }),
      });
    }
    return { items };
  }
}
