import type { Me, Role, UserSummary } from '@dari/contracts';

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
