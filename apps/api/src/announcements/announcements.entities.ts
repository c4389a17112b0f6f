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
import type { AnnouncementText } from '@dari/contracts';
import { CohortEntity } from '../cohorts/index.js';
import { CourseEntity } from '../courses/index.js';
import { UserEntity } from '../users/index.js';

/**
 * A one-way announcement from a manager to a cohort's learners (all, or those at risk when it was
 * sent) or from an instructor to a course's learners (docs/learning-together.md, "Announcements").
 * Fanned out on read: one row here, no row per learner, except the at-risk snapshot (recipients).
 */
@Entity({ name: 'announcements' })
@Check('chk_announcements_audience', `"audience" IN ('cohort', 'course')`)
@Check(
  'chk_announcements_target',
  `("audience" = 'cohort' AND "cohort_id" IS NOT NULL AND "course_id" IS NULL) OR ("audience" = 'course' AND "course_id" IS NOT NULL AND "cohort_id" IS NULL AND NOT "at_risk_only")`,
)
@Index('idx_announcements_cohort', ['cohortId', 'createdAt'])
@Index('idx_announcements_course', ['courseId', 'createdAt'])
@Index('idx_announcements_author', ['authorId', 'createdAt'])
@Index('idx_announcements_filling', ['createdAt'], { where: '"fill_cursor" IS NOT NULL' })
export class AnnouncementEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  audience!: 'cohort' | 'course';

  @Column({ name: 'cohort_id', type: 'uuid', nullable: true })
  cohortId!: string | null;

  @ManyToOne(() => CohortEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cohort_id' })
  cohort?: CohortEntity | null;

  @Column({ name: 'course_id', type: 'uuid', nullable: true })
  courseId!: string | null;

  @ManyToOne(() => CourseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id' })
  course?: CourseEntity | null;

  /** Only the learners in announcement_recipients (at risk when it was sent) see it. */
  @Column({ name: 'at_risk_only', type: 'boolean', default: false })
  atRiskOnly!: boolean;

  @Column({ name: 'author_id', type: 'uuid', nullable: true })
  authorId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'author_id' })
  author?: UserEntity | null;

  /** Markdown per language (ko required); rendered by the web's sanitised renderer. */
  @Column({ type: 'jsonb' })
  text!: AnnouncementText;

  /** At-risk announcements: how many it was sent to (the snapshot's size). */
  @Column({ name: 'recipient_count', type: 'integer', nullable: true })
  recipientCount!: number | null;

  /**
   * At-risk announcements whose recipients are still being written, a batch per transaction: the last
   * learner written (by id). NULL once all are (AnnouncementsService.fillRecipients).
   */
  @Column({ name: 'fill_cursor', type: 'uuid', nullable: true })
  fillCursor!: string | null;

  /** How many have read it (a counter, so staff see a number and never who). */
  @Column({ name: 'read_count', type: 'integer', default: 0 })
  readCount!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** Who an at-risk-only announcement was sent to: the cohort's at-risk learners when it was sent. */
@Entity({ name: 'announcement_recipients' })
export class AnnouncementRecipientEntity {
  @PrimaryColumn({ name: 'announcement_id', type: 'uuid' })
  announcementId!: string;

  @ManyToOne(() => AnnouncementEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'announcement_id' })
  announcement?: AnnouncementEntity;

  @Index('idx_announcement_recipients_user_id')
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;
}

/** That a learner has read an announcement (the inbox's read mark; staff see only read_count). */
@Entity({ name: 'announcement_reads' })
export class AnnouncementReadEntity {
  @PrimaryColumn({ name: 'announcement_id', type: 'uuid' })
  announcementId!: string;

  @ManyToOne(() => AnnouncementEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'announcement_id' })
  announcement?: AnnouncementEntity;

  @Index('idx_announcement_reads_user_id')
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @CreateDateColumn({ name: 'read_at', type: 'timestamptz' })
  readAt!: Date;
}
