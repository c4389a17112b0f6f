import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Announcements (issue 17, docs/learning-together.md "Announcements"): one row per announcement,
 * fanned out on read to the cohort's or course's learners, so sending to 100k learners writes one row.
 * An at-risk-only announcement snapshots its recipients (one INSERT…SELECT when sent). Reads are one
 * row per learner who opened it, plus a counter on the announcement (staff see the number, not who).
 */
export class CreateAnnouncements1764441000000 implements MigrationInterface {
  name = 'CreateAnnouncements1764441000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "announcements" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "audience" text NOT NULL, "cohort_id" uuid, "course_id" uuid, "at_risk_only" boolean NOT NULL DEFAULT false, "author_id" uuid, "text" jsonb NOT NULL, "recipient_count" integer, "read_count" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_announcements_target" CHECK (("audience" = 'cohort' AND "cohort_id" IS NOT NULL AND "course_id" IS NULL) OR ("audience" = 'course' AND "course_id" IS NOT NULL AND "cohort_id" IS NULL AND NOT "at_risk_only")), CONSTRAINT "chk_announcements_audience" CHECK ("audience" IN ('cohort', 'course')), CONSTRAINT "PK_b3ad760876ff2e19d58e05dc8b0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_announcements_author" ON "announcements"  ("author_id", "created_at") `);
    await queryRunner.query(`CREATE INDEX "idx_announcements_course" ON "announcements"  ("course_id", "created_at") `);
    await queryRunner.query(`CREATE INDEX "idx_announcements_cohort" ON "announcements"  ("cohort_id", "created_at") `);
    await queryRunner.query(
      `CREATE TABLE "announcement_recipients" ("announcement_id" uuid NOT NULL, "user_id" uuid NOT NULL, CONSTRAINT "PK_a38dcba8c181e3463f183322f8c" PRIMARY KEY ("announcement_id", "user_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_announcement_recipients_user_id" ON "announcement_recipients"  ("user_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "announcement_reads" ("announcement_id" uuid NOT NULL, "user_id" uuid NOT NULL, "read_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_633528237d6cee4418942ade0c6" PRIMARY KEY ("announcement_id", "user_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_announcement_reads_user_id" ON "announcement_reads"  ("user_id") `);
    await queryRunner.query(
      `ALTER TABLE "announcements" ADD CONSTRAINT "FK_a2d4d88569ac21836aa6f6c7a36" FOREIGN KEY ("cohort_id") REFERENCES "cohorts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "announcements" ADD CONSTRAINT "FK_e8f5ed3ae7b8b9e1f18fe9bb150" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "announcements" ADD CONSTRAINT "FK_0a13cf0aa1f1a2666699ff473f0" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "announcement_recipients" ADD CONSTRAINT "FK_6c7a363f423b03cebec9ca4fdfa" FOREIGN KEY ("announcement_id") REFERENCES "announcements"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "announcement_recipients" ADD CONSTRAINT "FK_090373e9e59d13b37969b9ceae7" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "announcement_reads" ADD CONSTRAINT "FK_5c268ef658d17b1b8304459d655" FOREIGN KEY ("announcement_id") REFERENCES "announcements"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "announcement_reads" ADD CONSTRAINT "FK_a70de57e88ed6bc0b8600a75f2c" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "announcement_reads" DROP CONSTRAINT "FK_a70de57e88ed6bc0b8600a75f2c"`);
    await queryRunner.query(`ALTER TABLE "announcement_reads" DROP CONSTRAINT "FK_5c268ef658d17b1b8304459d655"`);
    await queryRunner.query(`ALTER TABLE "announcement_recipients" DROP CONSTRAINT "FK_090373e9e59d13b37969b9ceae7"`);
    await queryRunner.query(`ALTER TABLE "announcement_recipients" DROP CONSTRAINT "FK_6c7a363f423b03cebec9ca4fdfa"`);
    await queryRunner.query(`ALTER TABLE "announcements" DROP CONSTRAINT "FK_0a13cf0aa1f1a2666699ff473f0"`);
    await queryRunner.query(`ALTER TABLE "announcements" DROP CONSTRAINT "FK_e8f5ed3ae7b8b9e1f18fe9bb150"`);
    await queryRunner.query(`ALTER TABLE "announcements" DROP CONSTRAINT "FK_a2d4d88569ac21836aa6f6c7a36"`);
    await queryRunner.query(`DROP INDEX "public"."idx_announcement_reads_user_id"`);
    await queryRunner.query(`DROP TABLE "announcement_reads"`);
    await queryRunner.query(`DROP INDEX "public"."idx_announcement_recipients_user_id"`);
    await queryRunner.query(`DROP TABLE "announcement_recipients"`);
    await queryRunner.query(`DROP INDEX "public"."idx_announcements_cohort"`);
    await queryRunner.query(`DROP INDEX "public"."idx_announcements_course"`);
    await queryRunner.query(`DROP INDEX "public"."idx_announcements_author"`);
    await queryRunner.query(`DROP TABLE "announcements"`);
  }
}
