import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Program management: cohorts, members, join codes, assigned courses; the privacy notice a person
 * accepted; funnel and question counters for reports (sharded), and report indexes on enrolments.
 * Generated with `npm run schema:diff`, then read; the two enrolment indexes are by hand.
 */
export class CreatePrograms1764330000000 implements MigrationInterface {
  name = 'CreatePrograms1764330000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "cohorts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "description" text NOT NULL DEFAULT '', "starts_on" date, "ends_on" date, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_fd38f76b135e907b834fda1e752" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "cohort_members" ("cohort_id" uuid NOT NULL, "user_id" uuid NOT NULL, "role" text NOT NULL, "added_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_cohort_members_role" CHECK ("role" IN ('manager', 'instructor', 'learner')), CONSTRAINT "PK_9001e01b40ea73c30f7bb495f11" PRIMARY KEY ("cohort_id", "user_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_cohort_members_user_id" ON "cohort_members"  ("user_id") `);
    await queryRunner.query(
      `CREATE INDEX "idx_cohort_members_cohort_role" ON "cohort_members"  ("cohort_id", "role") `,
    );
    await queryRunner.query(
      `CREATE TABLE "join_codes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "cohort_id" uuid NOT NULL, "code" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE, "max_uses" integer, "uses" integer NOT NULL DEFAULT '0', "revoked_at" TIMESTAMP WITH TIME ZONE, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_493282cb6f68d55591d8c313983" UNIQUE ("code"), CONSTRAINT "PK_b712e21cd2e8d691b513c50c4fe" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_join_codes_cohort_id" ON "join_codes"  ("cohort_id") `);
    await queryRunner.query(
      `CREATE TABLE "cohort_courses" ("cohort_id" uuid NOT NULL, "course_id" uuid NOT NULL, "due_on" date, "assigned_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_55f1449251781922d99a0e38b62" PRIMARY KEY ("cohort_id", "course_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_cohort_courses_course_id" ON "cohort_courses"  ("course_id") `);
    await queryRunner.query(
      `CREATE TABLE "lesson_stats" ("lesson_id" uuid NOT NULL, "shard" smallint NOT NULL, "course_id" uuid NOT NULL, "started" integer NOT NULL DEFAULT '0', "completed" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_2f956787256ae18637e1f94aca7" PRIMARY KEY ("lesson_id", "shard"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_lesson_stats_course_id" ON "lesson_stats"  ("course_id") `);
    await queryRunner.query(
      `CREATE TABLE "question_stats" ("lesson_id" uuid NOT NULL, "question_key" text NOT NULL, "shard" smallint NOT NULL, "course_id" uuid NOT NULL, "answers" integer NOT NULL DEFAULT '0', "correct" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_80a231cb48b15ea4a588f2710a5" PRIMARY KEY ("lesson_id", "question_key", "shard"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_question_stats_course_id" ON "question_stats"  ("course_id") `);
    await queryRunner.query(`ALTER TABLE "users" ADD "privacy_version" text`);
    await queryRunner.query(`ALTER TABLE "users" ADD "privacy_accepted_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `ALTER TABLE "cohort_members" ADD CONSTRAINT "FK_bde9c54a6a6fa9bf6fcecad1e03" FOREIGN KEY ("cohort_id") REFERENCES "cohorts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cohort_members" ADD CONSTRAINT "FK_94586924fd1c63d7a51d3767074" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "join_codes" ADD CONSTRAINT "FK_1be83f206d47135b1ab61576e3f" FOREIGN KEY ("cohort_id") REFERENCES "cohorts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cohort_courses" ADD CONSTRAINT "FK_5d6cd97093d207c9c0fcdd8bcc1" FOREIGN KEY ("cohort_id") REFERENCES "cohorts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cohort_courses" ADD CONSTRAINT "FK_7e7086ddeae8cae2cb6d2cead1c" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "lesson_stats" ADD CONSTRAINT "FK_6163c3f7df2cdfbc67d4fbb7a15" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "question_stats" ADD CONSTRAINT "FK_2bfe570f4b543b4e674e582326a" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`CREATE INDEX "idx_enrolments_course_status" ON "enrolments" ("course_id", "status")`);
    await queryRunner.query(`CREATE INDEX "idx_enrolments_last_activity_at" ON "enrolments" ("last_activity_at")`);
    await queryRunner.query(`CREATE INDEX "idx_users_display_name" ON "users" ("display_name", "id")`);
    await queryRunner.query(`ALTER TABLE "login_throttle" DROP CONSTRAINT "chk_login_throttle_bucket"`);
    await queryRunner.query(
      `ALTER TABLE "login_throttle" ADD CONSTRAINT "chk_login_throttle_bucket" CHECK ("bucket" IN ('login_account', 'login_ip', 'reset_account', 'reset_ip', 'join_ip'))`,
    );
    // Counters for progress recorded before this migration.
    await queryRunner.query(`INSERT INTO lesson_stats (lesson_id, shard, course_id, started, completed)
      SELECT lesson_id, (abs(hashtext(user_id::text)) % 16)::smallint, course_id, count(*), count(*) FILTER (WHERE status IN ('completed', 'skipped'))
        FROM lesson_progress GROUP BY 1, 2, 3`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "login_throttle" WHERE "bucket" = 'join_ip'`);
    await queryRunner.query(`ALTER TABLE "login_throttle" DROP CONSTRAINT "chk_login_throttle_bucket"`);
    await queryRunner.query(
      `ALTER TABLE "login_throttle" ADD CONSTRAINT "chk_login_throttle_bucket" CHECK ("bucket" IN ('login_account', 'login_ip', 'reset_account', 'reset_ip'))`,
    );
    await queryRunner.query(`DROP INDEX "public"."idx_users_display_name"`);
    await queryRunner.query(`DROP INDEX "public"."idx_enrolments_last_activity_at"`);
    await queryRunner.query(`DROP INDEX "public"."idx_enrolments_course_status"`);
    await queryRunner.query(`ALTER TABLE "question_stats" DROP CONSTRAINT "FK_2bfe570f4b543b4e674e582326a"`);
    await queryRunner.query(`ALTER TABLE "lesson_stats" DROP CONSTRAINT "FK_6163c3f7df2cdfbc67d4fbb7a15"`);
    await queryRunner.query(`ALTER TABLE "cohort_courses" DROP CONSTRAINT "FK_7e7086ddeae8cae2cb6d2cead1c"`);
    await queryRunner.query(`ALTER TABLE "cohort_courses" DROP CONSTRAINT "FK_5d6cd97093d207c9c0fcdd8bcc1"`);
    await queryRunner.query(`ALTER TABLE "join_codes" DROP CONSTRAINT "FK_1be83f206d47135b1ab61576e3f"`);
    await queryRunner.query(`ALTER TABLE "cohort_members" DROP CONSTRAINT "FK_94586924fd1c63d7a51d3767074"`);
    await queryRunner.query(`ALTER TABLE "cohort_members" DROP CONSTRAINT "FK_bde9c54a6a6fa9bf6fcecad1e03"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "privacy_accepted_at"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "privacy_version"`);
    await queryRunner.query(`DROP INDEX "public"."idx_question_stats_course_id"`);
    await queryRunner.query(`DROP TABLE "question_stats"`);
    await queryRunner.query(`DROP INDEX "public"."idx_lesson_stats_course_id"`);
    await queryRunner.query(`DROP TABLE "lesson_stats"`);
    await queryRunner.query(`DROP INDEX "public"."idx_cohort_courses_course_id"`);
    await queryRunner.query(`DROP TABLE "cohort_courses"`);
    await queryRunner.query(`DROP INDEX "public"."idx_join_codes_cohort_id"`);
    await queryRunner.query(`DROP TABLE "join_codes"`);
    await queryRunner.query(`DROP INDEX "public"."idx_cohort_members_cohort_role"`);
    await queryRunner.query(`DROP INDEX "public"."idx_cohort_members_user_id"`);
    await queryRunner.query(`DROP TABLE "cohort_members"`);
    await queryRunner.query(`DROP TABLE "cohorts"`);
  }
}
