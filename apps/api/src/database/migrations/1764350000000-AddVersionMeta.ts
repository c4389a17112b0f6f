import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * course_versions.meta: the title, summary, language, tags, minutes and cover of a version, so that
 * lists and headers do not unpack whole snapshots. Versions are immutable: the backfill lifts the
 * trigger for its own statement only.
 */
export class AddVersionMeta1764350000000 implements MigrationInterface {
  name = 'AddVersionMeta1764350000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "course_versions" ADD "meta" jsonb`);
    await queryRunner.query(`ALTER TABLE "course_versions" DISABLE TRIGGER trg_course_versions_immutable`);
    await queryRunner.query(
      `UPDATE "course_versions" SET meta = jsonb_build_object('title', snapshot->'title', 'summary', snapshot->'summary', 'language', snapshot->'language',
              'tags', snapshot->'tags', 'estimatedMinutes', snapshot->'estimatedMinutes', 'coverMediaId', snapshot->'coverMediaId')`,
    );
    await queryRunner.query(`ALTER TABLE "course_versions" ENABLE TRIGGER trg_course_versions_immutable`);
    await queryRunner.query(`ALTER TABLE "course_versions" ALTER COLUMN "meta" SET NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "course_versions" DROP COLUMN "meta"`);
  }
}
