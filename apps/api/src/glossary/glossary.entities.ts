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
  UpdateDateColumn,
} from 'typeorm';
import { UserEntity } from '../users/index.js';

/** A North/South glossary entry; lessons link it with [[term]]. */
@Entity({ name: 'glossary_terms' })
export class GlossaryTermEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The South Korean word, as lessons write it inside [[…]]. */
  @Column({ type: 'text', unique: true })
  term!: string;

  /** Its initial consonants without spaces (민주주의 → ㅁㅈㅈㅇ), for initial-consonant search. */
  @Index('idx_glossary_terms_initials')
  @Column({ type: 'text' })
  initials!: string;

  @Column({ name: 'north_korean', type: 'text', array: true, default: () => "'{}'" })
  northKorean!: string[];

  @Column({ type: 'text' })
  explanation!: string;

  @Column({ name: 'gloss_en', type: 'text' })
  glossEn!: string;

  @Column({ name: 'gloss_zh', type: 'text' })
  glossZh!: string;

  @Column({ type: 'text' })
  example!: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags!: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  related!: string[];

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy!: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** A learner's own word list, with each word's flashcard review (a Leitner box, see glossary/word-reviews.ts). */
@Entity({ name: 'word_list' })
@Check('chk_word_list_review_box', `"review_box" BETWEEN 0 AND 5`)
export class WordListEntryEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Index('idx_word_list_term_id')
  @PrimaryColumn({ name: 'term_id', type: 'uuid' })
  termId!: string;

  @ManyToOne(() => GlossaryTermEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'term_id' })
  term?: GlossaryTermEntity;

  @CreateDateColumn({ name: 'added_at', type: 'timestamptz' })
  addedAt!: Date;

  /** 0: not reviewed yet; 1–5: the Leitner box (next review after 1, 2, 4, 8, 16 days). */
  @Column({ name: 'review_box', type: 'smallint', default: 0 })
  reviewBox!: number;

  @Column({ name: 'next_review_at', type: 'timestamptz', nullable: true })
  nextReviewAt!: Date | null;

  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true })
  reviewedAt!: Date | null;
}

/** A word a learner did not understand, asked from a lesson; answered with a glossary term. */
@Entity({ name: 'word_requests' })
@Check('chk_word_requests_status', `"status" IN ('open', 'answered', 'dismissed')`)
export class WordRequestEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('idx_word_requests_user_id')
  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'text' })
  text!: string;

  /** The lesson it came from (and so the course and its instructors); null when asked from the glossary. */
  @Column({ name: 'lesson_id', type: 'uuid', nullable: true })
  lessonId!: string | null;

  @Index('idx_word_requests_course_id')
  @Column({ name: 'course_id', type: 'uuid', nullable: true })
  courseId!: string | null;

  @Column({ type: 'text', default: 'open' })
  status!: 'open' | 'answered' | 'dismissed';

  @Index('idx_word_requests_term_id')
  @Column({ name: 'term_id', type: 'uuid', nullable: true })
  termId!: string | null;

  @ManyToOne(() => GlossaryTermEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'term_id' })
  term?: GlossaryTermEntity | null;

  @Column({ name: 'answered_by', type: 'uuid', nullable: true })
  answeredBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true })
  answeredAt!: Date | null;
}
