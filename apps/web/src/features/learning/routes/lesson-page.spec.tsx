import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { makeMe } from '../../../test/fixtures';
import { mockApi } from '../../../test/mock-api';
import { renderApp } from '../../../test/render-app';
import { learningQueue } from '../queue/learning-queue';
import {
  eventsEndpoint,
  freshDevice,
  L,
  makeCourse,
  makeEnrolment,
  makeProgress,
  SLUG,
  lessonAnswers,
  quizReview,
} from '../test-fixtures';

const lessonUrl = (id: string) => `/learn/courses/${SLUG}/lessons/${id}`;

function learnerApi(extra: Parameters<typeof mockApi>[0] = {}, progress = makeProgress(), server = eventsEndpoint()) {
  return mockApi({
    'GET /me': { status: 200, body: makeMe('learner') },
    [`GET /courses/${SLUG}`]: { status: 200, body: makeCourse() },
    ...lessonAnswers(makeCourse()),
    [`GET /courses/${SLUG}/progress`]: server.progress(progress),
    'GET /me/journal': { status: 200, body: { items: [] } },
    'GET /me/certificates': { status: 200, body: { items: [] } },
    ...extra,
  });
}

describe('the lesson player', () => {
  beforeEach(() => freshDevice());

  it('records that the lesson was opened, and that it was read when the learner says so', async () => {
    const server = eventsEndpoint();
    const api = learnerApi({ 'POST /progress/events': server.handler }, makeProgress(), server);
    renderApp(lessonUrl(L.reading));
    expect(await screen.findByRole('heading', { level: 1, name: '근로계약서' })).toBeInTheDocument();
    expect(screen.getByText('수업 1 / 4')).toBeInTheDocument();
    const lesson = screen.getByRole('article', { name: '근로계약서' });
    expect(await within(lesson).findByRole('heading', { name: '계약서를 꼭 받아요' })).toBeInTheDocument();
    await waitFor(() => expect(server.types()).toContain(`viewed:${L.reading}`));

    await userEvent.setup().click(await within(lesson).findByRole('button', { name: '다 읽었어요' }));
    await waitFor(() => expect(server.types()).toEqual([`viewed:${L.reading}`, `completed:${L.reading}`]));
    // Each event carries an id made on the device and the time it happened.
    for (const event of server.received) {
      expect(event.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(Date.parse(event.occurredAt)).not.toBeNaN();
    }
    expect(await within(lesson).findByText('다 읽은 수업이에요')).toBeInTheDocument();
    expect(api.callsTo('POST', '/progress/events').every((c) => c.headers['x-dari-client'] === 'web')).toBe(true);
  });

  it('reads the outline and the one lesson, never the whole course (issue 18: a lesson costs what it shows)', async () => {
    const api = learnerApi({ 'POST /progress/events': eventsEndpoint().handler });
    renderApp(lessonUrl(L.quiz));
    expect(await screen.findByRole('heading', { level: 1, name: '확인 문제' })).toBeInTheDocument();
    const outline = await screen.findByRole('navigation', { name: '과정 차례' });
    expect(within(outline).getByRole('link', { name: '근로계약서' })).toBeInTheDocument();
    expect(api.callsTo('GET', `/courses/${SLUG}/outline`).length).toBeGreaterThan(0);
    expect(api.callsTo('GET', `/courses/${SLUG}`)).toHaveLength(0);
  });

  it('shows a learner who has not joined the quiz’s questions, without any right answer, and asks them to join', async () => {
    learnerApi({}, makeProgress({ enrolment: null }));
    renderApp(lessonUrl(L.quiz));
    const quiz = await screen.findByRole('article', { name: '확인 문제' });
    expect(
      await within(quiz).findByText('이 과정에 참여하면 답을 내고 채점 결과와 설명을 볼 수 있어요.'),
    ).toBeInTheDocument();
    expect(within(quiz).getByRole('radio', { name: '일을 시작할 때' })).toBeEnabled();
    expect(within(quiz).queryByRole('button', { name: /답 확인하기|답 내기/ })).not.toBeInTheDocument();
    expect(quiz).not.toHaveTextContent('정답');
    expect(quiz).not.toHaveTextContent('일을 시작할 때 받아요.');
  });

  it('shows the outline from the whole course when the outline is not there (an older offline copy)', async () => {
    learnerApi({
      [`GET /courses/${SLUG}/outline`]: { status: 503, body: { message: 'offline' } },
      'POST /progress/events': eventsEndpoint().handler,
    });
    renderApp(lessonUrl(L.reading));
    expect(await screen.findByRole('heading', { level: 1, name: '근로계약서' })).toBeInTheDocument();
    expect(screen.getByText('수업 1 / 4')).toBeInTheDocument();
    const lesson = screen.getByRole('article', { name: '근로계약서' });
    expect(await within(lesson).findByRole('heading', { name: '계약서를 꼭 받아요' })).toBeInTheDocument();
  });

  it('shows the lesson from the course when its own answer is not there (an older offline copy)', async () => {
    learnerApi({
      [`GET /courses/${SLUG}/lessons/${L.reading}`]: { status: 503, body: { message: 'offline' } },
      'POST /progress/events': eventsEndpoint().handler,
    });
    renderApp(lessonUrl(L.reading));
    const lesson = await screen.findByRole('article', { name: '근로계약서' });
    expect(await within(lesson).findByRole('heading', { name: '계약서를 꼭 받아요' })).toBeInTheDocument();
  });

  it('shows a content note first; skipping sends "skipped" and says there is no penalty', async () => {
    const server = eventsEndpoint();
    learnerApi({ 'POST /progress/events': server.handler });
    renderApp(lessonUrl(L.sensitive));
    const note = await screen.findByRole('note');
    expect(note).toHaveTextContent('부당한 대우에 대한 이야기가 나와요.');
    expect(screen.queryByRole('heading', { name: '도움을 받는 곳' })).not.toBeInTheDocument();

    await userEvent.setup().click(within(note).getByRole('button', { name: '이 수업 건너뛰기' }));
    expect(await screen.findByText('이 수업을 건너뛰었어요')).toBeInTheDocument();
    expect(screen.getByText(/불이익은 없어요/)).toBeInTheDocument();
    await waitFor(() => expect(server.types()).toContain(`skipped:${L.sensitive}`));
    expect(server.types()).not.toContain(`completed:${L.sensitive}`);
  });

  it('does not show the content note again on a lesson the learner has finished', async () => {
    learnerApi({}, makeProgress({}, { [L.sensitive]: { status: 'completed' } }));
    renderApp(lessonUrl(L.sensitive));
    expect(await screen.findByRole('heading', { name: '도움을 받는 곳' })).toBeInTheDocument();
    expect(screen.queryByRole('note')).not.toBeInTheDocument();
    expect(screen.queryByText('부당한 대우에 대한 이야기가 나와요.')).not.toBeInTheDocument();
  });

  it('shows the lesson after the content note when the learner chooses to go on', async () => {
    learnerApi({ 'POST /progress/events': eventsEndpoint().handler });
    renderApp(lessonUrl(L.sensitive));
    await userEvent.setup().click(within(await screen.findByRole('note')).getByRole('button', { name: '수업 보기' }));
    expect(await screen.findByRole('heading', { name: '도움을 받는 곳' })).toBeInTheDocument();
  });

  it('sends quiz answers, then shows the grading of the server with the explanations, and lets the learner retry', async () => {
    const server = eventsEndpoint({
      // The server is the judge: here it says q1 right, q2 wrong.
      grade: () => ({ score: 50, passed: true, correct: { 'q-1': true, 'q-2': false } }),
    });
    learnerApi({ 'POST /progress/events': server.handler });
    const user = userEvent.setup();
    renderApp(lessonUrl(L.quiz));
    await user.click(await screen.findByRole('radio', { name: '일을 시작할 때' }));
    await user.click(screen.getByRole('radio', { name: '맞다' }));
    await user.click(screen.getByRole('button', { name: '답 내기' }));

    const status = await screen.findByText('50점이에요.');
    expect(status.closest('[role="status"]')).toHaveTextContent('통과했어요! (통과 기준 50점)');
    const submitted = server.received.find((e) => e.type === 'quiz_submitted');
    expect(submitted).toMatchObject({ lessonId: L.quiz, answers: { 'q-1': ['opt-a'], 'q-2': true } });

    const [first, second] = screen.getAllByRole('group', { name: /번 문제/ });
    expect(first).toHaveTextContent('내 답이 맞았어요.');
    expect(first).toHaveTextContent('일을 시작할 때 받아요.');
    expect(second).toHaveTextContent('다시 생각해 봐요.');
    expect(second).toHaveTextContent('안 돼요. 법으로 정해져 있어요.');

    await user.click(screen.getByRole('button', { name: '다시 풀기' }));
    expect(screen.getByRole('button', { name: '답 내기' })).toBeInTheDocument();
    expect(server.received.filter((e) => e.type === 'quiz_submitted')).toHaveLength(1);
    expect(screen.getByRole('radio', { name: '일을 시작할 때' })).not.toBeChecked();
  });

  it('after a reload, shows the learner’s last graded attempt again: their answers, the right ones and the score', async () => {
    const api = learnerApi(
      {
        'GET /me/quiz-attempts': {
          status: 200,
          body: {
            items: [
              {
                lessonId: L.quiz,
                answers: { 'q-1': ['opt-b'], 'q-2': false },
                correct: { 'q-1': false, 'q-2': true },
                review: quizReview(L.quiz),
                score: 50,
                passed: true,
                submittedAt: '2026-12-01T09:30:00.000Z',
              },
            ],
          },
        },
      },
      makeProgress({}, { [L.quiz]: { status: 'completed', passed: true, bestScore: 50, attempts: 1 } }),
    );
    renderApp(lessonUrl(L.quiz));
    expect(await screen.findByText('50점이에요.')).toBeInTheDocument();
    expect(screen.getByText(/지난번에 낸 답이에요/)).toBeInTheDocument();
    expect(api.callsTo('GET', '/me/quiz-attempts')[0]?.query.get('lessonId')).toBe(L.quiz);
    const [first, second] = screen.getAllByRole('group', { name: /번 문제/ });
    expect(within(first).getByRole('radio', { name: /그만둘 때/ })).toBeChecked();
    expect(first).toHaveTextContent('다시 생각해 봐요.');
    // The right answer and the explanation come from the attempt's review (the lesson has neither).
    expect(within(first).getByText('일을 시작할 때').closest('label')).toHaveTextContent('정답');
    expect(first).toHaveTextContent('일을 시작할 때 받아요.');
    expect(second).toHaveTextContent('내 답이 맞았어요.');
    expect(screen.getByRole('button', { name: '다시 풀기' })).toBeInTheDocument();
  });

  it('says a quiz will be graded later when the phone is offline, keeps the attempt, and shows the grading once back online', async () => {
    const api = learnerApi({
      'POST /progress/events': () => {
        throw new TypeError('Failed to fetch');
      },
    });
    const user = userEvent.setup();
    renderApp(lessonUrl(L.quiz));
    await user.click(await screen.findByRole('radio', { name: '일을 시작할 때' }));
    await user.click(screen.getByRole('button', { name: '답 내기' }));
    expect(
      await screen.findByText('답을 이 기기에 저장했어요. 인터넷에 연결되면 채점해서 보여 줄게요.'),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(
        learningQueue()
          .pending()
          .map((p) => p.event.type),
      ).toContain('quiz_submitted'),
    );
    expect(await screen.findByText(/아직 보내지 못한 기록이 \d+개 있어요/)).toBeInTheDocument();
    // The lesson has no right answers: nothing says which option was right until the server grades it.
    expect(screen.queryByText('정답')).not.toBeInTheDocument();
    expect(screen.queryByText('일을 시작할 때 받아요.')).not.toBeInTheDocument();

    // Back online: the waiting attempt is sent, graded, and its review shown (the right answer and why).
    const server = eventsEndpoint({
      grade: () => ({ score: 50, passed: true, correct: { 'q-1': true, 'q-2': false } }),
    });
    api.set('POST /progress/events', server.handler);
    window.dispatchEvent(new Event('online'));
    expect(await screen.findByText('50점이에요.')).toBeInTheDocument();
    const [first, second] = screen.getAllByRole('group', { name: /번 문제/ });
    expect(first).toHaveTextContent('일을 시작할 때 받아요.');
    expect(within(second).getByText('틀리다').closest('label')).toHaveTextContent('정답');
    expect(second).toHaveTextContent('안 돼요. 법으로 정해져 있어요.');
  });

  it('shows the finish screen when the server says the course is now complete', async () => {
    let complete = false;
    const server = eventsEndpoint({
      enrolment: () =>
        complete
          ? makeEnrolment({ status: 'completed', percent: 100, certificateCode: 'ABCD-EFGH-JKLM', next: null })
          : makeEnrolment(),
    });
    learnerApi(
      {
        'POST /progress/events': server.handler,
        'GET /me/certificates': {
          status: 200,
          body: {
            items: [
              {
                id: '9d3c3e1e-1a2b-4c3d-8e4f-000000000777',
                code: 'ABCD-EFGH-JKLM',
                courseId: makeCourse().courseId,
                courseTitle: { ko: '일터의 권리' },
                name: '하나',
                issuedAt: '2026-04-03T09:00:00.000Z',
                valid: true,
              },
            ],
          },
        },
      },
      makeProgress(
        {},
        {
          [L.reading]: { status: 'completed' },
          [L.sensitive]: { status: 'skipped' },
          [L.quiz]: { status: 'completed', passed: true, bestScore: 100, attempts: 1 },
        },
      ),
    );
    renderApp(lessonUrl(L.reflection));
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('나의 생각'), '서로 존중하는 일터');
    expect(screen.getByRole('checkbox', { name: '이 글을 강사에게 보여 주기' })).not.toBeChecked();
    // Here the server answers the saved reflection with the enrolment completed.
    complete = true;
    await user.click(screen.getByRole('button', { name: '공책에 저장하기' }));
    const heading = await screen.findByRole('heading', { level: 1, name: '일터의 권리 과정을 마쳤어요!' });
    expect(heading).toHaveFocus();
    expect(await screen.findByRole('link', { name: '수료증 보기' })).toHaveAttribute(
      'href',
      '/learn/certificates/9d3c3e1e-1a2b-4c3d-8e4f-000000000777',
    );
    // A moment, not a greyed-out button.
    expect(screen.queryAllByRole('button').filter((b) => b.hasAttribute('disabled'))).toEqual([]);
    expect(server.received.find((e) => e.type === 'reflection_saved')).toMatchObject({
      text: '서로 존중하는 일터',
      shared: false,
    });
  });

  it('shows what is waiting on the phone as done in the outline (optimistic), before the server has it', async () => {
    learnerApi({
      'POST /progress/events': () => {
        throw new TypeError('Failed to fetch');
      },
    });
    renderApp(lessonUrl(L.reading));
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: '다 읽었어요' }));
    expect(await screen.findByText('다 읽은 수업이에요')).toBeInTheDocument();
    const outline = screen.getByRole('navigation', { name: '과정 차례' });
    const item = within(outline).getByRole('link', { name: '근로계약서' }).closest('li') as HTMLElement;
    expect(item).toHaveTextContent('마쳤어요');
  });

  it('does not open a locked lesson, and says why', async () => {
    learnerApi({ 'POST /progress/events': eventsEndpoint().handler }, makeProgress({}, { [L.quiz]: { locked: true } }));
    renderApp(lessonUrl(L.quiz));
    expect(await screen.findByText('아직 열리지 않은 수업이에요. 앞 수업을 먼저 마치면 열려요.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '답 내기' })).not.toBeInTheDocument();
  });
});
