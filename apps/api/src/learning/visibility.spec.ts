import { describe, expect, it } from 'vitest';
import { viaCohort, visibleToLearner } from '../access/visibility.js';
import { COURSE_PAGE } from './learning.queries.js';

const oneLine = (sql: string) => sql.replace(/\s+/g, ' ').trim();

describe('the visibility rule', () => {
  it('reads whole with the alias it is given, and its own inner aliases', () => {
    expect(visibleToLearner('crs', '$2')).toBe(
      "(crs.enrolment_policy IN ('open', 'code') OR EXISTS (SELECT 1 FROM cohort_courses vis_cc JOIN cohort_members vis_cm ON vis_cm.cohort_id = vis_cc.cohort_id AND vis_cm.role = 'learner' AND vis_cm.user_id = $2 WHERE vis_cc.course_id = crs.id) OR EXISTS (SELECT 1 FROM enrolments vis_e WHERE vis_e.course_id = crs.id AND vis_e.user_id = $2 AND vis_e.status <> 'withdrawn'))",
    );
    expect(viaCohort('c', '$1')).toContain('vis_cc.course_id = c.id');
  });

  it('refuses anything but an alias and a parameter', () => {
    expect(() => visibleToLearner('c; DROP TABLE users', '$1')).toThrow(/alias/);
    expect(() => visibleToLearner('c', "'x'")).toThrow(/parameter/);
  });

  it('the course page, written whole, states exactly this rule', () => {
    expect(oneLine(COURSE_PAGE)).toContain(oneLine(visibleToLearner('crs', '$2')));
  });
});
