import type { MigrationInterface, QueryRunner } from 'typeorm';

/** When an account was erased (the row stays, pseudonymous). Generated with `npm run schema:diff`, then read. */
export class AddUserErasure1764340000000 implements MigrationInterface {
  name = 'AddUserErasure1764340000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD "erased_at" TIMESTAMP WITH TIME ZONE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "erased_at"`);
  }
}
