import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { NotificationKind, NotificationRefType } from '@dari/contracts';
import { UserEntity } from '../users/index.js';

/**
 * One in-app notification for one person (docs/learning-together.md, "Inbox"). It holds no text a
 * learner wrote and no other person's name: the kind, what it is about (ref) and a few ids or numbers
 * in `data`; the web writes the sentence from its i18n catalogue. Deleted with the person.
 */
@Entity({ name: 'notifications' })
@Check(
  'chk_notifications_kind',
  `"kind" IN ('course_assigned', 'due_date_changed', 'due_soon', 'overdue', 'question_answered', 'word_request_answered', 'announcement', 'certificate_issued')`,
)
@Check(
  'chk_notifications_ref_type',
  `"ref_type" IN ('course', 'cohort', 'lesson', 'question', 'certificate', 'announcement')`,
)
/** The inbox, newest first (read backwards), with a cursor on (created_at, id). */
@Index('idx_notifications_user_created', ['userId', 'createdAt', 'id'])
/** The unread count: one index-only read over the person's unread rows. */
@Index('idx_notifications_unread', ['userId'], { where: '"read_at" IS NULL' })
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'text' })
  kind!: NotificationKind;

  @Column({ name: 'ref_type', type: 'text' })
  refType!: NotificationRefType;

  @Column({ name: 'ref_id', type: 'uuid' })
  refId!: string;

  /** Ids and numbers only (a course id, days left); never free text or a name. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  data!: Record<string, string | number>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt!: Date | null;
}
