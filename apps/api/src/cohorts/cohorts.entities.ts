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
import { CourseEntity } from '../courses/index.js';
import { UserEntity } from '../users/index.js';

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
 * A dated session a manager schedules for a cohort (a class meeting, a call): a title, when it
 * starts, optionally where and a note. Nothing in it refers to a person, so erasure leaves it alone.
 */
@Entity({ name: 'cohort_sessions' })
@Index('idx_cohort_sessions_cohort_starts', ['cohortId', 'startsAt'])
export class CohortSessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'cohort_id', type: 'uuid' })
  cohortId!: string;

  @ManyToOne(() => CohortEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cohort_id' })
  cohort?: CohortEntity;

  @Column({ type: 'text' })
  title!: string;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt!: Date;

  @Column({ type: 'text', nullable: true })
  place!: string | null;

  @Column({ type: 'text', nullable: true })
  notes!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/**
 * Which "due in 3 days" and "overdue" reminders a learner was sent, one row per (learner, course,
 * kind, due date): the sweep (due-sweep.service.ts) inserts here ON CONFLICT DO NOTHING and notifies
 * only the rows it inserted, in one transaction, so a restart or a second instance never sends one twice.
 * A new due date is a new key: the reminders come again for it. Deleted with the person.
 */
@Entity({ name: 'due_notices' })
@Check('chk_due_notices_kind', `"kind" IN ('due_soon', 'overdue')`)
@Index('idx_due_notices_due_on', ['dueOn'])
export class DueNoticeEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Index('idx_due_notices_course_id')
  @PrimaryColumn({ name: 'course_id', type: 'uuid' })
  courseId!: string;

  @ManyToOne(() => CourseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id' })
  course?: CourseEntity;

  @PrimaryColumn({ type: 'text' })
  kind!: 'due_soon' | 'overdue';

  @PrimaryColumn({ name: 'due_on', type: 'date' })
  dueOn!: string;

  @CreateDateColumn({ name: 'sent_at', type: 'timestamptz' })
  sentAt!: Date;
}
