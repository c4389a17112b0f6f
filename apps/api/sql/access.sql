-- Generated from src/**/*.queries.ts by test/sql-files.spec.ts; do not edit by hand.
-- Regenerate (in apps/api): UPDATE_SQL=1 npx vitest run test/sql-files.spec.ts

-- access.managerCaresFor
SELECT u.id FROM users u
    WHERE u.id = ANY($2::uuid[])
      AND u.role = 'learner'
      AND EXISTS (SELECT 1 FROM cohort_members lm JOIN cohort_members mm ON mm.cohort_id = lm.cohort_id AND mm.user_id = $1 AND mm.role = 'manager'
                   WHERE lm.user_id = u.id AND lm.role = 'learner')
      AND NOT EXISTS (SELECT 1 FROM cohort_members om
                       WHERE om.user_id = u.id
                         AND NOT EXISTS (SELECT 1 FROM cohort_members om_mm WHERE om_mm.cohort_id = om.cohort_id AND om_mm.user_id = $1 AND om_mm.role = 'manager'));

-- access.managerMayTakeOn
SELECT u.id FROM users u
    WHERE u.id = ANY($2::uuid[])
      AND u.role = 'learner'
      AND NOT EXISTS (SELECT 1 FROM cohort_members om
                       WHERE om.user_id = u.id
                         AND NOT EXISTS (SELECT 1 FROM cohort_members om_mm WHERE om_mm.cohort_id = om.cohort_id AND om_mm.user_id = $1 AND om_mm.role = 'manager'));
