/**
 * SQL: the course `c` is open to the learner `$n` — open or coded courses for everyone, and any
 * course assigned to a cohort the learner is in (cohort-only courses included).
 */
export const viaCohort = (userParam: string) =>
  `EXISTS (SELECT 1 FROM cohort_courses cc JOIN cohort_members cm ON cm.cohort_id = cc.cohort_id AND cm.role = 'learner' AND cm.user_id = ${userParam} WHERE cc.course_id = c.id)`;
export const visibleToLearner = (userParam: string) => `(c.enrolment_policy IN ('open', 'code') OR ${viaCohort(userParam)})`;
