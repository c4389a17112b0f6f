import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CohortEntity } from '../cohorts/index.js';
import { CourseEntity } from '../courses/index.js';

/**
 * Per-lesson funnel counters, kept in the same transaction as each progress event. Split into 16
 * shards by learner so that many learners finishing the same lesson at once do not queue on one row.
 */
@Entity({ name: 'lesson_stats' })
export class LessonStatEntity {
  @PrimaryColumn({ name: 'lesson_id', type: 'uuid' })
  lessonId!: string;

  @PrimaryColumn({ type: 'smallint' })
  shard!: number;

  @Index('idx_lesson_stats_course_id')
  @Column({ name: 'course_id', type: 'uuid' })
  courseId!: string;

  @ManyToOne(() => CourseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id' })
  course?: CourseEntity;

  @Column({ type: 'integer', default: 0 })
  started!: number;

  @Column({ type: 'integer', default: 0 })
  completed!: number;
}

/** Per-question answer counters (every submitted attempt), sharded like lesson_stats. */
@Entity({ name: 'question_stats' })
export class QuestionStatEntity {
  @PrimaryColumn({ name: 'lesson_id', type: 'uuid' })
  lessonId!: string;

  @PrimaryColumn({ name: 'question_key', type: 'text' })
  questionKey!: string;

  @PrimaryColumn({ type: 'smallint' })
  shard!: number;

  @Index('idx_question_stats_course_id')
  @Column({ name: 'course_id', type: 'uuid' })
  courseId!: string;

  @ManyToOne(() => CourseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id' })
  course?: CourseEntity;

  @Column({ type: 'integer', default: 0 })
  answers!: number;

  @Column({ type: 'integer', default: 0 })
  correct!: number;
}

/**
 * Enrolment counters per course (every enrolment) and per (cohort, course) (enrolments of the
 * cohort's learners, in any course), sharded by learner like lesson_stats. Kept by database triggers
 * on enrolments and cohort_members in the same transaction as every change (migration
 * AddProgramCounters), so every path — enrolment, withdrawal, completion, membership, cascades,
 * scripts — keeps them right. `enrolled` counts non-withdrawn enrolments.
 */
@Entity({ name: 'course_stats' })
export class CourseStatEntity {
  @PrimaryColumn({ name: 'course_id', type: 'uuid' })
  courseId!: string;

  @ManyToOne(() => CourseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id' })
  course?: CourseEntity;

  @PrimaryColumn({ type: 'smallint' })
  shard!: number;

  @Column({ type: 'integer', default: 0 })
  enrolled!: number;

  @Column({ type: 'integer', default: 0 })
  completed!: number;

  @Column({ type: 'integer', default: 0 })
  withdrawn!: number;
}

@Entity({ name: 'cohort_course_stats' })
export class CohortCourseStatEntity {
  @PrimaryColumn({ name: 'cohort_id', type: 'uuid' })
  cohortId!: string;

  @ManyToOne(() => CohortEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cohort_id' })
  cohort?: CohortEntity;

  @Index('idx_cohort_course_stats_course_id')
  @PrimaryColumn({ name: 'course_id', type: 'uuid' })
  courseId!: string;

  @ManyToOne(() => CourseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id' })
  course?: CourseEntity;

  @PrimaryColumn({ type: 'smallint' })
  shard!: number;

  @Column({ type: 'integer', default: 0 })
  enrolled!: number;

  @Column({ type: 'integer', default: 0 })
  completed!: number;

  @Column({ type: 'integer', default: 0 })
  withdrawn!: number;
}

/**
 * The cohort's weekly active learners, as they happen (issue 17, the manager's charts): a learner
 * counts once in the Korea week (Monday) their activity first reaches, sharded by learner like the
 * counters above. Kept by a trigger on cohort_members.last_active_at (migration AddCohortChartCounters),
 * so the chart reads a few primary-key rows per week, never events.
 */
@Entity({ name: 'cohort_activity_weeks' })
export class CohortActivityWeekEntity {
  @PrimaryColumn({ name: 'cohort_id', type: 'uuid' })
  cohortId!: string;

  @ManyToOne(() => CohortEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cohort_id' })
  cohort?: CohortEntity;

  @PrimaryColumn({ type: 'date' })
  week!: string;

  @PrimaryColumn({ type: 'smallint' })
  shard!: number;

  @Column({ type: 'integer', default: 0 })
  active!: number;
}

/**
 * Completions of each course by the cohort's learners, per Korea week (Monday) they happened, sharded
 * by learner. Kept by a trigger on enrolments.status (migration AddCohortChartCounters).
 */
@Entity({ name: 'cohort_completion_weeks' })
export class CohortCompletionWeekEntity {
  @PrimaryColumn({ name: 'cohort_id', type: 'uuid' })
  cohortId!: string;

  @ManyToOne(() => CohortEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cohort_id' })
  cohort?: CohortEntity;

  @Index('idx_cohort_completion_weeks_course_id')
  @PrimaryColumn({ name: 'course_id', type: 'uuid' })
  courseId!: string;

  @ManyToOne(() => CourseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id' })
  course?: CourseEntity;

  @PrimaryColumn({ type: 'date' })
  week!: string;

  @PrimaryColumn({ type: 'smallint' })
  shard!: number;

  @Column({ type: 'integer', default: 0 })
  completed!: number;
}
