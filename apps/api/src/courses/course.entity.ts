import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { DraftText } from '@dari/contracts';
import { UserEntity } from '../users/index.js';

/** A course's draft and its publishing state; published versions are frozen in course_versions. */
@Entity({ name: 'courses' })
@Check('chk_courses_status', `"status" IN ('draft', 'published', 'archived')`)
@Check('chk_courses_language', `"language" IN ('ko', 'en', 'zh')`)
@Check('chk_courses_enrolment_policy', `"enrolment_policy" IN ('open', 'code', 'cohort')`)
export class CourseEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text', unique: true })
  slug!: string;

  @Column({ type: 'text', default: 'draft' })
  status!: 'draft' | 'published' | 'archived';

  @Column({ type: 'text', default: 'ko' })
  language!: 'ko' | 'en' | 'zh';

  @Column({ type: 'jsonb' })
  title!: DraftText;

  @Column({ type: 'jsonb' })
  summary!: DraftText;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags!: string[];

  @Column({ name: 'enrolment_policy', type: 'text', default: 'open' })
  enrolmentPolicy!: 'open' | 'code' | 'cohort';

  /** What learners type to enrol when the policy is `code`. */
  @Column({ name: 'course_code', type: 'text', nullable: true, unique: true })
  courseCode!: string | null;

  @Column({ type: 'boolean', default: false })
  sequential!: boolean;

  @Column({ name: 'cover_media_id', type: 'uuid', nullable: true })
  coverMediaId!: string | null;

  /** Null for courses that belong to the organisation (the starter curriculum on a server without demo data). */
  @Index('idx_courses_owner_id')
  @Column({ name: 'owner_id', type: 'uuid', nullable: true })
  ownerId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'owner_id' })
  owner?: UserEntity | null;

  /** Bumped by every change to the draft's settings or outline: stale writes are refused. */
  @Column({ type: 'integer', default: 0 })
  revision!: number;

  @Column({ name: 'latest_version', type: 'integer', nullable: true })
  latestVersion!: number | null;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  /** Last change to anything learners would see; later than published_at = unpublished changes. */
  @Column({ name: 'content_changed_at', type: 'timestamptz', default: () => 'now()' })
  contentChangedAt!: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
