import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeMe } from '../../../test/fixtures';
import { apiError, mockApi } from '../../../test/mock-api';
import { renderApp } from '../../../test/render-app';
import { COHORT_ID, makeCohort } from '../test/program-fixtures';

const ACCOUNT = '5d1e2f3a-4b5c-4d6e-8f90-1a2b3c4d5e01';
const base = {
  'GET /me': { status: 200, body: makeMe('manager') },
  [`GET /cohorts/${COHORT_ID}`]: { status: 200, body: makeCohort() },
  [`GET /cohorts/${COHORT_ID}/members`]: { status: 200, body: { items: [], total: 0, page: 1, pageSize: 50 } },
};
const page = `/program/cohorts/${COHORT_ID}?tab=members`;

describe('cohort: adding someone who already has an account', () => {
  it('finds the account by exact username, shows the name to confirm, and adds it in the chosen role', async () => {
    const api = mockApi({
      ...base,
      [`POST /cohorts/${COHORT_ID}/members/lookup`]: {
        status: 200,
        body: {
          userId: ACCOUNT,
          displayName: '박선생',
          accountRole: 'admin',
          member: null,
          allowedRoles: ['manager', 'instructor'],
        },
      },
      [`POST /cohorts/${COHORT_ID}/members`]: { status: 200, body: makeCohort() },
    });
    renderApp(page);
    const section = await screen.findByRole('region', { name: '이미 계정이 있는 사람 더하기' });
    const user = userEvent.setup();
    const field = within(section).getByRole('textbox', { name: '아이디' });
    expect(field).toHaveAccessibleDescription(/정확히 입력하세요/);
    await user.type(field, 'teacher.park{Enter}');
    // The username goes in the body, never in the address.
    const call = api.callsTo('POST', `/cohorts/${COHORT_ID}/members/lookup`).at(0);
    expect(call?.body).toEqual({ username: 'teacher.park' });
    expect(call?.query.toString()).toBe('');
    expect(
      await within(section).findByText('박선생 님 (관리자 계정)을 찾았어요. 이 사람이 맞는지 확인해 주세요.'),
    ).toBeInTheDocument();

    const roles = within(section).getByRole('group', { name: '기수에서 맡을 일' });
    expect(
      within(roles)
        .getAllByRole('radio')
        .map((r) => r.getAttribute('value')),
    ).toEqual(['manager', 'instructor']);
    expect(within(roles).getByRole('radio', { name: '운영 담당자' })).toBeChecked();
    await user.click(within(roles).getByRole('radio', { name: '강사' }));
    await user.click(within(section).getByRole('button', { name: '박선생 님 더하기' }));
    expect(await screen.findByText('박선생 님을 강사(으)로 더했어요.')).toBeInTheDocument();
    expect(api.callsTo('POST', `/cohorts/${COHORT_ID}/members`)[0]?.body).toEqual({
      members: [{ userId: ACCOUNT, role: 'instructor' }],
    });
    // Ready for the next person.
    await waitFor(() => expect(field).toHaveFocus());
    expect(field).toHaveValue('');
  });

  it('says plainly when no account has that username, and offers nothing to add', async () => {
    mockApi({
      ...base,
      [`POST /cohorts/${COHORT_ID}/members/lookup`]: apiError(404, 'not_found'),
    });
    renderApp(page);
    const section = await screen.findByRole('region', { name: '이미 계정이 있는 사람 더하기' });
    const user = userEvent.setup();
    await user.type(within(section).getByRole('textbox', { name: '아이디' }), 'nobody');
    await user.click(within(section).getByRole('button', { name: '계정 찾기' }));
    expect(
      await within(section).findByText('그 아이디로 쓸 수 있는 계정이 없어요. 철자를 확인해 주세요.'),
    ).toBeInTheDocument();
    // A manager also learns why a real person may not be found (the same words for every miss: no oracle).
    expect(
      within(section).getByText(
        '다른 프로그램의 기수에 있는 학습자와 직원 계정은 여기서 찾거나 더할 수 없어요. 관리자에게 부탁해 주세요.',
      ),
    ).toBeInTheDocument();
    expect(within(section).queryByRole('radio')).not.toBeInTheDocument();
    expect(within(section).queryByRole('alert')).not.toBeInTheDocument();
  });

  it('an admin, who reaches every account, is not told to ask an admin', async () => {
    mockApi({
      ...base,
      'GET /me': { status: 200, body: makeMe('admin') },
      [`POST /cohorts/${COHORT_ID}/members/lookup`]: apiError(404, 'not_found'),
    });
    renderApp(page);
    const section = await screen.findByRole('region', { name: '이미 계정이 있는 사람 더하기' });
    const user = userEvent.setup();
    await user.type(within(section).getByRole('textbox', { name: '아이디' }), 'nobody');
    await user.click(within(section).getByRole('button', { name: '계정 찾기' }));
    expect(
      await within(section).findByText('그 아이디로 쓸 수 있는 계정이 없어요. 철자를 확인해 주세요.'),
    ).toBeInTheDocument();
    expect(within(section).queryByText(/관리자에게 부탁해 주세요/)).not.toBeInTheDocument();
  });

  it('an account already in the cohort cannot be added twice', async () => {
    mockApi({
      ...base,
      [`POST /cohorts/${COHORT_ID}/members/lookup`]: {
        status: 200,
        body: {
          userId: ACCOUNT,
          displayName: '김하늘',
          accountRole: 'learner',
          member: 'learner',
          allowedRoles: ['learner'],
        },
      },
    });
    renderApp(page);
    const section = await screen.findByRole('region', { name: '이미 계정이 있는 사람 더하기' });
    const user = userEvent.setup();
    await user.type(within(section).getByRole('textbox', { name: '아이디' }), 'haneul{Enter}');
    expect(await within(section).findByText('이미 이 기수의 학습자(으)로 들어와 있어요.')).toBeInTheDocument();
    expect(within(section).queryByRole('button', { name: /더하기$/ })).not.toBeInTheDocument();
  });
});

