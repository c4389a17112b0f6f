import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each API process keeps recently used sessions in memory for a few seconds (auth/session-cache.ts).
 * Whatever ends a session or changes who may use it tells every process at once, through
 * PostgreSQL itself, so no path can forget to: deleting sessions (sign-out, "end other sessions",
 * password change, erasure, an account deleted) and changing an account's status or role each send
 * `NOTIFY dari_sessions, '<user id>'` — delivered when the transaction commits, never if it rolls back.
 */
export class SessionRevocationNotify1764451000000 implements MigrationInterface {
  name = 'SessionRevocationNotify1764451000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION dari_sessions_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('dari_sessions', gone.user_id::text) FROM (SELECT DISTINCT user_id FROM old_rows) gone;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION dari_user_access_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('dari_sessions', NEW.id::text);
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER trg_sessions_revoked AFTER DELETE ON sessions REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dari_sessions_deleted()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER trg_users_access_changed AFTER UPDATE OF status, role ON users FOR EACH ROW
         WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.role IS DISTINCT FROM NEW.role)
         EXECUTE FUNCTION dari_user_access_changed()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER trg_users_access_changed ON users`);
    await queryRunner.query(`DROP TRIGGER trg_sessions_revoked ON sessions`);
    await queryRunner.query(`DROP FUNCTION dari_user_access_changed()`);
    await queryRunner.query(`DROP FUNCTION dari_sessions_deleted()`);
  }
}
