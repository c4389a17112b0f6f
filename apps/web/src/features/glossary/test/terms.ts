import type { GlossaryTerm, WordRequest } from '@dari/contracts';

/** Glossary entries as the API gives them, for the glossary's component tests. */
export function makeTerm(overrides: Partial<GlossaryTerm> = {}): GlossaryTerm {
  return {
    id: '3c1d2e4f-5a6b-4c7d-8e9f-0a1b2c3d4e01',
    term: '임금',
    northKorean: ['로임'],
    explanation: '일한 대가로 받는 돈이에요. 월급, 시급, 일당이 모두 임금이에요.',
    gloss: { en: 'wage; pay', zh: '工资' },
    example: '임금은 정해진 날에 받아야 해요.',
    tags: ['work', 'money'],
    related: ['최저임금'],
    updatedAt: '2026-03-10T09:00:00.000Z',
    saved: false,
    ...overrides,
  };
}

export const MINJU = makeTerm({
  id: '3c1d2e4f-5a6b-4c7d-8e9f-0a1b2c3d4e02',
  term: '민주주의',
  northKorean: [],
  explanation: '나라의 주인인 국민이 선거와 토론으로 나라의 일을 함께 정하는 방식이에요.',
  gloss: { en: 'democracy', zh: '民主' },
  example: '동아리 회장을 투표로 뽑았어요.',
  tags: ['civic'],
  related: [],
});

export function makeWordRequest(overrides: Partial<WordRequest> = {}): WordRequest {
  return {
    id: '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b01',
    text: '갑질',
    status: 'open',
    lessonId: null,
    courseId: null,
    askedBy: null,
    term: null,
    createdAt: '2026-03-11T09:00:00.000Z',
    answeredAt: null,
    ...overrides,
  };
}
