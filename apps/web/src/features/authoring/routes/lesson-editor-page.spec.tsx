import type { AuthorLesson } from '@dari/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { COURSE_ID, LESSON_IDS, makeAuthorCourse, makeAuthorLesson, makeMe } from '../../../test/fixtures';
import { apiError, mockApi, type MockRequest } from '../../../test/mock-api';
import { renderApp } from '../../../test/render-app';

const LESSON = LESSON_IDS[0];
const path = `/teach/courses/${COURSE_ID}/lessons/${LESSON}`;

function setup(
  lesson: AuthorLesson,
  patch: (req: MockRequest) => { status: number; body?: unknown },
  role: 'instructor' | 'manager' = 'instructor',
) {
  return mockApi({
    'GET /me': { status: 200, body: makeMe(role) },
    [`GET /authoring/courses/${COURSE_ID}`]: { status: 200, body: makeAuthorCourse({ canEdit: role !== 'manager' }) },
    [`GET /authoring/lessons/${LESSON}`]: { status: 200, body: lesson },
    [`PATCH /authoring/lessons/${LESSON}`]: patch,
  });
}

/** The API takes the change and answers with the next revision. */
const accept = (req: MockRequest) => {
  const body = req.body as Record<string, unknown> & { revision: number };
  return { status: 200, body: { ...makeAuthorLesson(), ...body, revision: body.revision + 1 } };
};

describe('lesson editor: reading', () => {
  it('saves a pause after typing stops (one PATCH with the revision), says so, and shows the live preview', async () => {
    const api = setup(makeAuthorLesson(), accept);
    renderApp(path);
    const user = userEvent.setup();
    const body = await screen.findByLabelText('본문 (한국어)');
    // user-event reads "[[" as one "[".
    await user.type(body, '\n\n> [[!NOTE]\n> 투표는 [[[[비밀 투표|비밀]]이에요.');
    // Typing is still fresh: nothing sent yet.
    expect(api.callsTo('PATCH', `/authoring/lessons/${LESSON}`)).toHaveLength(0);
    expect(screen.getByText('저장하고 있어요…')).toBeInTheDocument();

    await waitFor(() => expect(api.callsTo('PATCH', `/authoring/lessons/${LESSON}`)).toHaveLength(1));
    const sent = api.callsTo('PATCH', `/authoring/lessons/${LESSON}`)[0];
    expect(sent.headers['x-dari-client']).toBe('web');
    expect(sent.body).toEqual({
      revision: 7,
      title: { ko: '권리란' },
      required: true,
      estimatedMinutes: 10,
      contentNote: null,
      content: {
        kind: 'reading',
        body: { ko: '# 권리\n\n모든 사람은 존엄해요.\n\n> [!NOTE]\n> 투표는 [[비밀 투표|비밀]]이에요.' },
      },
    });
    expect(await screen.findByText('저장했어요.')).toBeInTheDocument();

    // The live preview is the learner renderer: a callout and a glossary term.
    const preview = screen.getByRole('region', { name: '미리 보기' });
    expect(await within(preview).findByRole('note')).toHaveTextContent('참고');
    expect(preview.querySelector('mark.term[data-term="비밀 투표"]')).toHaveTextContent('비밀');

    // The next save carries the revision the API gave back.
    await user.type(screen.getByLabelText('본문 (한국어)'), '!');
    fireEvent.blur(screen.getByLabelText('본문 (한국어)'));
    await waitFor(() => expect(api.callsTo('PATCH', `/authoring/lessons/${LESSON}`)).toHaveLength(2));
    expect((api.callsTo('PATCH', `/authoring/lessons/${LESSON}`)[1].body as { revision: number }).revision).toBe(8);
  });

  it('stops saving and offers the latest version when someone else saved in between', async () => {
    const api = setup(makeAuthorLesson(), () => apiError(409, 'stale_revision'));
    renderApp(path);
    const user = userEvent.setup();
    const body = await screen.findByLabelText('본문 (한국어)');
    await user.type(body, ' 더');
    fireEvent.blur(body);
    expect(await screen.findByRole('button', { name: '최신 내용 불러오기' })).toBeInTheDocument();
    expect(screen.getByText(/다른 곳에서 이 내용을 바꿨어요. 덮어쓰지 않도록 저장을 멈췄어요./)).toBeInTheDocument();
    expect(api.callsTo('PATCH', `/authoring/lessons/${LESSON}`)).toHaveLength(1);
    // Nothing more is sent, even after more typing would have been possible.
    expect(screen.getByLabelText('본문 (한국어)')).toBeDisabled();
    await new Promise((r) => setTimeout(r, 1700));
    expect(api.callsTo('PATCH', `/authoring/lessons/${LESSON}`)).toHaveLength(1);

    // Reloading brings the other person's version, and saving works again from its revision.
    api.set(`GET /authoring/lessons/${LESSON}`, {
      status: 200,
      body: makeAuthorLesson({ revision: 9, content: { kind: 'reading', body: { ko: '다른 사람이 고친 글' } } }),
    });
    api.set(`PATCH /authoring/lessons/${LESSON}`, accept);
    await user.click(screen.getByRole('button', { name: '최신 내용 불러오기' }));
    expect(await screen.findByDisplayValue('다른 사람이 고친 글')).toBeEnabled();
    await user.type(screen.getByLabelText('본문 (한국어)'), '!');
    fireEvent.blur(screen.getByLabelText('본문 (한국어)'));
    await waitFor(() => expect(api.callsTo('PATCH', `/authoring/lessons/${LESSON}`)).toHaveLength(2));
    expect((api.callsTo('PATCH', `/authoring/lessons/${LESSON}`)[1].body as { revision: number }).revision).toBe(9);
  });

  it('says "not saved" with a retry when saving fails for another reason', async () => {
    setup(makeAuthorLesson(), () => ({
      status: 503,
      body: { status: 503, code: 'service_unavailable', message: 'x', requestId: 'r' },
    }));
    renderApp(path);
    const body = await screen.findByLabelText('본문 (한국어)');
    await userEvent.setup().type(body, '!');
    fireEvent.blur(body);
    expect(await screen.findByText(/저장하지 못했어요./)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '다시 저장하기' })).toBeInTheDocument();
  });

  it('is read-only for a manager: disabled fields and no saving', async () => {
    const api = setup(makeAuthorLesson(), accept, 'manager');
    renderApp(path);
    expect(await screen.findByLabelText('본문 (한국어)')).toBeDisabled();
    expect(screen.getByLabelText('수업 제목 (한국어)')).toBeDisabled();
    expect(screen.queryByRole('button', { name: '지금 저장하기' })).not.toBeInTheDocument();
    expect(api.callsTo('PATCH', `/authoring/lessons/${LESSON}`)).toHaveLength(0);
  });
});

