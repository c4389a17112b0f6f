import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The staff question inbox pages by keyset on (status, created_at, id) within each of the instructor's
 * courses: open questions oldest first, then answered ones newest first — a forward and a backward walk of
 * this index from the cursor, a page at most per course (docs/learning-together.md "Questions to the
 * instructor"). The asking time is the key because answering a question does not change
 * it; the answering time did, and moved a question between pages while someone paged.
 */
export class AddQuestionInboxIndex1764494000000 implements MigrationInterface {
  name = 'AddQuestionInboxIndex1764494000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "idx_lesson_questions_inbox" ON "lesson_questions" ("course_id", "status", "created_at", "id") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_lesson_questions_inbox"`);
  }
}
