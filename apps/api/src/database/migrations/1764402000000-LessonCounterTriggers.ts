import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The per-lesson funnel (`lesson_stats`) and the per-question answers (`question_stats`) are kept by
 * triggers, like the other report counters (AddProgramCounters), instead of by the learning code:
 * one way for every counter (docs/database.md, "Counters").
 *
 * - lesson_stats: a lesson_progress row inserted is one more learner who started the lesson (and one
 *   more who finished it, if it arrives done); a row whose status becomes completed or skipped from
 *   anything else is one more who finished. A status never leaves done, so nothing is taken back.
 * - question_stats: each quiz_attempts row inserted is one more answer to each graded question in its
 *   `correct` object, and one more right answer for each true there.
 *
 * Erasure pseudonymises these rows (the programme's numbers stay right), so it changes no counter;
 * a deleted course takes its counters with it (ON DELETE CASCADE). Sharded by learner with
 * dari_shard, like course_stats: the counter rows written before this migration (sharded by the
 * app's own rule) stay where they are, since every report sums over the shards. No backfill: the
 * counters were already right.
 */
export class LessonCounterTriggers1764402000000 implements MigrationInterface {
  name = 'LessonCounterTriggers1764402000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION dari_lesson_progress_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO lesson_stats AS s (lesson_id, shard, course_id, started, completed)
          VALUES (NEW.lesson_id, dari_shard(NEW.user_id), NEW.course_id, 1, (NEW.status IN ('completed', 'skipped'))::int)
          ON CONFLICT (lesson_id, shard) DO UPDATE SET started = s.started + 1, completed = s.completed + EXCLUDED.completed;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION dari_lesson_progress_done() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO lesson_stats AS s (lesson_id, shard, course_id, started, completed)
          VALUES (NEW.lesson_id, dari_shard(NEW.user_id), NEW.course_id, 0, 1)
          ON CONFLICT (lesson_id, shard) DO UPDATE SET completed = s.completed + 1;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION dari_quiz_attempt_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO question_stats AS s (lesson_id, question_key, shard, course_id, answers, correct)
          SELECT NEW.lesson_id, k.key, dari_shard(NEW.user_id), NEW.course_id, 1, (k.value = 'true'::jsonb)::int
            FROM jsonb_each(NEW.correct) AS k
          ON CONFLICT (lesson_id, question_key, shard) DO UPDATE SET answers = s.answers + 1, correct = s.correct + EXCLUDED.correct;
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER dari_lesson_progress_inserted AFTER INSERT ON lesson_progress FOR EACH ROW EXECUTE FUNCTION dari_lesson_progress_inserted()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER dari_lesson_progress_done AFTER UPDATE OF status ON lesson_progress FOR EACH ROW
         WHEN (OLD.status NOT IN ('completed', 'skipped') AND NEW.status IN ('completed', 'skipped'))
         EXECUTE FUNCTION dari_lesson_progress_done()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER dari_quiz_attempt_inserted AFTER INSERT ON quiz_attempts FOR EACH ROW EXECUTE FUNCTION dari_quiz_attempt_inserted()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER dari_quiz_attempt_inserted ON quiz_attempts`);
    await queryRunner.query(`DROP TRIGGER dari_lesson_progress_done ON lesson_progress`);
    await queryRunner.query(`DROP TRIGGER dari_lesson_progress_inserted ON lesson_progress`);
    await queryRunner.query(`DROP FUNCTION dari_quiz_attempt_inserted()`);
    await queryRunner.query(`DROP FUNCTION dari_lesson_progress_done()`);
    await queryRunner.query(`DROP FUNCTION dari_lesson_progress_inserted()`);
  }
}
