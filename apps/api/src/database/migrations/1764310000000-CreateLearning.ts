import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Learning: enrolments, the append-only learning event log (client-made ids), per-lesson progress,
 * quiz attempts, the private journal, certificates, and the lessons of each latest published version.
 * Generated with `npm run schema:diff`, then read.
 */
export class CreateLearning1764310000000 implements MigrationInterface {
  name = 'CreateLearning1764310000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "enrolments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "course_id" uuid NOT NULL, "status" text NOT NULL DEFAULT 'active', "source" text NOT NULL DEFAULT 'self', "percent" integer NOT NULL DEFAULT '0', "enrolled_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "completed_at" TIMESTAMP WITH TIME ZONE, "withdrawn_at" TIMESTAMP WITH TIME ZONE, "last_activity_at" TIMESTAMP WITH TIME ZONE, "last_lesson_id" uuid, CONSTRAINT "uq_enrolments_user_course" UNIQUE ("user_id", "course_id"), CONSTRAINT "chk_enrolments_percent" CHECK ("percent" BETWEEN 0 AND 100), CONSTRAINT "chk_enrolments_source" CHECK ("source" IN ('self', 'code', 'cohort')), CONSTRAINT "chk_enrolments_status" CHECK ("status" IN ('active', 'completed', 'withdrawn')), CONSTRAINT "PK_6e79971fbd26967c4da9ed52770" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_enrolments_course_id" ON "enrolments"  ("course_id") `);
    await queryRunner.query(
      `CREATE TABLE "learning_events" ("id" uuid NOT NULL, "user_id" uuid NOT NULL, "course_id" uuid NOT NULL, "lesson_id" uuid NOT NULL, "course_version" integer NOT NULL, "type" text NOT NULL, "payload" jsonb NOT NULL DEFAULT '{}', "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_learning_events_type" CHECK ("type" IN ('viewed', 'completed', 'skipped', 'position', 'time_spent', 'quiz_submitted', 'reflection_saved')), CONSTRAINT "PK_ae528cc9815d53624aca51b2e54" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_learning_events_course_id" ON "learning_events"  ("course_id") `);
    await queryRunner.query(
      `CREATE INDEX "idx_learning_events_user_course" ON "learning_events"  ("user_id", "course_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "lesson_progress" ("user_id" uuid NOT NULL, "lesson_id" uuid NOT NULL, "course_id" uuid NOT NULL, "status" text NOT NULL DEFAULT 'in_progress', "time_spent_seconds" integer NOT NULL DEFAULT '0', "best_score" integer, "passed" boolean, "attempts" integer NOT NULL DEFAULT '0', "position" double precision, "completed_at" TIMESTAMP WITH TIME ZONE, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_lesson_progress_status" CHECK ("status" IN ('not_started', 'in_progress', 'completed', 'skipped')), CONSTRAINT "PK_f34e3a227170e0ce674e0afb58a" PRIMARY KEY ("user_id", "lesson_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_lesson_progress_course_id" ON "lesson_progress"  ("course_id") `);
    await queryRunner.query(
      `CREATE TABLE "quiz_attempts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "course_id" uuid NOT NULL, "lesson_id" uuid NOT NULL, "event_id" uuid NOT NULL, "answers" jsonb NOT NULL, "correct" jsonb NOT NULL, "score" integer NOT NULL, "passed" boolean NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "UQ_a46aea46f128147e351c34f07d3" UNIQUE ("event_id"), CONSTRAINT "PK_a84a93fb092359516dc5b325b90" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_quiz_attempts_user_lesson" ON "quiz_attempts"  ("user_id") `);
    await queryRunner.query(`CREATE INDEX "idx_quiz_attempts_course_id" ON "quiz_attempts"  ("course_id") `);
    await queryRunner.query(
      `CREATE TABLE "journal_entries" ("user_id" uuid NOT NULL, "lesson_id" uuid NOT NULL, "course_id" uuid NOT NULL, "text" text NOT NULL, "shared" boolean NOT NULL DEFAULT false, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0096a236cf1d0c681361529d6e0" PRIMARY KEY ("user_id", "lesson_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_journal_entries_course_id" ON "journal_entries"  ("course_id") `);
    await queryRunner.query(
      `CREATE TABLE "certificates" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid, "course_id" uuid NOT NULL, "code" text NOT NULL, "name" text NOT NULL, "course_title" jsonb NOT NULL, "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_e9e6937f74d9a653f0fc3299132" UNIQUE ("code"), CONSTRAINT "uq_certificates_user_course" UNIQUE ("user_id", "course_id"), CONSTRAINT "PK_e4c7e31e2144300bea7d89eb165" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_certificates_course_id" ON "certificates"  ("course_id") `);
    await queryRunner.query(
      `CREATE TABLE "published_lessons" ("lesson_id" uuid NOT NULL, "course_id" uuid NOT NULL, "version" integer NOT NULL, "position" integer NOT NULL, "kind" text NOT NULL, "required" boolean NOT NULL, "has_content_note" boolean NOT NULL, CONSTRAINT "chk_published_lessons_kind" CHECK ("kind" IN ('reading', 'media', 'quiz', 'reflection')), CONSTRAINT "PK_dcce483328c8273d1d051487583" PRIMARY KEY ("lesson_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_published_lessons_course_id" ON "published_lessons"  ("course_id") `);
    await queryRunner.query(
      `ALTER TABLE "enrolments" ADD CONSTRAINT "FK_7eb4b01f52fb0ce0e3136d87c76" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "enrolments" ADD CONSTRAINT "FK_88e4829cd9da8e01cc305788db5" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "learning_events" ADD CONSTRAINT "FK_906f38b0856b9ae7035ce1a3dce" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "learning_events" ADD CONSTRAINT "FK_6dbdc792d6424175f46a0721d85" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "lesson_progress" ADD CONSTRAINT "FK_0d9292b3eb40707950eeeba9617" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "lesson_progress" ADD CONSTRAINT "FK_112753761c2a01adab9677b717f" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "quiz_attempts" ADD CONSTRAINT "FK_1701aaf48f6a78e96bfe08dd395" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "quiz_attempts" ADD CONSTRAINT "FK_c6c135ad0a3bea8611f7ada7a36" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "journal_entries" ADD CONSTRAINT "FK_17b75f0f14fb4d037575c03174a" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "journal_entries" ADD CONSTRAINT "FK_94158a932d3f333902096e115e7" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "certificates" ADD CONSTRAINT "FK_88f90b1b9c635c14271e509cec0" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "certificates" ADD CONSTRAINT "FK_3b6a412073ea28153dc20a843b4" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "published_lessons" ADD CONSTRAINT "FK_d639012f4b816cdc5e4128b8a18" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // Courses published before this migration get their published lessons from their latest snapshot.
    await queryRunner.query(`INSERT INTO published_lessons (lesson_id, course_id, version, position, kind, required, has_content_note)
      SELECT (l.value->>'id')::uuid, c.id, v.version, (row_number() OVER (PARTITION BY c.id ORDER BY m.ordinality, l.ordinality) - 1)::int,
             l.value->>'kind', (l.value->>'required')::boolean, (l.value->'contentNote') IS NOT NULL AND jsonb_typeof(l.value->'contentNote') = 'object'
        FROM courses c
        JOIN course_versions v ON v.course_id = c.id AND v.version = c.latest_version
        CROSS JOIN LATERAL jsonb_array_elements(v.snapshot->'modules') WITH ORDINALITY AS m(value, ordinality)
        CROSS JOIN LATERAL jsonb_array_elements(m.value->'lessons') WITH ORDINALITY AS l(value, ordinality)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "published_lessons" DROP CONSTRAINT "FK_d639012f4b816cdc5e4128b8a18"`);
    await queryRunner.query(`ALTER TABLE "certificates" DROP CONSTRAINT "FK_3b6a412073ea28153dc20a843b4"`);
    await queryRunner.query(`ALTER TABLE "certificates" DROP CONSTRAINT "FK_88f90b1b9c635c14271e509cec0"`);
    await queryRunner.query(`ALTER TABLE "journal_entries" DROP CONSTRAINT "FK_94158a932d3f333902096e115e7"`);
    await queryRunner.query(`ALTER TABLE "journal_entries" DROP CONSTRAINT "FK_17b75f0f14fb4d037575c03174a"`);
    await queryRunner.query(`ALTER TABLE "quiz_attempts" DROP CONSTRAINT "FK_c6c135ad0a3bea8611f7ada7a36"`);
    await queryRunner.query(`ALTER TABLE "quiz_attempts" DROP CONSTRAINT "FK_1701aaf48f6a78e96bfe08dd395"`);
    await queryRunner.query(`ALTER TABLE "lesson_progress" DROP CONSTRAINT "FK_112753761c2a01adab9677b717f"`);
    await queryRunner.query(`ALTER TABLE "lesson_progress" DROP CONSTRAINT "FK_0d9292b3eb40707950eeeba9617"`);
    await queryRunner.query(`ALTER TABLE "learning_events" DROP CONSTRAINT "FK_6dbdc792d6424175f46a0721d85"`);
    await queryRunner.query(`ALTER TABLE "learning_events" DROP CONSTRAINT "FK_906f38b0856b9ae7035ce1a3dce"`);
    await queryRunner.query(`ALTER TABLE "enrolments" DROP CONSTRAINT "FK_88e4829cd9da8e01cc305788db5"`);
    await queryRunner.query(`ALTER TABLE "enrolments" DROP CONSTRAINT "FK_7eb4b01f52fb0ce0e3136d87c76"`);
    await queryRunner.query(`DROP INDEX "public"."idx_published_lessons_course_id"`);
    await queryRunner.query(`DROP TABLE "published_lessons"`);
    await queryRunner.query(`DROP INDEX "public"."idx_certificates_course_id"`);
    await queryRunner.query(`DROP TABLE "certificates"`);
    await queryRunner.query(`DROP INDEX "public"."idx_journal_entries_course_id"`);
    await queryRunner.query(`DROP TABLE "journal_entries"`);
    await queryRunner.query(`DROP INDEX "public"."idx_quiz_attempts_course_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_quiz_attempts_user_lesson"`);
    await queryRunner.query(`DROP TABLE "quiz_attempts"`);
    await queryRunner.query(`DROP INDEX "public"."idx_lesson_progress_course_id"`);
    await queryRunner.query(`DROP TABLE "lesson_progress"`);
    await queryRunner.query(`DROP INDEX "public"."idx_learning_events_user_course"`);
    await queryRunner.query(`DROP INDEX "public"."idx_learning_events_course_id"`);
    await queryRunner.query(`DROP TABLE "learning_events"`);
    await queryRunner.query(`DROP INDEX "public"."idx_enrolments_course_id"`);
    await queryRunner.query(`DROP TABLE "enrolments"`);
  }
}