describe('cohort: making a password reset code for a learner', () => {
  const CARED = '5d1e2f3a-4b5c-4d6e-8f90-1a2b3c4d5e11';
  const SHARED = '5d1e2f3a-4b5c-4d6e-8f90-1a2b3c4d5e12';
  const INSTRUCTOR = '5d1e2f3a-4b5c-4d6e-8f90-1a2b3c4d5e13';
  const member = (
    userId: string,
    displayName: string,
    role: 'manager' | 'instructor' | 'learner',
    canResetPassword: boolean,
  ) => ({
    userId,
    displayName,
    role,
    addedAt: '2026-11-02T09:00:00.000Z',
    canResetPassword,
  });
  const items = [
    member(CARED, '김하늘', 'learner', true),
    member(INSTRUCTOR, '박선생', 'instructor', false),
    member(SHARED, '이바다', 'learner', false),
    member(makeMe('manager').id, makeMe('manager').displayName, 'manager', false),
  ];

  it('offers the button only where the API allows it, and says why plainly where it does not', async () => {
    const api = mockApi({
      ...base,
      [`GET /cohorts/${COHORT_ID}/members`]: {
        status: 200,
        body: { items, total: items.length, page: 1, pageSize: 50 },
      },
      [`POST /cohorts/${COHORT_ID}/members/${CARED}/reset-code`]: {
        status: 201,
        body: { code: 'ABCDE-FGHJK-LM', expiresAt: '2026-11-03T09:00:00.000Z' },
      },
    });
    renderApp(page);
    const table = await screen.findByRole('table', { name: '이 기수의 사람들' });
    const row = (name: string) => within(table).getByRole('row', { name: new RegExp(name) });
    const note = '내가 맡지 않은 다른 기수에도 있어서 비밀번호 재설정 코드는 관리자만 만들 수 있어요.';

    // A learner only in this manager's cohorts: the button, and no note.
    expect(within(row('김하늘')).getByRole('button', { name: '비밀번호 재설정 코드' })).toBeInTheDocument();
    expect(within(row('김하늘')).queryByText(note)).not.toBeInTheDocument();
    // A learner also in a cohort this manager does not run: the note as plain text, and no button.
    expect(within(row('이바다')).queryByRole('button', { name: '비밀번호 재설정 코드' })).not.toBeInTheDocument();
    expect(within(row('이바다')).getByText(note)).toBeInTheDocument();
    // Staff rows get neither.
    expect(within(row('박선생')).queryByRole('button', { name: '비밀번호 재설정 코드' })).not.toBeInTheDocument();
    expect(within(row('박선생')).queryByText(note)).not.toBeInTheDocument();
    expect(within(table).getAllByRole('button', { name: '비밀번호 재설정 코드' })).toHaveLength(1);

    // The one button works.
    const user = userEvent.setup();
    await user.click(within(row('김하늘')).getByRole('button', { name: '비밀번호 재설정 코드' }));
    await user.click(within(row('김하늘')).getByRole('button', { name: '네, 만들기' }));
    expect(await screen.findByTestId('one-time-code')).toHaveTextContent('ABCDE-FGHJK-LM');
    expect(api.callsTo('POST', `/cohorts/${COHORT_ID}/members/${CARED}/reset-code`)).toHaveLength(1);
    expect(api.callsTo('POST', `/cohorts/${COHORT_ID}/members/${SHARED}/reset-code`)).toHaveLength(0);
  });
});

