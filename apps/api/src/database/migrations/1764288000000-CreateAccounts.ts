import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts, sessions, one-time reset codes, sign-in throttling and the append-only audit log.
 * Generated from the entities with TypeORM's schema builder, then read; the audit trigger is by hand
 * (a purge of old rows sets `dari.audit_purge` = 'on' for its own transaction).
 */
export class CreateAccounts1764288000000 implements MigrationInterface {
  name = 'CreateAccounts1764288000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_id" uuid, "action" text NOT NULL, "target_user_id" uuid, "request_id" text, "details" jsonb NOT NULL DEFAULT '{}', CONSTRAINT "PK_910f64d901a5c3e9878f0d4a407" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_audit_events_occurred_at" ON "audit_events"  ("occurred_at") `);
    await queryRunner.query(`CREATE INDEX "idx_audit_events_actor_id" ON "audit_events"  ("actor_id") `);
    await queryRunner.query(`CREATE INDEX "idx_audit_events_target_user_id" ON "audit_events"  ("target_user_id") `);
    await queryRunner.query(
      `CREATE TABLE "login_throttle" ("bucket" text NOT NULL, "key_hash" text NOT NULL, "window_start" TIMESTAMP WITH TIME ZONE NOT NULL, "failures" integer NOT NULL DEFAULT '0', CONSTRAINT "chk_login_throttle_bucket" CHECK ("bucket" IN ('login_account', 'login_ip', 'reset_account', 'reset_ip')), CONSTRAINT "PK_abff52be0d9ddb59e9399e76eb9" PRIMARY KEY ("bucket", "key_hash", "window_start"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_login_throttle_window_start" ON "login_throttle"  ("window_start") `);
    await queryRunner.query(
      `CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "username" text NOT NULL, "display_name" text NOT NULL, "role" text NOT NULL, "status" text NOT NULL DEFAULT 'active', "locale" text NOT NULL DEFAULT 'ko', "password_hash" text, "password_changed_at" TIMESTAMP WITH TIME ZONE, "last_login_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_fe0bb3f6520ee0469504521e710" UNIQUE ("username"), CONSTRAINT "chk_users_locale" CHECK ("locale" IN ('ko', 'en', 'zh')), CONSTRAINT "chk_users_status" CHECK ("status" IN ('active', 'disabled')), CONSTRAINT "chk_users_role" CHECK ("role" IN ('learner', 'instructor', 'manager', 'admin')), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "token_hash" text NOT NULL, "shared_device" boolean NOT NULL DEFAULT false, "user_agent" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, "idle_expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "UQ_abaa9e068cdd390bc5210f79884" UNIQUE ("token_hash"), CONSTRAINT "PK_3238ef96f18b355b671619111bc" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_sessions_user_id" ON "sessions"  ("user_id") `);
    await queryRunner.query(`CREATE INDEX "idx_sessions_expires_at" ON "sessions"  ("expires_at") `);
    await queryRunner.query(
      `CREATE TABLE "reset_codes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "code_hash" text NOT NULL, "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_f1041824f58e3e7005699cb1f5a" UNIQUE ("code_hash"), CONSTRAINT "PK_735ca60fce997c11d0d7b7bc079" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_reset_codes_user_id" ON "reset_codes"  ("user_id") `);
    await queryRunner.query(`CREATE INDEX "idx_reset_codes_created_by_id" ON "reset_codes"  ("created_by_id") `);
    await queryRunner.query(
      `ALTER TABLE "sessions" ADD CONSTRAINT "FK_085d540d9f418cfbdc7bd55bb19" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "reset_codes" ADD CONSTRAINT "FK_3fa64c9595927527e4e00077ae8" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "reset_codes" ADD CONSTRAINT "FK_3e54ce281f4bd0d436a31ddd565" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `CREATE FUNCTION dari_refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF current_setting('dari.audit_purge', true) = 'on' AND TG_OP = 'DELETE' THEN RETURN OLD; END IF; RAISE EXCEPTION 'audit_events is append-only'; END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER trg_audit_events_append_only BEFORE UPDATE OR DELETE ON "audit_events" FOR EACH ROW EXECUTE FUNCTION dari_refuse_audit_change()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER trg_audit_events_no_truncate BEFORE TRUNCATE ON "audit_events" FOR EACH STATEMENT EXECUTE FUNCTION dari_refuse_audit_change()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER trg_audit_events_no_truncate ON "audit_events"`);
    await queryRunner.query(`DROP TRIGGER trg_audit_events_append_only ON "audit_events"`);
    await queryRunner.query(`DROP FUNCTION dari_refuse_audit_change()`);
    await queryRunner.query(`ALTER TABLE "reset_codes" DROP CONSTRAINT "FK_3e54ce281f4bd0d436a31ddd565"`);
    await queryRunner.query(`ALTER TABLE "reset_codes" DROP CONSTRAINT "FK_3fa64c9595927527e4e00077ae8"`);
    await queryRunner.query(`ALTER TABLE "sessions" DROP CONSTRAINT "FK_085d540d9f418cfbdc7bd55bb19"`);
    await queryRunner.query(`DROP INDEX "public"."idx_reset_codes_created_by_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_reset_codes_user_id"`);
    await queryRunner.query(`DROP TABLE "reset_codes"`);
    await queryRunner.query(`DROP INDEX "public"."idx_sessions_expires_at"`);
    await queryRunner.query(`DROP INDEX "public"."idx_sessions_user_id"`);
    await queryRunner.query(`DROP TABLE "sessions"`);
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`DROP INDEX "public"."idx_login_throttle_window_start"`);
    await queryRunner.query(`DROP TABLE "login_throttle"`);
    await queryRunner.query(`DROP INDEX "public"."idx_audit_events_target_user_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_audit_events_actor_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_audit_events_occurred_at"`);
    await queryRunner.query(`DROP TABLE "audit_events"`);
  }
}
