import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  QUESTIONS_PER_DAY,
  type LessonQaItem,
  type Question,
  type QuestionList,
  type QuestionQuery,
} from '@dari/contracts';
import { AuditService } from '../audit/index.js';
import { AppException } from '../common/errors/app-exception.js';
import type { AuthContext } from '../common/http/request.js';
import { NotificationsService } from '../notifications/index.js';
import * as sql from './questions.queries.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const notALesson = () => AppException.notFound('lesson');

function view(r: sql.QuestionRow): Question {
  return {
    id: r.id,
    courseId: r.course_id,
    courseSlug: r.course_slug,
    courseTitle: r.course_title,
    lessonId: r.lesson_id,
    lessonTitle: r.lesson_title,
    text: r.text,
    status: r.status,
    answer: r.answer,
    createdAt: r.created_at.toISOString(),
    answeredAt: r.answered_at?.toISOString() ?? null,
    publishedAt: r.published_at?.toISOString() ?? null,
  };
}
const qaView = (r: sql.QaRow): LessonQaItem => ({
  id: r.id,
  question: r.question,
  answer: r.answer,
  publishedAt: r.published_at.toISOString(),
});

/**
 * Questions to the instructor (docs/learning-together.md, "Questions"): a learner asks privately
 * about a lesson of a course they are in; only that course's instructors (owner and co-instructors)
 * read and answer it; an instructor may publish an edited copy with the answer under the lesson.
 * Nothing a learner writes reaches another learner without that step.
 */
@Injectable()
export class QuestionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  async ask(lessonId: string, text: string, auth: AuthContext, requestId: string | null): Promise<Question> {
    const id = await this.db.transaction(async (m) => {
      const courseId = await sql.takenLessonCourse(m, lessonId, auth.userId);
      if (!courseId) throw notALesson();
      // One person's asks queue here, so two at once cannot both slip under the limit.
      await sql.lockAsker(m, auth.userId);
      const since = new Date(Date.now() - DAY_MS);
      const asked = await sql.askedSince(m, auth.userId, since);
      if (asked.n >= QUESTIONS_PER_DAY) {
        const retryAfter = Math.max(
          1,
          Math.ceil(((asked.oldest?.getTime() ?? Date.now()) + DAY_MS - Date.now()) / 1000),
        );
        throw new AppException(
          429,
          'too_many_attempts',
          `You can ask ${QUESTIONS_PER_DAY} questions a day. Please try again later.`,
          undefined,
          retryAfter,
        );
      }
      const newId = await sql.insertQuestion(m, auth.userId, courseId, lessonId, text);
      await this.audit.record(
        {
          actorId: auth.userId,
          action: 'question.asked',
          requestId,
          details: { questionId: newId, courseId, lessonId },
        },
        m,
      );
      return newId;
    });
    return this.one(id);
  }

  async mine(auth: AuthContext) {
    return { items: (await sql.myQuestions(this.db, auth.userId)).map(view) };
  }

  /** The instructor's inbox, a page at a time: questions on the courses they own or co-teach, and no one else's. */
  async inbox(query: QuestionQuery, auth: AuthContext): Promise<QuestionList> {
    const after = query.cursor ? query.cursor.split('_') : null;
    const rows = await sql.inboxPage(
      this.db,
      auth.userId,
      query.status ?? null,
      after ? { rank: Number(after[0]), key: after[1], id: after[2] } : null,
      query.limit + 1,
    );
    const page = rows.slice(0, query.limit);
    return { items: page.map(view), next: rows.length > query.limit ? page[page.length - 1].cursor : null };
  }

  /** Answers (or corrects the answer to) a question; the asker is told in their inbox. */
  async answer(id: string, answer: string, auth: AuthContext, requestId: string | null): Promise<Question> {
    await this.db.transaction(async (m) => {
      const q = await sql.teachableQuestion(m, id, auth.userId);
      if (!q) throw AppException.notFound('question');
      await sql.answerQuestion(m, id, answer, auth.userId);
      await this.audit.record(
        {
          actorId: auth.userId,
          action: 'question.answered',
          targetUserId: q.user_id,
          requestId,
          details: { questionId: id, courseId: q.course_id },
        },
        m,
      );
      await this.notifications.notify(m, [q.user_id], {
        kind: 'question_answered',
        ref: { type: 'question', id },
        data: { courseId: q.course_id, lessonId: q.lesson_id },
      });
    });
    return this.one(id);
  }

  /**
   * Publishes the instructor's edited copy of an answered question, with the answer, under its lesson:
   * a new lesson_qa row with no link to the asker. Once per question.
   */
  async publish(
    id: string,
    input: { question: string; answer: string },
    auth: AuthContext,
    requestId: string | null,
  ): Promise<LessonQaItem> {
    const qaId = await this.db.transaction(async (m) => {
      const q = await sql.teachableQuestion(m, id, auth.userId);
      if (!q) throw AppException.notFound('question');
      if (q.status !== 'answered') throw new AppException(409, 'conflict', 'Answer the question before publishing it.');
      if (q.published_at) throw new AppException(409, 'conflict', 'This question is already published.');
      const newId = await sql.insertQa(m, q.course_id, q.lesson_id, input.question, input.answer, auth.userId);
      await sql.markPublished(m, id);
      // The audit event names the private question; the published row itself does not.
      await this.audit.record(
        {
          actorId: auth.userId,
          action: 'question.published',
          requestId,
          details: { questionId: id, qaId: newId, courseId: q.course_id },
        },
        m,
      );
      return newId;
    });
    const row = await sql.qaById(this.db, qaId);
    if (!row) throw AppException.notFound('question');
    return qaView(row);
  }

  /** A lesson's published Q&A, for the people of its course (learners in it, its instructors). */
  async lessonQa(lessonId: string, auth: AuthContext) {
    const courseId = await sql.qaReaderCourse(this.db, lessonId, auth.userId);
    if (!courseId) throw notALesson();
    const items = (await sql.lessonQa(this.db, lessonId)).map(qaView);
    // Learners never may; staff are asked only when there is something to take down.
    const canUnpublish =
      auth.role !== 'learner' && items.length > 0
        ? await sql.canUnpublish(this.db, courseId, auth.userId, auth.role)
        : false;
    return { items, ...(canUnpublish ? { canUnpublish } : {}) };
  }

  /**
   * Takes a published question and answer down from its lesson (moderation): the course's instructors, a
   * manager of a cohort the course is assigned to, or an admin. The asker keeps their own question and
   * answer (private, unchanged); the question may be published again. Anyone else, or no such item: 404.
   */
  async unpublish(qaId: string, auth: AuthContext, requestId: string | null): Promise<void> {
    await this.db.transaction(async (m) => {
      const courseId = await sql.qaCourse(m, qaId);
      if (!courseId || !(await sql.canUnpublish(m, courseId, auth.userId, auth.role)))
        throw AppException.notFound('question');
      const gone = await sql.unpublishQa(m, qaId);
      if (!gone) throw AppException.notFound('question');
      await this.audit.record(
        {
          actorId: auth.userId,
          action: 'question.unpublished',
          requestId,
          details: {
            qaId,
            courseId: gone.course_id,
            lessonId: gone.lesson_id,
            ...(gone.question_id ? { questionId: gone.question_id } : {}),
          },
        },
        m,
      );
    });
  }

  private async one(id: string): Promise<Question> {
    const row = await sql.questionById(this.db, id);
    if (!row) throw AppException.notFound('question');
    return view(row);
  }
}
