import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CourseEntity } from '../courses/index.js';
import { UserEntity } from '../users/index.js';

/** A learner's private question about a lesson: only the asker and the course's instructors ever read it. */
@Entity({ name: 'lesson_questions' })
@Check('chk_lesson_questions_status', `"status" IN ('open', 'answered')`)
// The staff inbox's keyset order (questions.queries.ts inboxPage).
@Index('idx_lesson_questions_inbox', ['courseId', 'status', 'createdAt', 'id'])
export class LessonQuestionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('idx_lesson_questions_user_id')
  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Index('idx_lesson_questions_course_id')
  @Column({ name: 'course_id', type: 'uuid' })
  courseId!: string;

  @ManyToOne(() => CourseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id' })
  course?: CourseEntity;

  /** A lesson of the course (published_lessons.lesson_id); no foreign key, as lessons may leave later versions. */
  @Column({ name: 'lesson_id', type: 'uuid' })
  lessonId!: string;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'text', default: 'open' })
  status!: 'open' | 'answered';

  @Column({ type: 'text', nullable: true })
  answer!: string | null;

  @Index('idx_lesson_questions_answered_by')
  @Column({ name: 'answered_by', type: 'uuid', nullable: true })
  answeredBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'answered_by' })
  answerer?: UserEntity | null;

  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true })
  answeredAt!: Date | null;

  /** When an edited copy went to the lesson's Q&A (lesson_qa holds the copy, with no link back here). */
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/**
 * A question and answer published under a lesson for everyone in the course. Written by an instructor
 * (the question in their own edited words); deliberately no column points at the learner who asked.
 */
@Entity({ name: 'lesson_qa' })
@Index('idx_lesson_qa_lesson_published', ['lessonId', 'publishedAt'])
export class LessonQaEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('idx_lesson_qa_course_id')
  @Column({ name: 'course_id', type: 'uuid' })
  courseId!: string;

  @ManyToOne(() => CourseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id' })
  course?: CourseEntity;

  @Column({ name: 'lesson_id', type: 'uuid' })
  lessonId!: string;

  @Column({ type: 'text' })
  question!: string;

  @Column({ type: 'text' })
  answer!: string;

  @Index('idx_lesson_qa_published_by')
  @Column({ name: 'published_by', type: 'uuid', nullable: true })
  publishedBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'published_by' })
  publisher?: UserEntity | null;

  @Column({ name: 'published_at', type: 'timestamptz', default: () => 'now()' })
  publishedAt!: Date;
}
