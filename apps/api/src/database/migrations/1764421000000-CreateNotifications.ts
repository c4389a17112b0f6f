import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * In-app notifications (issue 17, docs/learning-together.md "Inbox"): one row per person and event,
 * deleted with the person. `idx_notifications_user_created` serves the inbox newest first with a
 * (created_at, id) cursor; the partial `idx_notifications_unread` holds only unread rows, so the
 * unread count is one small index-only read however long the inbox grows.
 */
export class CreateNotifications1764421000000 implements MigrationInterface {
  name = 'CreateNotifications1764421000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "kind" text NOT NULL, "ref_type" text NOT NULL, "ref_id" uuid NOT NULL, "data" jsonb NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "read_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "chk_notifications_ref_type" CHECK ("ref_type" IN ('course', 'cohort', 'lesson', 'question', 'certificate', 'announcement')), CONSTRAINT "chk_notifications_kind" CHECK ("kind" IN ('course_assigned', 'due_date_changed', 'due_soon', 'overdue', 'question_answered', 'word_request_answered', 'announcement', 'certificate_issued')), CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_notifications_unread" ON "notifications"  ("user_id") WHERE "read_at" IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_notifications_user_created" ON "notifications"  ("user_id", "created_at", "id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "FK_9a8a82462cab47c73d25f49261f" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "FK_9a8a82462cab47c73d25f49261f"`);
    await queryRunner.query(`DROP INDEX "public"."idx_notifications_user_created"`);
    await queryRunner.query(`DROP INDEX "public"."idx_notifications_unread"`);
    await queryRunner.query(`DROP TABLE "notifications"`);
  }
}
