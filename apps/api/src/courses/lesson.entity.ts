import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import type { DraftText, LessonContent, LessonKind } from '@dari/contracts';
import { CourseModuleEntity } from './course-module.entity.js';
import { CourseEntity } from './course.entity.js';

/**
 * A lesson of a draft. Its id is kept across publishes (snapshots copy it), which is how a
 * learner's progress survives a republish for every lesson that still exists.
 */
@Entity({ name: 'lessons' })
@Unique('uq_lessons_course_key', ['courseId', 'key'])
@Check('chk_lessons_kind', `"kind" IN ('reading', 'media', 'quiz', 'reflection')`)
export class LessonEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('idx_lessons_course_id')
  @Column({ name: 'course_id', type: 'uuid' })
  courseId!: string;

  @ManyToOne(() => CourseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id' })
  course?: CourseEntity;

  @Index('idx_lessons_module_id')
  @Column({ name: 'module_id', type: 'uuid' })
  moduleId!: string;

  @ManyToOne(() => CourseModuleEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'module_id' })
  module?: CourseModuleEntity;

  @Column({ type: 'text' })
  key!: string;

  @Column({ type: 'integer' })
  position!: number;

  @Column({ type: 'text' })
  kind!: LessonKind;

  @Column({ type: 'jsonb' })
  title!: DraftText;

  @Column({ type: 'boolean', default: true })
  required!: boolean;

  @Column({ name: 'estimated_minutes', type: 'integer', default: 5 })
  estimatedMinutes!: number;

  @Column({ name: 'content_note', type: 'jsonb', nullable: true })
  contentNote!: DraftText | null;

  @Column({ type: 'jsonb' })
  content!: LessonContent;

  @Column({ type: 'integer', default: 0 })
  revision!: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
