import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import type { DraftText } from '@dari/contracts';
import { CourseEntity } from '../courses/index.js';
import { UserEntity } from '../users/index.js';

/** A learner in a course. `percent`, `completed_at` and `next_*` are projections kept by progress events. */
@Entity({ name: 'enrolments' })
@Unique('uq_enrolments_user_course', ['userId', 'courseId'])
@Check('chk_enrolments_status', `"status" IN ('active', 'completed', 'withdrawn')`)
@Check('chk_enrolments_source', `"source" IN ('self', 'code', 'cohort')`)
@Check('chk_enrolments_percent', `"percent" BETWEEN 0 AND 100`)
@Index('idx_enrolments_course_status', ['courseId', 'status'])
export class EnrolmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Index('idx_enrolments_course_id')
  @Column({ name: 'course_id', type: 'uuid' })
  courseId!: string;

  @ManyToOne(() => CourseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id' })
  course?: CourseEntity;

  @Column({ type: 'text', default: 'active' })
  status!: 'active' | 'completed' | 'withdrawn';

  @Column({ type: 'text', default: 'self' })
  source!: 'self' | 'code' | 'cohort';

  @Column({ type: 'integer', default: 0 })
  percent!: number;

  @Column({ name: 'enrolled_at', type: 'timestamptz', default: () => 'now()' })
  enrolledAt!: Date;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true })
  withdrawnAt!: Date | null;

  @Index('idx_enrolments_last_activity_at')
  @Column({ name: 'last_activity_at', type: 'timestamptz', nullable: true })
  lastActivityAt!: Date | null;

  /** The lesson most recently worked on: where "Continue" returns. */
  @Column({ name: 'last_lesson_id', type: 'uuid', nullable: true })
  lastLessonId!: string | null;
}

/**
 * The append-only log of learning events. The id is made on the learner's device, so a retry or an
 * offline replay of the same event is recognised and recorded once. Maps onto xAPI (docs/xapi.md).
 */
@Entity({ name: 'learning_events' })
@Check(
  'chk_learning_events_type',
  `"type" IN ('viewed', 'completed', 'skipped', 'position', 'time_spent', 'quiz_submitted', 'reflection_saved')`,
)
@Index('idx_learning_events_user_course', ['userId', 'courseId'])
export class LearningEventEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Index('idx_learning_events_course_id')
  @Column({ name: 'course_id', type: 'uuid' })
  courseId!: string;

  @ManyToOne(() => CourseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id' })
  course?: CourseEntity;

  /** No foreign key: lessons of old versions live only in snapshots. */
  @Column({ name: 'lesson_id', type: 'uuid' })
  lessonId!: string;

  @Column({ name: 'course_version', type: 'integer' })
  courseVersion!: number;

  @Column({ type: 'text' })
  type!: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  payload!: Record<string, unknown>;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @CreateDateColumn({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;
}

/** The projection per learner and lesson, updated in the same transaction as the event insert. */
@Entity({ name: 'lesson_progress' })
@Check('chk_lesson_progress_status', `"status" IN ('not_started', 'in_progress', 'completed', 'skipped')`)
export class LessonProgressEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @PrimaryColumn({ name: 'lesson_id', type: 'uuid' })
  lessonId!: string;

  @Index('idx_lesson_progress_course_id')
  @Column({ name: 'course_id', type: 'uuid' })
  courseId!: string;

  @ManyToOne(() => CourseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id' })
  course?: CourseEntity;

  @Column({ type: 'text', default: 'in_progress' })
  status!: 'not_started' | 'in_progress' | 'completed' | 'skipped';

  @Column({ name: 'time_spent_seconds', type: 'integer', default: 0 })
  timeSpentSeconds!: number;

  @Column({ name: 'best_score', type: 'integer', nullable: true })
  bestScore!: number | null;

  @Column({ type: 'boolean', nullable: true })
  passed!: boolean | null;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ type: 'double precision', nullable: true })
  position!: number | null;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}

/** A learner's answers to one quiz, graded on the server. */
@Entity({ name: 'quiz_attempts' })
export class QuizAttemptEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('idx_quiz_attempts_user_lesson', ['userId', 'lessonId'])
  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Index('idx_quiz_attempts_course_id')
  @Column({ name: 'course_id', type: 'uuid' })
  courseId!: string;

  @ManyToOne(() => CourseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id' })
  course?: CourseEntity;

  @Column({ name: 'lesson_id', type: 'uuid' })
  lessonId!: string;

  @Column({ name: 'event_id', type: 'uuid', unique: true })
  eventId!: string;

  @Column({ type: 'jsonb' })
  answers!: Record<string, unknown>;

  /** Question key → answered right (graded questions only). */
  @Column({ type: 'jsonb' })
  correct!: Record<string, boolean>;

  @Column({ type: 'integer' })
  score!: number;

  @Column({ type: 'boolean' })
  passed!: boolean;

  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt!: Date;
}

/** A reflection in the learner's private journal: only they see it unless they share it. */
@Entity({ name: 'journal_entries' })
export class JournalEntryEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @PrimaryColumn({ name: 'lesson_id', type: 'uuid' })
  lessonId!: string;

  @Index('idx_journal_entries_course_id')
  @Column({ name: 'course_id', type: 'uuid' })
  courseId!: string;

  @ManyToOne(() => CourseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id' })
  course?: CourseEntity;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'boolean', default: false })
  shared!: boolean;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}

/** Issued on completion; the public verification shows only the chosen name, the course and the date. */
@Entity({ name: 'certificates' })
@Unique('uq_certificates_user_course', ['userId', 'courseId'])
export class CertificateEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity | null;

  @Index('idx_certificates_course_id')
  @Column({ name: 'course_id', type: 'uuid' })
  courseId!: string;

  @ManyToOne(() => CourseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id' })
  course?: CourseEntity;

  /** 12 characters from the reset-code alphabet, shown as XXXX-XXXX-XXXX. */
  @Column({ type: 'text', unique: true })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'course_title', type: 'jsonb' })
  courseTitle!: DraftText;

  @Column({ name: 'issued_at', type: 'timestamptz', default: () => 'now()' })
  issuedAt!: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}

/**
 * The lessons of each course's latest published version, in order: rewritten at every publish.
 * Progress, completion and reports read this instead of unpacking snapshots.
 */
@Entity({ name: 'published_lessons' })
@Check('chk_published_lessons_kind', `"kind" IN ('reading', 'media', 'quiz', 'reflection')`)
export class PublishedLessonEntity {
  @PrimaryColumn({ name: 'lesson_id', type: 'uuid' })
  lessonId!: string;

  @Index('idx_published_lessons_course_id')
  @Column({ name: 'course_id', type: 'uuid' })
  courseId!: string;

  @ManyToOne(() => CourseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id' })
  course?: CourseEntity;

  @Column({ type: 'integer' })
  version!: number;

  /** Order across the whole course (modules, then lessons). */
  @Column({ type: 'integer' })
  position!: number;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'boolean' })
  required!: boolean;

  @Column({ name: 'has_content_note', type: 'boolean' })
  hasContentNote!: boolean;
}
