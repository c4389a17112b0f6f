import type { Cohort, CohortGrid, ProgramReport } from '@dari/contracts';

export const COHORT_ID = '3c1d2e4f-5a6b-4c7d-8e9f-0a1b2c3d4e01';
export const COURSE_A = '3c1d2e4f-5a6b-4c7d-8e9f-0a1b2c3d4f01';
export const COURSE_B = '3c1d2e4f-5a6b-4c7d-8e9f-0a1b2c3d4f02';
export const LEARNER_ID = '3c1d2e4f-5a6b-4c7d-8e9f-0a1b2c3d5001';

export function makeCohort(overrides: Partial<Cohort> = {}): Cohort {
  return {
    id: COHORT_ID,
    name: '2027 봄 아카데미',
    description: '봄 과정',
    startsOn: '2027-03-02',
    endsOn: '2027-06-30',
    counts: { managers: 1, instructors: 0, learners: 2 },
    courses: [{ courseId: COURSE_A, slug: 'human-rights-basics', title: { ko: '인권의 기초' }, dueOn: '2027-04-30' }],
    createdAt: '2026-11-01T09:00:00.000Z',
    ...overrides,
  };
}

export function makeProgramReport(): ProgramReport {
  return {
    activeLast7Days: 12,
    activeLast30Days: 34,
    learners: 40,
    enrolments: 80,
    completions: 30,
    completionRate: 0.375,
    cohorts: [
      { id: COHORT_ID, name: '2027 봄 아카데미', learners: 40, enrolments: 80, completions: 30, completionRate: 0.375 },
    ],
    courses: [
      { id: COURSE_A, title: { ko: '인권의 기초' }, enrolments: 40, completions: 20, completionRate: 0.5 },
      { id: COURSE_B, title: { ko: '생활 속의 권리' }, enrolments: 40, completions: 10, completionRate: 0.25 },
    ],
  };
}

export function makeGrid(): CohortGrid {
  return {
    cohort: { id: COHORT_ID, name: '2027 봄 아카데미' },
    courses: [
      { courseId: COURSE_A, slug: 'human-rights-basics', title: { ko: '인권의 기초' }, dueOn: '2026-01-15' },
      { courseId: COURSE_B, slug: 'rights-in-everyday-life', title: { ko: '생활 속의 권리' }, dueOn: null },
    ],
    learners: [
      {
        userId: LEARNER_ID,
        displayName: '새별',
        lastActiveAt: null,
        atRisk: true,
        cells: [
          { courseId: COURSE_A, status: 'active', percent: 40, overdue: true },
          { courseId: COURSE_B, status: 'not_enrolled', percent: 0, overdue: false },
        ],
      },
      {
        userId: '3c1d2e4f-5a6b-4c7d-8e9f-0a1b2c3d5002',
        displayName: '하나',
        lastActiveAt: '2026-11-20T09:00:00.000Z',
        atRisk: false,
        cells: [
          { courseId: COURSE_A, status: 'completed', percent: 100, overdue: false },
          { courseId: COURSE_B, status: 'active', percent: 10, overdue: false },
        ],
      },
    ],
    total: 2,
    page: 1,
    pageSize: 50,
    nextCursor: null,
    prevCursor: null,
    thresholds: { inactiveDays: 14 },
  };
}
