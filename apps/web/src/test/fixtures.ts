import type { AuthorCourse, AuthorLesson, Me, PublishedCourse, Role, UserSummary, Fact } from '@dari/contracts';

const IDS: Record<Role, string> = {
  learner: '0b7c6a38-2f7e-4f4e-9a53-1f7c2e0d1a01',
  instructor: '0b7c6a38-2f7e-4f4e-9a53-1f7c2e0d1a02',
  manager: '0b7c6a38-2f7e-4f4e-9a53-1f7c2e0d1a03',
  admin: '0b7c6a38-2f7e-4f4e-9a53-1f7c2e0d1a04',
};

const NAMES: Record<Role, string> = { learner: '하나', instructor: '김선생', manager: '박담당', admin: '관리자님' };

export function makeMe(role: Role, overrides: Partial<Me> = {}): Me {
  return {
    id: IDS[role],
    username: `${role}1`,
    displayName: NAMES[role],
    role,
    locale: 'ko',
    sharedDevice: false,
    createdAt: '2026-03-01T09:00:00.000Z',
    ...overrides,
  };
}

export function makeUser(overrides: Partial<UserSummary> = {}): UserSummary {
  return {
    id: '5d1b2c3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
    username: 'minsu',
    displayName: '민수',
    role: 'learner',
    status: 'active',
    locale: 'ko',
    createdAt: '2026-03-02T09:00:00.000Z',
    lastLoginAt: null,
    ...overrides,
  };
}

export const COURSE_ID = '7a1e2b3c-4d5e-4f60-8a7b-9c0d1e2f3a01';
export const MODULE_IDS = ['7a1e2b3c-4d5e-4f60-8a7b-9c0d1e2f3b01', '7a1e2b3c-4d5e-4f60-8a7b-9c0d1e2f3b02'] as const;
export const LESSON_IDS = [
  '7a1e2b3c-4d5e-4f60-8a7b-9c0d1e2f3c01',
  '7a1e2b3c-4d5e-4f60-8a7b-9c0d1e2f3c02',
  '7a1e2b3c-4d5e-4f60-8a7b-9c0d1e2f3c03',
] as const;

function lessonSummary(id: string, key: string, ko: string, kind: AuthorLesson['content']['kind'] = 'reading') {
  return { id, key, kind, title: { ko }, required: true, estimatedMinutes: 10, hasContentNote: false };
}

/** A draft with two modules: "존엄" (two lessons) and "선거" (one quiz). */
export function makeAuthorCourse(overrides: Partial<AuthorCourse> = {}): AuthorCourse {
  return {
    id: COURSE_ID,
    slug: 'rights-basics',
    status: 'draft',
    title: { ko: '인권 첫걸음', en: 'Rights basics' },
    summary: { ko: '인권이 무엇인지 배워요.' },
    language: 'ko',
    tags: ['human-rights'],
    estimatedMinutes: 30,
    enrolmentPolicy: 'open',
    courseCode: null,
    sequential: false,
    coverMediaId: null,
    owner: { id: '0b7c6a38-2f7e-4f4e-9a53-1f7c2e0d1a02', displayName: '김선생' },
    coInstructors: [],
    latestVersion: null,
    publishedAt: null,
    hasUnpublishedChanges: true,
    canEdit: true,
    revision: 4,
    updatedAt: '2026-03-10T09:00:00.000Z',
    modules: [
      {
        id: MODULE_IDS[0],
        key: 'module-dignity',
        title: { ko: '존엄' },
        lessons: [
          lessonSummary(LESSON_IDS[0], 'what-are-rights', '권리란'),
          lessonSummary(LESSON_IDS[1], 'dignity', '존엄성'),
        ],
      },
      {
        id: MODULE_IDS[1],
        key: 'module-elections',
        title: { ko: '선거' },
        lessons: [lessonSummary(LESSON_IDS[2], 'check-quiz', '확인 퀴즈', 'quiz')],
      },
    ],
    ...overrides,
  };
}

export function makeAuthorLesson(overrides: Partial<AuthorLesson> = {}): AuthorLesson {
  return {
    id: LESSON_IDS[0],
    courseId: COURSE_ID,
    moduleId: MODULE_IDS[0],
    key: 'what-are-rights',
    title: { ko: '권리란' },
    required: true,
    estimatedMinutes: 10,
    contentNote: null,
    content: { kind: 'reading', body: { ko: '# 권리\n\n모든 사람은 존엄해요.' } },
    revision: 7,
    updatedAt: '2026-03-10T09:00:00.000Z',
    ...overrides,
  };
}

export function makePublishedCourse(overrides: Partial<PublishedCourse> = {}): PublishedCourse {
  return {
    courseId: COURSE_ID,
    version: null,
    slug: 'rights-basics',
    title: { ko: '인권 첫걸음' },
    summary: { ko: '인권이 무엇인지 배워요.' },
    language: 'ko',
    tags: ['human-rights'],
    estimatedMinutes: 20,
    sequential: false,
    coverMediaId: null,
    modules: [
      {
        id: MODULE_IDS[0],
        key: 'module-dignity',
        title: { ko: '존엄' },
        lessons: [
          {
            id: LESSON_IDS[0],
            key: 'what-are-rights',
            kind: 'reading',
            title: { ko: '권리란' },
            required: true,
            estimatedMinutes: 10,
            contentNote: null,
            content: { kind: 'reading', body: { ko: '## 모두의 권리\n\n> [!TIP]\n> [[인권]]은 모두의 것이에요.' } },
          },
          {
            id: LESSON_IDS[2],
            key: 'check-quiz',
            kind: 'quiz',
            title: { ko: '확인 퀴즈' },
            required: true,
            estimatedMinutes: 10,
            contentNote: null,
            content: {
              kind: 'quiz',
              passMark: 50,
              shuffle: false,
              questions: [
                {
                  key: 'q-1',
                  type: 'true_false',
                  prompt: { ko: '투표는 비밀이에요.' },
                  explanation: { ko: '비밀 투표가 원칙이에요.' },
                  answer: true,
                },
              ],
            },
          },
        ],
      },
    ],
    ...overrides,
  };
}

/** The 2026 minimum wage as libs/curriculum/facts/minimum-wage.json has it (2025 for history). */
export const HOURLY_WAGE_FACT: Fact = {
  key: 'minimum-wage-hourly',
  kind: 'money',
  unit: 'KRW/hour',
  label: { ko: '최저임금(시급)', en: 'minimum wage (hourly)', zh: '最低工资（时薪）' },
  values: [
    { from: '2025-01-01', to: '2025-12-31', value: 10030, source: '고용노동부 고시 「2025년 적용 최저임금」' },
    {
      from: '2026-01-01',
      to: '2026-12-31',
      value: 10320,
      source: '최저임금위원회 2025-07-10 의결, 고용노동부 고시 「2026년 적용 최저임금」',
    },
  ],
  reviewBy: '2026-08-05',
  checkAt: {
    ko: '최저임금위원회 누리집이나 고용노동부 고객상담센터(국번 없이 1350)',
    en: "the Minimum Wage Commission's website or the Ministry of Employment and Labor (call 1350, no area code)",
    zh: '最低工资委员会网站或雇佣劳动部（拨打1350，无需区号）',
  },
};
