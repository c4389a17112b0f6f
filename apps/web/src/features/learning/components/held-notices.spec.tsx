import type { EventBatchResult, LearningEvent } from '@dari/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { makeMe } from '../../../test/fixtures';
import { mockApi, type MockRequest, type MockResponse } from '../../../test/mock-api';
import { renderApp } from '../../../test/render-app';
import { EventQueue } from '../queue/event-queue';
import { deviceStore } from '../queue/event-store';
import { learningQueue, newEvent, replaceLearningQueue, sendEvents } from '../queue/learning-queue';
import { COURSE, freshDevice, L, makeCourse, makeEnrolment, makeOutline, makeProgress, SLUG } from '../test-fixtures';

const LEARNER = makeMe('learner');
const OTHER_SLUG = 'voting-rights';
const GONE_LESSON = '5c0f3b1e-1a2b-4c3d-8e4f-000000000999';

const catalogEntry = (slug: string, enrolmentPolicy: 'open' | 'code' = 'open') => ({
  id: slug === SLUG ? COURSE : '5c0f3b1e-1a2b-4c3d-8e4f-000000000002',
  slug,
  title: { ko: slug === SLUG ? '일터의 권리' : '선거와 투표' },
  summary: { ko: '요약' },
  language: 'ko',
  tags: [],
  estimatedMinutes: 40,
  enrolmentPolicy,
  coverMediaId: null,
  version: 3,
  lessonCount: 4,
});

/**
 * The server as it was when the phone came back: the learner has not joined SLUG (until they enrol),
 * GONE_LESSON was removed by a republish, L.quiz is still locked. Everything else is recorded once.
 */
function progressServer() {
  let enrolled = false;
  const received: LearningEvent[] = [];
  const seen = new Set<string>();
  const events = (req: MockRequest): MockResponse => {
    const { events: batch } = req.body as { events: LearningEvent[] };
    const results: EventBatchResult['results'] = batch.map((e) => {
      if (e.lessonId === GONE_LESSON)
        return { id: e.id, status: 'rejected', reason: 'lesson_not_found', message: 'lesson not found' };
      if (!enrolled) return { id: e.id, status: 'rejected', reason: 'not_enrolled', message: 'not enrolled' };
      if (e.lessonId === L.quiz) return { id: e.id, status: 'rejected', reason: 'locked', message: 'locked' };
      if (seen.has(e.id)) return { id: e.id, status: 'duplicate' };
      seen.add(e.id);
      received.push(e);
      return { id: e.id, status: 'recorded' };
    });
    return { status: 200, body: { results, enrolments: enrolled ? [makeEnrolment()] : [] } };
  };
  const enrol = (): MockResponse => {
    enrolled = true;
    return { status: 201, body: makeEnrolment() };
  };
  return { events, enrol, received };
}

function learnerApi(server: ReturnType<typeof progressServer>, policy: 'open' | 'code' = 'open', me = LEARNER) {
  return mockApi({
    'GET /me': { status: 200, body: me },
    'GET /courses': { status: 200, body: { items: [catalogEntry(SLUG, policy), catalogEntry(OTHER_SLUG)] } },
    'GET /me/learning': { status: 200, body: { items: [] } },
    'GET /me/todo': { status: 200, body: { today: '2026-12-07', courses: [], cohorts: [] } },
    [`GET /courses/${SLUG}`]: { status: 200, body: makeCourse() },
    [`GET /courses/${OTHER_SLUG}`]: {
      status: 200,
      body: makeCourse({ slug: OTHER_SLUG, title: { ko: '선거와 투표' } }),
    },
    // The notices name the course from its outline (the lesson page's, already in the cache there).
    [`GET /courses/${SLUG}/outline`]: { status: 200, body: makeOutline(makeCourse()) },
    [`GET /courses/${OTHER_SLUG}/outline`]: {
      status: 200,
      body: makeOutline(makeCourse({ slug: OTHER_SLUG, title: { ko: '선거와 투표' } })),
    },
    'POST /progress/events': server.events,
    [`POST /courses/${SLUG}/enrol`]: server.enrol,
  });
}

