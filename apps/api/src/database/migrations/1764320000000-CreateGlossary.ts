import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The North/South glossary, learners' word lists and word requests. Generated with `npm run schema:diff`, then read. */
export class CreateGlossary1764320000000 implements MigrationInterface {
  name = 'CreateGlossary1764320000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "glossary_terms" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "term" text NOT NULL, "initials" text NOT NULL, "north_korean" text array NOT NULL DEFAULT '{}', "explanation" text NOT NULL, "gloss_en" text NOT NULL, "gloss_zh" text NOT NULL, "example" text NOT NULL, "tags" text array NOT NULL DEFAULT '{}', "related" text array NOT NULL DEFAULT '{}', "updated_by" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_799093e0ad9ad2abe9e69ca5689" UNIQUE ("term"), CONSTRAINT "PK_fefd4f0542fe2cb5f044782aab2" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_glossary_terms_initials" ON "glossary_terms"  ("initials") `);
    await queryRunner.query(
      `CREATE TABLE "word_list" ("user_id" uuid NOT NULL, "term_id" uuid NOT NULL, "added_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_76d745818f3be2d4c53a6790888" PRIMARY KEY ("user_id", "term_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_word_list_term_id" ON "word_list"  ("term_id") `);
    await queryRunner.query(
      `CREATE TABLE "word_requests" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "text" text NOT NULL, "lesson_id" uuid, "course_id" uuid, "status" text NOT NULL DEFAULT 'open', "term_id" uuid, "answered_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "answered_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "chk_word_requests_status" CHECK ("status" IN ('open', 'answered', 'dismissed')), CONSTRAINT "PK_89dde692d574d3625720500ac3f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_word_requests_user_id" ON "word_requests"  ("user_id") `);
    await queryRunner.query(`CREATE INDEX "idx_word_requests_course_id" ON "word_requests"  ("course_id") `);
    await queryRunner.query(`CREATE INDEX "idx_word_requests_term_id" ON "word_requests"  ("term_id") `);
    await queryRunner.query(
      `ALTER TABLE "word_list" ADD CONSTRAINT "FK_8e466b17a5c28af452ddb7a76a9" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "word_list" ADD CONSTRAINT "FK_70275fdb0e3c064f83988ec3759" FOREIGN KEY ("term_id") REFERENCES "glossary_terms"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "word_requests" ADD CONSTRAINT "FK_029f391032db92cd2ba77e91c02" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "word_requests" ADD CONSTRAINT "FK_1bd9811360fab2fd9428dc86c4d" FOREIGN KEY ("term_id") REFERENCES "glossary_terms"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "word_requests" DROP CONSTRAINT "FK_1bd9811360fab2fd9428dc86c4d"`);
    await queryRunner.query(`ALTER TABLE "word_requests" DROP CONSTRAINT "FK_029f391032db92cd2ba77e91c02"`);
    await queryRunner.query(`ALTER TABLE "word_list" DROP CONSTRAINT "FK_70275fdb0e3c064f83988ec3759"`);
    await queryRunner.query(`ALTER TABLE "word_list" DROP CONSTRAINT "FK_8e466b17a5c28af452ddb7a76a9"`);
    await queryRunner.query(`DROP INDEX "public"."idx_word_requests_term_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_word_requests_course_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_word_requests_user_id"`);
    await queryRunner.query(`DROP TABLE "word_requests"`);
    await queryRunner.query(`DROP INDEX "public"."idx_word_list_term_id"`);
    await queryRunner.query(`DROP TABLE "word_list"`);
    await queryRunner.query(`DROP INDEX "public"."idx_glossary_terms_initials"`);
    await queryRunner.query(`DROP TABLE "glossary_terms"`);
  }
}