describe('cohort: correcting a learner’s name', () => {
  const CARED = '5d1e2f3a-4b5c-4d6e-8f90-1a2b3c4d5e21';
  const SHARED = '5d1e2f3a-4b5c-4d6e-8f90-1a2b3c4d5e22';
  const INSTRUCTOR = '5d1e2f3a-4b5c-4d6e-8f90-1a2b3c4d5e23';
  const member = (userId: string, displayName: string, role: 'instructor' | 'learner', canResetPassword: boolean) => ({
    userId,
    displayName,
    role,
    addedAt: '2026-11-02T09:00:00.000Z',
    canResetPassword,
  });

  it('offers “이름 고치기” only for learners in the manager’s care, checks the name, saves it and shows the new one', async () => {
    let name = '�ϴ�';
    const api = mockApi({
      ...base,
      [`GET /cohorts/${COHORT_ID}/members`]: () => {
        const items = [
          member(CARED, name, 'learner', true),
          member(SHARED, '이바다', 'learner', false),
          member(INSTRUCTOR, '박선생', 'instructor', false),
        ];
        return { status: 200, body: { items, total: items.length, page: 1, pageSize: 50 } };
      },
      [`PATCH /cohorts/${COHORT_ID}/members/${CARED}`]: (req) => {
        name = (req.body as { displayName: string }).displayName;
        return { status: 200, body: member(CARED, name, 'learner', true) };
      },
    });
    renderApp(page);
    const table = await screen.findByRole('table', { name: '이 기수의 사람들' });
    const row = (text: string) => within(table).getByRole('row', { name: new RegExp(text) });
    expect(within(table).getAllByRole('button', { name: '이름 고치기' })).toHaveLength(1);
    expect(within(row('이바다')).queryByRole('button', { name: '이름 고치기' })).not.toBeInTheDocument();
    expect(within(row('박선생')).queryByRole('button', { name: '이름 고치기' })).not.toBeInTheDocument();

    const user = userEvent.setup();
    await user.click(within(row('ϴ')).getByRole('button', { name: '이름 고치기' }));
    const field = within(row('ϴ')).getByRole('textbox', { name: '�ϴ� 님의 새 보이는 이름' });
    expect(field).toHaveValue('�ϴ�');
    expect(field).toHaveAccessibleDescription('학습자가 고른 별명이어도 괜찮아요. 50자까지예요.');
    // An empty name is caught before anything is sent.
    await user.clear(field);
    await user.click(within(row('ϴ')).getByRole('button', { name: '이름 저장' }));
    expect(await within(row('ϴ')).findByText('이 칸을 채워 주세요.')).toBeInTheDocument();
    expect(api.callsTo('PATCH', `/cohorts/${COHORT_ID}/members/${CARED}`)).toHaveLength(0);

    await user.type(field, '  하늘 {Enter}');
    expect(await screen.findByText('�ϴ� 님의 이름을 하늘(으)로 고쳤어요.')).toBeInTheDocument();
    expect(api.callsTo('PATCH', `/cohorts/${COHORT_ID}/members/${CARED}`).map((c) => c.body)).toEqual([
      { displayName: '하늘' },
    ]);
    // The list shows the new name, and the form is gone.
    expect(await within(table).findByRole('rowheader', { name: '하늘' })).toBeInTheDocument();
    expect(within(table).queryByRole('textbox')).not.toBeInTheDocument();
  });

  it('cancelling sends nothing, and a refusal from the API is shown on the field', async () => {
    const api = mockApi({
      ...base,
      [`GET /cohorts/${COHORT_ID}/members`]: {
        status: 200,
        body: { items: [member(CARED, '새별', 'learner', true)], total: 1, page: 1, pageSize: 50 },
      },
      [`PATCH /cohorts/${COHORT_ID}/members/${CARED}`]: apiError(400, 'validation_failed', {
        fields: [{ path: 'body.displayName', message: 'must not contain control characters' }],
      }),
    });
    renderApp(page);
    const table = await screen.findByRole('table', { name: '이 기수의 사람들' });
    const user = userEvent.setup();
    await user.click(within(table).getByRole('button', { name: '이름 고치기' }));
    await user.click(within(table).getByRole('button', { name: '그만두기' }));
    expect(within(table).queryByRole('textbox')).not.toBeInTheDocument();
    expect(api.callsTo('PATCH', `/cohorts/${COHORT_ID}/members/${CARED}`)).toHaveLength(0);

    await user.click(within(table).getByRole('button', { name: '이름 고치기' }));
    const field = within(table).getByRole('textbox', { name: '새별 님의 새 보이는 이름' });
    await user.type(field, '별{Enter}');
    expect(await within(table).findByText(/이 칸을 다시 확인해 주세요\./)).toBeInTheDocument();
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(api.callsTo('PATCH', `/cohorts/${COHORT_ID}/members/${CARED}`).map((c) => c.body)).toEqual([
      { displayName: '새별별' },
    ]);
  });
});
