import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Device cookies (issue 21, docs/sign-in-limits.md): `app_secrets` keeps the random secret that signs
 * them (made by the app on first use), and login_throttle gets two buckets, `login_device` (failures
 * on one account from a device that holds its cookie) and `login_ip_known` (failures per address of
 * requests that carry a valid device cookie). The table from `npm run schema:diff`; the constraint by
 * hand, like AddVerifyThrottle: the diff compares check constraints by name only. `down` first deletes
 * the rows of the new buckets, which the old constraint would refuse.
 */
export class AddDeviceCookies1764392000000 implements MigrationInterface {
  name = 'AddDeviceCookies1764392000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "app_secrets" ("name" text NOT NULL, "value" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6c785a9da9881929b0d1d780423" PRIMARY KEY ("name"))`,
    );
    await queryRunner.query(`ALTER TABLE "login_throttle" DROP CONSTRAINT "chk_login_throttle_bucket"`);
    await queryRunner.query(
      `ALTER TABLE "login_throttle" ADD CONSTRAINT "chk_login_throttle_bucket" CHECK ("bucket" IN ('login_account', 'login_device', 'login_ip', 'login_ip_known', 'reset_account', 'reset_ip', 'join_ip', 'verify_ip'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "login_throttle" WHERE "bucket" IN ('login_device', 'login_ip_known')`);
    await queryRunner.query(`ALTER TABLE "login_throttle" DROP CONSTRAINT "chk_login_throttle_bucket"`);
    await queryRunner.query(
      `ALTER TABLE "login_throttle" ADD CONSTRAINT "chk_login_throttle_bucket" CHECK ("bucket" IN ('login_account', 'login_ip', 'reset_account', 'reset_ip', 'join_ip', 'verify_ip'))`,
    );
    await queryRunner.query(`DROP TABLE "app_secrets"`);
  }
}
