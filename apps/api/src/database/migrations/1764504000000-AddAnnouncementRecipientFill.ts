import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An at-risk-only announcement to a large cohort writes its recipients a batch at a time: the request writes
 * the first batch, and `fill_cursor` (the last learner written, by id) marks one whose remaining batches a
 * background loop writes, each in its own transaction (docs/learning-together.md "Announcements"). NULL when
 * every recipient is written. The partial index finds the unfinished ones.
 */
export class AddAnnouncementRecipientFill1764504000000 implements MigrationInterface {
  name = 'AddAnnouncementRecipientFill1764504000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "announcements" ADD "fill_cursor" uuid`);
    await queryRunner.query(
      `CREATE INDEX "idx_announcements_filling" ON "announcements" ("created_at") WHERE "fill_cursor" IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_announcements_filling"`);
    await queryRunner.query(`ALTER TABLE "announcements" DROP COLUMN "fill_cursor"`);
  }
}
