import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Course authoring: courses, co-instructors, modules, lessons, immutable published versions, media.
 * Generated with `npm run schema:diff`, then read; the trigger that freezes versions is by hand.
 */
export class CreateCourses1764300000000 implements MigrationInterface {
  name = 'CreateCourses1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "courses" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "slug" text NOT NULL, "status" text NOT NULL DEFAULT 'draft', "language" text NOT NULL DEFAULT 'ko', "title" jsonb NOT NULL, "summary" jsonb NOT NULL, "tags" text array NOT NULL DEFAULT '{}', "enrolment_policy" text NOT NULL DEFAULT 'open', "course_code" text, "sequential" boolean NOT NULL DEFAULT false, "cover_media_id" uuid, "owner_id" uuid, "revision" integer NOT NULL DEFAULT '0', "latest_version" integer, "published_at" TIMESTAMP WITH TIME ZONE, "content_changed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_a3bb2d01cfa0f95bc5e034e1b7a" UNIQUE ("slug"), CONSTRAINT "UQ_b842812430f192167d10f9f99d3" UNIQUE ("course_code"), CONSTRAINT "chk_courses_enrolment_policy" CHECK ("enrolment_policy" IN ('open', 'code', 'cohort')), CONSTRAINT "chk_courses_language" CHECK ("language" IN ('ko', 'en', 'zh')), CONSTRAINT "chk_courses_status" CHECK ("status" IN ('draft', 'published', 'archived')), CONSTRAINT "PK_3f70a487cc718ad8eda4e6d58c9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_courses_owner_id" ON "courses"  ("owner_id") `);
    await queryRunner.query(
      `CREATE TABLE "course_instructors" ("course_id" uuid NOT NULL, "user_id" uuid NOT NULL, CONSTRAINT "PK_f241346add27e0558964b84e966" PRIMARY KEY ("course_id", "user_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_course_instructors_user_id" ON "course_instructors"  ("user_id") `);
    await queryRunner.query(
      `CREATE TABLE "course_modules" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "course_id" uuid NOT NULL, "key" text NOT NULL, "position" integer NOT NULL, "title" jsonb NOT NULL, CONSTRAINT "uq_course_modules_course_key" UNIQUE ("course_id", "key"), CONSTRAINT "PK_4c195db0718e8845a6e09075ebc" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_course_modules_course_id" ON "course_modules"  ("course_id") `);
    await queryRunner.query(
      `CREATE TABLE "course_versions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "course_id" uuid NOT NULL, "version" integer NOT NULL, "snapshot" jsonb NOT NULL, "lesson_count" integer NOT NULL, "published_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "published_by" uuid, CONSTRAINT "uq_course_versions_course_version" UNIQUE ("course_id", "version"), CONSTRAINT "PK_cc9e77578136a62e599f33d15ff" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_course_versions_published_by" ON "course_versions"  ("published_by") `);
    await queryRunner.query(
      `CREATE TABLE "lessons" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "course_id" uuid NOT NULL, "module_id" uuid NOT NULL, "key" text NOT NULL, "position" integer NOT NULL, "kind" text NOT NULL, "title" jsonb NOT NULL, "required" boolean NOT NULL DEFAULT true, "estimated_minutes" integer NOT NULL DEFAULT '5', "content_note" jsonb, "content" jsonb NOT NULL, "revision" integer NOT NULL DEFAULT '0', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_lessons_course_key" UNIQUE ("course_id", "key"), CONSTRAINT "chk_lessons_kind" CHECK ("kind" IN ('reading', 'media', 'quiz', 'reflection')), CONSTRAINT "PK_9b9a8d455cac672d262d7275730" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_lessons_course_id" ON "lessons"  ("course_id") `);
    await queryRunner.query(`CREATE INDEX "idx_lessons_module_id" ON "lessons"  ("module_id") `);
    await queryRunner.query(
      `CREATE TABLE "media" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "course_id" uuid NOT NULL, "uploaded_by" uuid, "filename" text NOT NULL, "content_type" text NOT NULL, "size" integer NOT NULL, "sha256" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f4e0fcac36e050de337b670d8bd" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_media_course_id" ON "media"  ("course_id") `);
    await queryRunner.query(`CREATE INDEX "idx_media_uploaded_by" ON "media"  ("uploaded_by") `);
    await queryRunner.query(
      `ALTER TABLE "courses" ADD CONSTRAINT "FK_8e2bcdb457d982b1dc39e5e0edb" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "course_instructors" ADD CONSTRAINT "FK_ff1fe7ba07418a03281c94fac46" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "course_instructors" ADD CONSTRAINT "FK_c204a45ca0de73f6b7d2d0f9442" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "course_modules" ADD CONSTRAINT "FK_81644557c2401f37fe9e884e884" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "course_versions" ADD CONSTRAINT "FK_34cbd320b458b8cf9e0d580304e" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "lessons" ADD CONSTRAINT "FK_3c4e299cf8ed04093935e2e22fe" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "lessons" ADD CONSTRAINT "FK_35fb2307535d90a6ed290af1f4a" FOREIGN KEY ("module_id") REFERENCES "course_modules"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "media" ADD CONSTRAINT "FK_4356adf61dd85f06cde9a470d08" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "media" ADD CONSTRAINT "FK_8468de6d91985f53a1a3324741c" FOREIGN KEY ("uploaded_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `CREATE FUNCTION dari_refuse_version_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'course_versions are immutable'; END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER trg_course_versions_immutable BEFORE UPDATE ON "course_versions" FOR EACH ROW EXECUTE FUNCTION dari_refuse_version_change()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER trg_course_versions_immutable ON "course_versions"`);
    await queryRunner.query(`DROP FUNCTION dari_refuse_version_change()`);
    await queryRunner.query(`ALTER TABLE "media" DROP CONSTRAINT "FK_8468de6d91985f53a1a3324741c"`);
    await queryRunner.query(`ALTER TABLE "media" DROP CONSTRAINT "FK_4356adf61dd85f06cde9a470d08"`);
    await queryRunner.query(`ALTER TABLE "lessons" DROP CONSTRAINT "FK_35fb2307535d90a6ed290af1f4a"`);
    await queryRunner.query(`ALTER TABLE "lessons" DROP CONSTRAINT "FK_3c4e299cf8ed04093935e2e22fe"`);
    await queryRunner.query(`ALTER TABLE "course_versions" DROP CONSTRAINT "FK_34cbd320b458b8cf9e0d580304e"`);
    await queryRunner.query(`ALTER TABLE "course_modules" DROP CONSTRAINT "FK_81644557c2401f37fe9e884e884"`);
    await queryRunner.query(`ALTER TABLE "course_instructors" DROP CONSTRAINT "FK_c204a45ca0de73f6b7d2d0f9442"`);
    await queryRunner.query(`ALTER TABLE "course_instructors" DROP CONSTRAINT "FK_ff1fe7ba07418a03281c94fac46"`);
    await queryRunner.query(`ALTER TABLE "courses" DROP CONSTRAINT "FK_8e2bcdb457d982b1dc39e5e0edb"`);
    await queryRunner.query(`DROP INDEX "public"."idx_media_uploaded_by"`);
    await queryRunner.query(`DROP INDEX "public"."idx_media_course_id"`);
    await queryRunner.query(`DROP TABLE "media"`);
    await queryRunner.query(`DROP INDEX "public"."idx_lessons_module_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_lessons_course_id"`);
    await queryRunner.query(`DROP TABLE "lessons"`);
    await queryRunner.query(`DROP INDEX "public"."idx_course_versions_published_by"`);
    await queryRunner.query(`DROP TABLE "course_versions"`);
    await queryRunner.query(`DROP INDEX "public"."idx_course_modules_course_id"`);
    await queryRunner.query(`DROP TABLE "course_modules"`);
    await queryRunner.query(`DROP INDEX "public"."idx_course_instructors_user_id"`);
    await queryRunner.query(`DROP TABLE "course_instructors"`);
    await queryRunner.query(`DROP INDEX "public"."idx_courses_owner_id"`);
    await queryRunner.query(`DROP TABLE "courses"`);
  }
}
