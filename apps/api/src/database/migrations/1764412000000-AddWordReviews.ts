import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Flashcard review on the server (docs/decisions.md, "Flashcards: spaced repetition"): each saved word
 * keeps its Leitner box (0 = not reviewed yet, 1–5), when it is next due and when it was last reviewed,
 * so two devices agree on what to review today. Existing words start unreviewed (box 0, due now).
 */
export class AddWordReviews1764412000000 implements MigrationInterface {
  name = 'AddWordReviews1764412000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "word_list" ADD "review_box" smallint NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "word_list" ADD "next_review_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "word_list" ADD "reviewed_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `ALTER TABLE "word_list" ADD CONSTRAINT "chk_word_list_review_box" CHECK ("review_box" BETWEEN 0 AND 5)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "word_list" DROP CONSTRAINT "chk_word_list_review_box"`);
    await queryRunner.query(`ALTER TABLE "word_list" DROP COLUMN "reviewed_at"`);
    await queryRunner.query(`ALTER TABLE "word_list" DROP COLUMN "next_review_at"`);
    await queryRunner.query(`ALTER TABLE "word_list" DROP COLUMN "review_box"`);
  }
}