/** Work done offline, waiting on the phone when the app opens again. */
async function queuedOffline(
  items: { slug: string; lessonId: string; type?: 'completed' | 'viewed' }[],
): Promise<LearningEvent[]> {
  const store = deviceStore();
  const made: LearningEvent[] = [];
  let seq = 1;
  for (const { slug, lessonId, type = 'completed' } of items) {
    const event = newEvent(type, lessonId, {});
    made.push(event);
    await store.add({ event, userId: LEARNER.id, slug, seq: seq++ });
  }
  return made;
}

const notices = () => document.querySelectorAll('.held-notice');
const notJoined = /‘일터의 권리’ 과정에서 한 학습 (\d+)건이 아직 기록되지 않았어요/;

describe('work the server refused after an offline period', () => {
  beforeEach(() => freshDevice());

  it('five refused events of one course make ONE calm message with a button to join, not five alerts', async () => {
    const server = progressServer();
    learnerApi(server);
    await queuedOffline(
      [L.reading, L.sensitive, L.reflection, L.reading, L.sensitive].map((lessonId) => ({ slug: SLUG, lessonId })),
    );
    renderApp('/learn');
    const message = await screen.findByText(notJoined);
    expect(message).toHaveTextContent('5건');
    expect(notices()).toHaveLength(1);
    expect(screen.queryAllByText(/참여하지 않은 상태였기 때문이에요/)).toHaveLength(1);
    // Calm: not an alert that interrupts, and nothing lost.
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(within(notices()[0] as HTMLElement).getByRole('button', { name: '과정에 참여하기' })).toBeEnabled();
    expect(learningQueue().held()).toHaveLength(5);
  });

  it('joining the course sends the held work again; it is recorded and the message goes away', async () => {
    const server = progressServer();
    const api = learnerApi(server);
    const made = await queuedOffline(
      [L.reading, L.sensitive, L.reflection, L.reading, L.sensitive].map((lessonId) => ({ slug: SLUG, lessonId })),
    );
    renderApp('/learn');
    await screen.findByText(notJoined);

    await userEvent.setup().click(screen.getByRole('button', { name: '과정에 참여하기' }));
    await waitFor(() => expect(server.received.map((e) => e.id)).toEqual(made.map((e) => e.id)));
    expect(api.callsTo('POST', `/courses/${SLUG}/enrol`)).toHaveLength(1);
    await waitFor(() => expect(notices()).toHaveLength(0));
    expect(await deviceStore().all()).toEqual([]);
  });

  it('two causes make two messages; work on a removed lesson is let go only by the learner', async () => {
    const server = progressServer();
    learnerApi(server);
    await queuedOffline([
      { slug: SLUG, lessonId: L.reading },
      { slug: SLUG, lessonId: GONE_LESSON },
      { slug: SLUG, lessonId: L.sensitive },
      { slug: SLUG, lessonId: GONE_LESSON, type: 'viewed' },
      { slug: SLUG, lessonId: L.reflection },
    ]);
    renderApp('/learn');
    expect(await screen.findByText(notJoined)).toHaveTextContent('3건');
    const removed = await screen.findByText(
      '인터넷 없이 한 학습 2건은 이제 기록할 수 없어요. 과정이 바뀌면서 그 수업이 빠졌어요.',
    );
    expect(notices()).toHaveLength(2);

    // Still there after the queue has been flushed again: nothing goes on its own.
    await learningQueue().flush();
    expect(learningQueue().held()).toHaveLength(5);

    await userEvent
      .setup()
      .click(
        within(removed.closest('.held-notice') as HTMLElement).getByRole('button', { name: '이 기기에서 지우기' }),
      );
    await waitFor(() => expect(notices()).toHaveLength(1));
    expect((await deviceStore().all()).map((i) => i.held?.reason)).toEqual([
      'not_enrolled',
      'not_enrolled',
      'not_enrolled',
    ]);
  });

  it('one message per course for "not joined": a course that needs a code links to its page instead', async () => {
    const server = progressServer();
    const api = learnerApi(server, 'code');
    api.set(`POST /courses/${OTHER_SLUG}/enrol`, server.enrol);
    await queuedOffline([
      { slug: SLUG, lessonId: L.reading },
      { slug: OTHER_SLUG, lessonId: L.reading },
      { slug: SLUG, lessonId: L.sensitive },
    ]);
    renderApp('/learn');
    const coded = (await screen.findByText(notJoined)).closest('.held-notice') as HTMLElement;
    const open = (await screen.findByText(/‘선거와 투표’ 과정에서 한 학습 1건/)).closest('.held-notice') as HTMLElement;
    expect(notices()).toHaveLength(2);
    expect(await within(coded).findByRole('link', { name: '과정 페이지로 가기' })).toHaveAttribute(
      'href',
      `/learn/courses/${SLUG}`,
    );
    expect(within(coded).queryByRole('button', { name: '과정에 참여하기' })).not.toBeInTheDocument();
    expect(within(coded).getByText(/과정 코드가 있어야/)).toBeInTheDocument();
    expect(within(open).getByRole('button', { name: '과정에 참여하기' })).toBeInTheDocument();
  });

  it('joining on the course page with its code also sends the held work of that course again', async () => {
    const server = progressServer();
    const api = learnerApi(server, 'code');
    api.set(`GET /courses/${SLUG}/progress`, { status: 200, body: makeProgress({ enrolment: null }) });
    const made = await queuedOffline([L.reading, L.sensitive].map((lessonId) => ({ slug: SLUG, lessonId })));
    renderApp('/learn');
    await userEvent.setup().click(await screen.findByRole('link', { name: '과정 페이지로 가기' }));
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('참여 코드'), 'WORK-2026');
    // On the course page itself the message does not link to it again.
    expect(within(notices()[0] as HTMLElement).queryByRole('link')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '참여하기' }));
    expect(api.callsTo('POST', `/courses/${SLUG}/enrol`)[0]?.body).toEqual({ code: 'WORK-2026' });
    await waitFor(() => expect(server.received.map((e) => e.id)).toEqual(made.map((e) => e.id)));
    await waitFor(() => expect(notices()).toHaveLength(0));
  });

  it('explains a lesson that was still locked, with a link to the course, and keeps the work', async () => {
    const server = progressServer();
    learnerApi(server);
    server.enrol(); // joined, but the quiz was not open yet
    await queuedOffline([{ slug: SLUG, lessonId: L.quiz }]);
    renderApp('/learn');
    const message = await screen.findByText(
      /‘일터의 권리’ 과정에서 한 학습 1건이 아직 기록되지 않았어요. 그때는 아직 열리지 않은 수업이었기 때문이에요/,
    );
    const notice = message.closest('.held-notice') as HTMLElement;
    expect(within(notice).getByRole('link', { name: '과정 차례 보기' })).toHaveAttribute(
      'href',
      `/learn/courses/${SLUG}`,
    );
    expect(within(notice).queryByRole('button', { name: '이 기기에서 지우기' })).not.toBeInTheDocument();
    expect(
      learningQueue()
        .held()
        .map((i) => i.held?.reason),
    ).toEqual(['locked']);
  });

  it('"Later" hides the message for now; after a reload the held work and its message are back', async () => {
    const server = progressServer();
    learnerApi(server);
    await queuedOffline([L.reading, L.sensitive].map((lessonId) => ({ slug: SLUG, lessonId })));
    const first = renderApp('/learn');
    await screen.findByText(notJoined);
    await userEvent.setup().click(screen.getByRole('button', { name: '나중에' }));
    await waitFor(() => expect(notices()).toHaveLength(0));
    expect(learningQueue().held()).toHaveLength(2);
    first.unmount();

    // A reload: a new queue on the same IndexedDB.
    replaceLearningQueue(new EventQueue(deviceStore(), sendEvents));
    renderApp('/learn');
    expect(await screen.findByText(notJoined)).toHaveTextContent('2건');
    expect((await deviceStore().all()).map((i) => i.held?.reason)).toEqual(['not_enrolled', 'not_enrolled']);
  });

  it('speaks Chinese too', async () => {
    const server = progressServer();
    learnerApi(server, 'open', makeMe('learner', { locale: 'zh' }));
    await queuedOffline([L.reading, L.sensitive].map((lessonId) => ({ slug: SLUG, lessonId })));
    renderApp('/learn');
    expect(await screen.findByText(/你在《(.+)》中完成的 2 项学习还没有记录/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '加入课程' })).toBeInTheDocument();
  });
});
