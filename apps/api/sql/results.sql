-- Generated from src/**/*.queries.ts by test/sql-files.spec.ts; do not edit by hand.
-- Regenerate (in apps/api): UPDATE_SQL=1 npx vitest run test/sql-files.spec.ts

-- results.myAttempts
SELECT ranked.lesson_id, ranked.answers, ranked.correct, ranked.score, ranked.passed, ranked.submitted_at
     FROM (SELECT qa.lesson_id, qa.answers, qa.correct, qa.score, qa.passed, qa.submitted_at,
                  row_number() OVER (PARTITION BY qa.lesson_id ORDER BY qa.submitted_at DESC) AS nth
             FROM quiz_attempts qa
            WHERE qa.user_id = $1 AND qa.course_id = ANY($2::uuid[])) ranked
    WHERE ranked.nth <= 20
    ORDER BY ranked.lesson_id, ranked.submitted_at DESC;

-- results.myCourses
SELECT e.course_id, c.slug, c.latest_version AS version, e.percent, e.completed_at
     FROM enrolments e
     JOIN courses c ON c.id = e.course_id
    WHERE e.user_id = $1 AND e.status <> 'withdrawn' AND c.latest_version IS NOT NULL
    ORDER BY e.last_activity_at DESC NULLS LAST, e.enrolled_at DESC;

-- results.myLessonProgress
SELECT lp.lesson_id, lp.status, lp.best_score, lp.passed
     FROM lesson_progress lp
    WHERE lp.user_id = $1 AND lp.course_id = ANY($2::uuid[]);
