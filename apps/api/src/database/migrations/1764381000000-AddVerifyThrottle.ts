import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The public certificate verification is throttled per address like sign-in and join codes: a new
 * `verify_ip` bucket in login_throttle. By hand, like the join_ip change in CreatePrograms: the schema
 * diff compares check constraints by name only, so it does not see a changed expression. `down`
 * first deletes the rows of the new bucket, which the old constraint would refuse.
 */
export class AddVerifyThrottle1764381000000 implements MigrationInterface {
  name = 'AddVerifyThrottle1764381000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "login_throttle" DROP CONSTRAINT "chk_login_throttle_bucket"`);
    await queryRunner.query(
      `ALTER TABLE "login_throttle" ADD CONSTRAINT "chk_login_throttle_bucket" CHECK ("bucket" IN ('login_account', 'login_ip', 'reset_account', 'reset_ip', 'join_ip', 'verify_ip'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "login_throttle" WHERE "bucket" = 'verify_ip'`);
    await queryRunner.query(`ALTER TABLE "login_throttle" DROP CONSTRAINT "chk_login_throttle_bucket"`);
    await queryRunner.query(
      `ALTER TABLE "login_throttle" ADD CONSTRAINT "chk_login_throttle_bucket" CHECK ("bucket" IN ('login_account', 'login_ip', 'reset_account', 'reset_ip', 'join_ip'))`,
    );
  }
}
