import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { PublishedCourse } from '@dari/contracts';

export type VersionMeta = Pick<
  PublishedCourse,
  'title' | 'summary' | 'language' | 'tags' | 'estimatedMinutes' | 'coverMediaId'
>;

export const versionMeta = (s: PublishedCourse): VersionMeta => ({
  title: s.title,
  summary: s.summary,
  language: s.language,
  tags: s.tags,
  estimatedMinutes: s.estimatedMinutes,
  coverMediaId: s.coverMediaId,
});
import { CourseEntity } from './course.entity.js';

/** A published version: immutable (a trigger refuses UPDATE). Learners take the latest. */
@Entity({ name: 'course_versions' })
@Unique('uq_course_versions_course_version', ['courseId', 'version'])
export class CourseVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'course_id', type: 'uuid' })
  courseId!: string;

  @ManyToOne(() => CourseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id' })
  course?: CourseEntity;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'jsonb' })
  snapshot!: PublishedCourse;

  /**
   * The small part of the snapshot that lists and headers need (title, summary, language, tags,
   * minutes, cover), written with the snapshot, so reading it never unpacks the whole snapshot.
   */
  @Column({ type: 'jsonb' })
  meta!: VersionMeta;

  @Column({ name: 'lesson_count', type: 'integer' })
  lessonCount!: number;

  @Column({ name: 'published_at', type: 'timestamptz', default: () => 'now()' })
  publishedAt!: Date;

  /** No foreign key: the record outlives its author (erasure pseudonymises people, not history). */
  @Index('idx_course_versions_published_by')
  @Column({ name: 'published_by', type: 'uuid', nullable: true })
  publishedBy!: string | null;
}
