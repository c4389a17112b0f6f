import { PRIVACY_NOTICE_VERSION } from '@dari/contracts';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeMe } from '../../../test/fixtures';
import { apiError, mockApi } from '../../../test/mock-api';
import { renderApp } from '../../../test/render-app';

const signedOut = { 'GET /me': apiError(401, 'unauthenticated') };
const preview = { 'GET /join/ABCDE-FGHJK': { status: 200, body: { cohortName: '2027 봄 아카데미' } } };

async function fillForm(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText('사용자 이름'), 'Saebyeol');
  await user.type(screen.getByLabelText('보이는 이름'), '새별');
  await user.type(screen.getByLabelText('새 비밀번호'), 'quiet river lantern 42');
  await user.type(screen.getByLabelText('새 비밀번호 한 번 더'), 'quiet river lantern 42');
}

describe('joining with a code', () => {
  it('names the cohort, explains privacy, joins and lands in /learn signed in', async () => {
    const api = mockApi({
      ...signedOut,
      ...preview,
      'POST /join': { status: 201, body: makeMe('learner', { username: 'saebyeol', displayName: '새별' }) },
    });
    const { location } = renderApp('/join/ABCDE-FGHJK');
    expect(await screen.findByRole('heading', { level: 1, name: '2027 봄 아카데미에 참여하기' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: '개인정보 안내' })).toBeInTheDocument();
    expect(screen.getByText(/이메일, 전화번호, 실명, 주소는 묻지 않아요/)).toBeInTheDocument();
    // Erasure is the learner's own to do: the notice does not send them to a manager for it.
    expect(screen.getByText(/계정을 직접 지울 수 있어요/)).toBeInTheDocument();
    // The username rules, in plain words, are tied to the field.
    expect(screen.getByLabelText('사용자 이름')).toHaveAccessibleDescription(
      /2~32자로, 글자, 숫자, 점\(\.\), 빼기\(-\), 밑줄\(_\)을 쓸 수 있어요/,
    );

    const user = userEvent.setup();
    await fillForm(user);
    await user.click(screen.getByRole('checkbox', { name: '위 안내를 읽었고 동의해요' }));
    await user.click(screen.getByRole('button', { name: '참여하기' }));

    await waitFor(() => expect(location()).toBe('/learn'));
    expect(api.callsTo('POST', '/join')[0]?.body).toEqual({
      code: 'ABCDE-FGHJK',
      username: 'saebyeol',
      displayName: '새별',
      password: 'quiet river lantern 42',
      locale: 'ko',
      acceptPrivacy: true,
      privacyVersion: PRIVACY_NOTICE_VERSION,
    });
    expect(api.callsTo('POST', '/join')[0]?.headers['x-dari-client']).toBe('web');
  });

  it('does not send anything until the privacy notice is accepted and the passwords match', async () => {
    const api = mockApi({ ...signedOut, ...preview });
    renderApp('/join/abcde fghjk');
    await screen.findByRole('heading', { level: 1, name: '2027 봄 아카데미에 참여하기' });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('사용자 이름'), '-bad');
    await user.type(screen.getByLabelText('보이는 이름'), '새별');
    await user.type(screen.getByLabelText('새 비밀번호'), 'quiet river lantern 42');
    await user.type(screen.getByLabelText('새 비밀번호 한 번 더'), 'quiet river lantern 43');
    await user.click(screen.getByRole('button', { name: '참여하기' }));

    expect(await screen.findByText('개인정보 안내를 읽고 동의해 주세요.')).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: '위 안내를 읽었고 동의해요' })).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('두 비밀번호가 서로 달라요.')).toBeInTheDocument();
    expect(screen.getByText(/글자, 숫자, 점\(\.\), 빼기\(-\), 밑줄\(_\)만 쓸 수 있고/)).toBeInTheDocument();
    expect(api.callsTo('POST', '/join')).toHaveLength(0);
    // The code typed with a space and small letters was read as ABCDE-FGHJK.
    expect(api.callsTo('GET', '/join/ABCDE-FGHJK')).toHaveLength(1);
  });

  it.each([
    [404, 'invalid_join_code', '없는 참여 코드예요. 받은 코드를 다시 확인해 주세요.'],
    [410, 'join_code_expired', '기한이 지난 참여 코드예요. 과정 담당자에게 새 코드를 받아 주세요.'],
    [410, 'join_code_used_up', '이 참여 코드는 정해진 인원이 다 썼어요. 과정 담당자에게 새 코드를 받아 주세요.'],
    [410, 'join_code_revoked', '더 이상 쓸 수 없는 참여 코드예요. 과정 담당자에게 새 코드를 받아 주세요.'],
  ])('says why a code cannot be used (%s %s) and offers to type another', async (status, code, message) => {
    mockApi({ ...signedOut, 'GET /join/ABCDE-FGHJK': apiError(status, code) });
    const { location } = renderApp('/join/ABCDE-FGHJK');
    expect(
      await screen.findByRole('heading', { level: 1, name: '이 참여 코드로는 들어갈 수 없어요' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent(message);

    const user = userEvent.setup();
    await user.type(screen.getByLabelText('참여 코드'), 'kmnpq23456');
    await user.click(screen.getByRole('button', { name: '다음' }));
    await waitFor(() => expect(location()).toBe('/join/KMNPQ-23456'));
  });

  it('says how long to wait after too many attempts', async () => {
    mockApi({ ...signedOut, 'GET /join/ABCDE-FGHJK': apiError(429, 'too_many_attempts', { retryAfter: 300 }) });
    renderApp('/join/ABCDE-FGHJK');
    expect(await screen.findByRole('alert', {})).toHaveTextContent('너무 여러 번 시도했어요. 5분 뒤에 다시 해 보세요.');
  });

  it('shows a code that was used up while the form was open, and a taken username next to its field', async () => {
    const api = mockApi({ ...signedOut, ...preview, 'POST /join': apiError(409, 'username_taken') });
    renderApp('/join/ABCDE-FGHJK');
    await screen.findByRole('heading', { level: 1, name: '2027 봄 아카데미에 참여하기' });
    const user = userEvent.setup();
    await fillForm(user);
    await user.click(screen.getByRole('checkbox', { name: '위 안내를 읽었고 동의해요' }));
    await user.click(screen.getByRole('button', { name: '참여하기' }));
    await waitFor(() => expect(screen.getByLabelText('사용자 이름')).toHaveAttribute('aria-invalid', 'true'));

    api.set('POST /join', apiError(410, 'join_code_used_up'));
    await user.clear(screen.getByLabelText('사용자 이름'));
    await user.type(screen.getByLabelText('사용자 이름'), 'saebyeol2');
    await user.click(screen.getByRole('button', { name: '참여하기' }));
    expect(
      await screen.findByText('이 참여 코드는 정해진 인원이 다 썼어요. 과정 담당자에게 새 코드를 받아 주세요.'),
    ).toBeInTheDocument();
  });

  it('asks for the code when none is in the address, and checks its shape before asking the API', async () => {
    const api = mockApi(signedOut);
    const { location } = renderApp('/join');
    expect(await screen.findByRole('heading', { level: 1, name: '참여하기' })).toBeInTheDocument();
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('참여 코드'), 'abc');
    await user.click(screen.getByRole('button', { name: '다음' }));
    expect(screen.getByLabelText('참여 코드')).toHaveAttribute('aria-invalid', 'true');
    expect(location()).toBe('/join');
    expect(api.calls.filter((c) => c.path.startsWith('/join'))).toHaveLength(0);
  });

  it('tells signed-in staff to sign out before making a new account', async () => {
    mockApi({ 'GET /me': { status: 200, body: makeMe('instructor') } });
    renderApp('/join/ABCDE-FGHJK');
    expect(await screen.findByRole('heading', { level: 1, name: '이미 들어와 있어요' })).toBeInTheDocument();
    expect(screen.getByText(/님으로 들어와 있어요/)).toBeInTheDocument();
  });

  it('lets a signed-in learner join one more cohort with the code, with their own account', async () => {
    const api = mockApi({
      'GET /me': { status: 200, body: makeMe('learner') },
      'POST /me/cohorts': { status: 200, body: { cohortName: '2027 봄 아카데미' } },
    });
    renderApp('/join/abcde fghjk');
    expect(await screen.findByRole('heading', { level: 1, name: '과정에 하나 더 참여하기' })).toBeInTheDocument();
    await userEvent.setup().click(screen.getByRole('button', { name: '내 계정으로 참여하기' }));
    expect(await screen.findByRole('heading', { level: 1, name: '2027 봄 아카데미에 참여했어요' })).toBeInTheDocument();
    expect(api.callsTo('POST', '/me/cohorts')[0]?.body).toEqual({ code: 'ABCDE-FGHJK' });
    expect(screen.getByRole('link', { name: '나의 배움으로 가기' })).toHaveAttribute('href', '/learn');
    // No new account, and no preview look-up that would count against the throttle.
    expect(api.callsTo('POST', '/join')).toHaveLength(0);
    expect(api.calls.filter((c) => c.path.startsWith('/join/'))).toHaveLength(0);
  });

  it("says why a signed-in learner's code did not work and offers another try", async () => {
    mockApi({
      'GET /me': { status: 200, body: makeMe('learner') },
      'POST /me/cohorts': apiError(404, 'not_found'),
    });
    renderApp('/join/ABCDE-FGHJK');
    await userEvent.setup().click(await screen.findByRole('button', { name: '내 계정으로 참여하기' }));
    expect(await screen.findByRole('alert')).toBeInTheDocument();
    expect(screen.getByLabelText('참여 코드')).toBeInTheDocument();
  });
});
