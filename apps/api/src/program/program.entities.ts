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
} from 'typeorm';
import { CourseEntity } from '../courses/course.entity.js';
import { UserEntity } from '../users/user.entity.js';

/** An intake of learners (e.g. "2027 spring youth academy") with its staff and courses. */
@Entity({ name: 'cohorts' })
export class CohortEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', default: '' })
  description!: string;

  @Column({ name: 'starts_on', type: 'date', nullable: true })
  startsOn!: string | null;

  @Column({ name: 'ends_on', type: 'date', nullable: true })
  endsOn!: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

@Entity({ name: 'cohort_members' })
@Check('chk_cohort_members_role', `"role" IN ('manager', 'instructor', 'learner')`)
@Index('idx_cohort_members_cohort_role', ['cohortId', 'role'])
@Index('idx_cohort_members_activity', ['cohortId', 'role', 'lastActiveAt'])
// (cohort_id, role, coalesce(last_active_at, added_at)) INCLUDE (last_active_at, added_at, active_courses): an
// expression index, made by the AddAtRiskCourses migration (TypeORM cannot describe it, so it leaves it alone).
@Index('idx_cohort_members_idle', { synchronize: false })
export class CohortMemberEntity {
  @PrimaryColumn({ name: 'cohort_id', type: 'uuid' })
  cohortId!: string;

  @ManyToOne(() => CohortEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cohort_id' })
  cohort?: CohortEntity;

  @Index('idx_cohort_members_user_id')
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'text' })
  role!: 'manager' | 'instructor' | 'learner';

  @CreateDateColumn({ name: 'added_at', type: 'timestamptz' })
  addedAt!: Date;

  /**
   * A learner's latest activity in any course, to the hour (kept by triggers on enrolments, see
   * the AddProgramCounters migration), so "active in the last 7/30 days" is an index range count.
   */
  @Column({ name: 'last_active_at', type: 'timestamptz', nullable: true })
  lastActiveAt!: Date | null;

  /**
   * The courses a learner is still working through (enrolment status 'active'), sorted; empty for
   * staff. Kept by triggers (AddAtRiskCourses migration) so "still active in a course past its due
   * date" is `active_courses && <the cohort's past-due courses>`, read from an index, not a join.
   */
  @Column({ name: 'active_courses', type: 'uuid', array: true, default: () => "'{}'" })
  activeCourses!: string[];
}

/** A code a new learner types (or opens as /join/<code>) to make an account in the cohort. */
@Entity({ name: 'join_codes' })
export class JoinCodeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('idx_join_codes_cohort_id')
  @Column({ name: 'cohort_id', type: 'uuid' })
  cohortId!: string;

  @ManyToOne(() => CohortEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cohort_id' })
  cohort?: CohortEntity;

  /** 10 characters from a 30-letter alphabet (~49 bits); attempts are throttled. */
  @Column({ type: 'text', unique: true })
  code!: string;

  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt!: Date | null;

  @Column({ name: 'max_uses', type: 'integer', nullable: true })
  maxUses!: number | null;

  @Column({ type: 'integer', default: 0 })
  uses!: number;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** A course assigned to a cohort, with an optional due date: members are enrolled. */
@Entity({ name: 'cohort_courses' })
export class CohortCourseEntity {
  @PrimaryColumn({ name: 'cohort_id', type: 'uuid' })
  cohortId!: string;

  @ManyToOne(() => CohortEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cohort_id' })
  cohort?: CohortEntity;

  @Index('idx_cohort_courses_course_id')
  @PrimaryColumn({ name: 'course_id', type: 'uuid' })
  courseId!: string;

  @ManyToOne(() => CourseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id' })
  course?: CourseEntity;

  @Column({ name: 'due_on', type: 'date', nullable: true })
  dueOn!: string | null;

  @CreateDateColumn({ name: 'assigned_at', type: 'timestamptz' })
  assignedAt!: Date;
}

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
