import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { DraftText } from '@dari/contracts';
import { CourseEntity } from './course.entity.js';

@Entity({ name: 'course_modules' })
@Unique('uq_course_modules_course_key', ['courseId', 'key'])
export class CourseModuleEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('idx_course_modules_course_id')
  @Column({ name: 'course_id', type: 'uuid' })
  courseId!: string;

  @ManyToOne(() => CourseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id' })
  course?: CourseEntity;

  /** Stable name inside the course and its bundles. */
  @Column({ type: 'text' })
  key!: string;

  @Column({ type: 'integer' })
  position!: number;

  @Column({ type: 'jsonb' })
  title!: DraftText;
}
