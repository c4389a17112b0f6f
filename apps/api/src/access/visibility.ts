/**
 * Who may see a published course, as SQL over a `courses` row: open and coded courses for everyone,
 * any course assigned to a cohort the learner is in (cohort-only courses included), and any course
 * the learner is enrolled in and has not withdrawn from — someone removed from a cohort keeps what
 * they started or finished (the learner model found My learning listing a course whose page was 404).
 *
 * The course's alias is passed in, never assumed (a fragment that assumed `c` once compared an
 * inner alias with itself), and the inner aliases (`vis_cc`, `vis_cm`, `vis_e`) are used nowhere else.
 * Statements that must read whole (the course page) write the rule out; a test checks that their
 * text contains exactly `visibleToLearner(alias, param)`, so the rule stays one.
 */
const alias = (name: string) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not an SQL alias: ${name}`);
  return name;
};
const param = (name: string) => {
  if (!/^\$[0-9]+$/.test(name)) throw new Error(`not an SQL parameter: ${name}`);
  return name;
};

/** `course` is assigned to a cohort in which `userParam` is a learner. */
export const viaCohort = (course: string, userParam: string) =>
  `EXISTS (SELECT 1 FROM cohort_courses vis_cc JOIN cohort_members vis_cm ON vis_cm.cohort_id = vis_cc.cohort_id AND vis_cm.role = 'learner' AND vis_cm.user_id = ${param(userParam)} WHERE vis_cc.course_id = ${alias(course)}.id)`;

/** `userParam` is enrolled in `course` (active or completed). */
export const enrolledIn = (course: string, userParam: string) =>
  `EXISTS (SELECT 1 FROM enrolments vis_e WHERE vis_e.course_id = ${alias(course)}.id AND vis_e.user_id = ${param(userParam)} AND vis_e.status <> 'withdrawn')`;

/** `course` is open to `userParam`. */
export const visibleToLearner = (course: string, userParam: string) =>
  `(${alias(course)}.enrolment_policy IN ('open', 'code') OR ${viaCohort(course, userParam)} OR ${enrolledIn(course, userParam)})`;
