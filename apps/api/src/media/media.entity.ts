import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CourseEntity } from '../courses/index.js';
import { UserEntity } from '../users/index.js';

/** An uploaded image, audio or video file of a course; the bytes live in DARI_MEDIA_DIR/<id>. */
@Entity({ name: 'media' })
export class MediaEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('idx_media_course_id')
  @Column({ name: 'course_id', type: 'uuid' })
  courseId!: string;

  @ManyToOne(() => CourseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id' })
  course?: CourseEntity;

  @Index('idx_media_uploaded_by')
  @Column({ name: 'uploaded_by', type: 'uuid', nullable: true })
  uploadedBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'uploaded_by' })
  uploader?: UserEntity | null;

  /** A safe name (lower-case letters, digits, dot, dash), unique within the course: used in bundles. */
  @Column({ type: 'text' })
  filename!: string;

  @Column({ name: 'content_type', type: 'text' })
  contentType!: string;

  @Column({ type: 'integer' })
  size!: number;

  @Column({ type: 'text' })
  sha256!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