describe('lesson editor: quiz', () => {
  it('builds the quiz content JSON from the form', async () => {
    const quiz = makeAuthorLesson({
      title: { ko: '확인 퀴즈' },
      content: { kind: 'quiz', passMark: 60, shuffle: false, questions: [] },
    });
    const api = setup(quiz, accept);
    renderApp(path);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: '문제 더하기' }));
    const first = screen.getByRole('heading', { name: '1번 문제' }).closest('li') as HTMLElement;
    await user.type(within(first).getByLabelText('문제 (한국어)'), '투표는 누가 하나요?');
    // One language at a time: the English boxes are behind the English tab, marked as missing text.
    expect(within(first).queryByLabelText('문제 (English, 선택)')).not.toBeInTheDocument();
    const tabs = screen.getByRole('tablist', { name: '문제를 쓰는 언어' });
    expect(within(tabs).getByRole('tab', { name: 'English (빠진 글 있음)' })).toHaveAttribute('aria-selected', 'false');
    within(tabs)
      .getByRole('tab', { name: /^한국어/ })
      .focus();
    await user.keyboard('{ArrowRight}');
    expect(within(tabs).getByRole('tab', { name: 'English (빠진 글 있음)' })).toHaveAttribute('aria-selected', 'true');
    expect(within(tabs).getByRole('tab', { name: 'English (빠진 글 있음)' })).toHaveFocus();
    await user.type(within(first).getByLabelText('문제 (English, 선택)'), 'Who votes?');
    expect(within(first).queryByLabelText('문제 (한국어)')).not.toBeInTheDocument();
    await user.click(within(tabs).getByRole('tab', { name: /^한국어/ }));
    await user.type(within(first).getByLabelText('보기 1 (한국어)'), '모든 시민');
    await user.type(within(first).getByLabelText('보기 2 (한국어)'), '당원만');
    await user.click(within(first).getByRole('button', { name: '보기 더하기' }));
    await user.type(within(first).getByLabelText('보기 3 (한국어)'), '군인만');
    await user.click(within(first).getByLabelText("'군인만'이(가) 정답"));
    await user.click(within(first).getByLabelText("'모든 시민'이(가) 정답"));
    await user.type(
      within(first).getByLabelText('풀이 (답을 확인한 뒤 보여요) (한국어)'),
      '만 18세 이상 시민이 투표해요.',
    );

    await user.click(screen.getByRole('button', { name: '문제 더하기' }));
    const second = screen.getByRole('heading', { name: '2번 문제' }).closest('li') as HTMLElement;
    await user.selectOptions(within(second).getByLabelText('문제 종류'), 'true_false');
    await user.type(within(second).getByLabelText('문제 (한국어)'), '투표는 비밀이에요.');
    await user.click(within(second).getByLabelText('틀리다'));
    await user.click(within(second).getByLabelText('맞다'));
    await user.click(screen.getByRole('button', { name: '2번 문제를 위로 옮기기' }));
    await user.clear(screen.getByLabelText('통과 기준 (%)'));
    await user.type(screen.getByLabelText('통과 기준 (%)'), '80');
    await user.click(screen.getByLabelText('문제 순서를 섞어서 보여 주기'));
    await user.click(screen.getByRole('button', { name: '지금 저장하기' }));

    await waitFor(() => expect(api.callsTo('PATCH', `/authoring/lessons/${LESSON}`).length).toBeGreaterThan(0));
    const last = api.callsTo('PATCH', `/authoring/lessons/${LESSON}`).at(-1)!.body as { content: unknown };
    expect(last.content).toEqual({
      kind: 'quiz',
      passMark: 80,
      shuffle: true,
      questions: [
        { key: 'q2', type: 'true_false', prompt: { ko: '투표는 비밀이에요.' }, explanation: { ko: '' }, answer: true },
        {
          key: 'q1',
          type: 'single',
          prompt: { ko: '투표는 누가 하나요?', en: 'Who votes?' },
          explanation: { ko: '만 18세 이상 시민이 투표해요.' },
          options: [
            { key: 'a', text: { ko: '모든 시민' }, correct: true },
            { key: 'b', text: { ko: '당원만' }, correct: false },
            { key: 'c', text: { ko: '군인만' }, correct: false },
          ],
        },
      ],
    });
  });

  it('warns at once and when saving that a choice question without a correct option cannot be published', async () => {
    const quiz = makeAuthorLesson({
      title: { ko: '확인 퀴즈' },
      content: {
        kind: 'quiz',
        passMark: 60,
        shuffle: false,
        questions: [
          {
            key: 'q1',
            type: 'single',
            prompt: { ko: '투표는 누가 하나요?' },
            explanation: { ko: '' },
            options: [
              { key: 'a', text: { ko: '모든 시민' }, correct: true },
              { key: 'b', text: { ko: '당원만' }, correct: false },
              { key: 'c', text: { ko: '군인만' }, correct: false },
            ],
          },
          {
            key: 'q2',
            type: 'multiple',
            prompt: { ko: '기본권은?' },
            explanation: { ko: '' },
            options: [
              { key: 'a', text: { ko: '표현의 자유' }, correct: true },
              { key: 'b', text: { ko: '감시' }, correct: false },
            ],
          },
        ],
      },
    });
    const api = setup(quiz, accept);
    renderApp(path);
    const user = userEvent.setup();
    const first = (await screen.findByRole('heading', { name: '1번 문제' })).closest('li') as HTMLElement;
    const second = screen.getByRole('heading', { name: '2번 문제' }).closest('li') as HTMLElement;
    expect(screen.queryByText(/정답을 하나 골라 주세요/)).not.toBeInTheDocument();

    // Removing the single-choice question's correct option leaves it without one.
    await user.click(within(first).getByRole('button', { name: "'모든 시민' 보기 지우기" }));
    expect(within(first).getByRole('group', { name: '보기 (정답 하나)' })).toHaveAccessibleDescription(
      '정답을 하나 골라 주세요. 정답이 없으면 발행할 수 없어요.',
    );
    // Unticking the only correct option of the multiple-choice one does too.
    await user.click(within(second).getByLabelText("'표현의 자유'이(가) 정답"));
    expect(
      within(second).getByText('정답을 하나 이상 골라 주세요. 정답이 없으면 발행할 수 없어요.'),
    ).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: '지금 저장하기' }));
    await waitFor(() => expect(api.callsTo('PATCH', `/authoring/lessons/${LESSON}`).length).toBeGreaterThan(0));
    // Not a plain "saved": the draft is kept, and the author is told what still blocks publishing.
    expect(
      await screen.findByText('저장했어요. 다만 아직 발행할 수 없어요: 1, 2번 문제에 정답이 없어요.'),
    ).toBeInTheDocument();
    expect(screen.queryByText('저장했어요.')).not.toBeInTheDocument();

    // Choosing a correct option again clears the warnings.
    await user.click(within(first).getByLabelText("'당원만'이(가) 정답"));
    await user.click(within(second).getByLabelText("'감시'이(가) 정답"));
    expect(screen.queryByText(/정답을 하나/)).not.toBeInTheDocument();
  });
});
