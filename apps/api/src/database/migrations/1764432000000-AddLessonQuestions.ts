import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Questions to the instructor (issue 17, docs/learning-together.md): `lesson_questions` holds a
 * learner's private question about a lesson and its answer; `lesson_qa` holds what an instructor
 * published under the lesson, in their own edited words, with no column that points at the asker.
 */
export class AddLessonQuestions1764432000000 implements MigrationInterface {
  name = 'AddLessonQuestions1764432000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "lesson_questions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "course_id" uuid NOT NULL, "lesson_id" uuid NOT NULL, "text" text NOT NULL, "status" text NOT NULL DEFAULT 'open', "answer" text, "answered_by" uuid, "answered_at" TIMESTAMP WITH TIME ZONE, "published_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_lesson_questions_status" CHECK ("status" IN ('open', 'answered')), CONSTRAINT "PK_a90c71312451e7b01e96521e856" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_lesson_questions_user_id" ON "lesson_questions"  ("user_id") `);
    await queryRunner.query(`CREATE INDEX "idx_lesson_questions_course_id" ON "lesson_questions"  ("course_id") `);
    await queryRunner.query(`CREATE INDEX "idx_lesson_questions_answered_by" ON "lesson_questions"  ("answered_by") `);
    await queryRunner.query(
      `CREATE TABLE "lesson_qa" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "course_id" uuid NOT NULL, "lesson_id" uuid NOT NULL, "question" text NOT NULL, "answer" text NOT NULL, "published_by" uuid, "published_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_49986cb7c895887b278df03ffa0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_lesson_qa_course_id" ON "lesson_qa"  ("course_id") `);
    await queryRunner.query(`CREATE INDEX "idx_lesson_qa_published_by" ON "lesson_qa"  ("published_by") `);
    await queryRunner.query(
      `CREATE INDEX "idx_lesson_qa_lesson_published" ON "lesson_qa"  ("lesson_id", "published_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "lesson_questions" ADD CONSTRAINT "FK_db9df72e1cb3e715a8d448eb942" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "lesson_questions" ADD CONSTRAINT "FK_59ecb08f1642a4e1bceaa7fb491" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "lesson_questions" ADD CONSTRAINT "FK_b2035c8ecfb59239cda8166e4d8" FOREIGN KEY ("answered_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "lesson_qa" ADD CONSTRAINT "FK_ce052bae28fcbb8911f9e5c133b" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "lesson_qa" ADD CONSTRAINT "FK_c0ce6a962f4b54f10722e1d96ce" FOREIGN KEY ("published_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "lesson_qa" DROP CONSTRAINT "FK_c0ce6a962f4b54f10722e1d96ce"`);
    await queryRunner.query(`ALTER TABLE "lesson_qa" DROP CONSTRAINT "FK_ce052bae28fcbb8911f9e5c133b"`);
    await queryRunner.query(`ALTER TABLE "lesson_questions" DROP CONSTRAINT "FK_b2035c8ecfb59239cda8166e4d8"`);
    await queryRunner.query(`ALTER TABLE "lesson_questions" DROP CONSTRAINT "FK_59ecb08f1642a4e1bceaa7fb491"`);
    await queryRunner.query(`ALTER TABLE "lesson_questions" DROP CONSTRAINT "FK_db9df72e1cb3e715a8d448eb942"`);
    await queryRunner.query(`DROP INDEX "public"."idx_lesson_qa_lesson_published"`);
    await queryRunner.query(`DROP INDEX "public"."idx_lesson_qa_published_by"`);
    await queryRunner.query(`DROP INDEX "public"."idx_lesson_qa_course_id"`);
    await queryRunner.query(`DROP TABLE "lesson_qa"`);
    await queryRunner.query(`DROP INDEX "public"."idx_lesson_questions_answered_by"`);
    await queryRunner.query(`DROP INDEX "public"."idx_lesson_questions_course_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_lesson_questions_user_id"`);
    await queryRunner.query(`DROP TABLE "lesson_questions"`);
  }
}
