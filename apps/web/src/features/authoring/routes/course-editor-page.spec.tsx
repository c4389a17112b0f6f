import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { COURSE_ID, LESSON_IDS, makeAuthorCourse, makeMe, MODULE_IDS } from '../../../test/fixtures';
import { apiError, mockApi, type MockRequest } from '../../../test/mock-api';
import { renderApp } from '../../../test/render-app';

const base = (role: 'instructor' | 'manager' = 'instructor', course = makeAuthorCourse()) => ({
  'GET /me': { status: 200, body: makeMe(role) },
  [`GET /authoring/courses/${COURSE_ID}`]: { status: 200, body: course },
  [`GET /authoring/courses/${COURSE_ID}/versions`]: { status: 200, body: { items: [] } },
  [`GET /authoring/courses/${COURSE_ID}/media`]: { status: 200, body: { items: [] } },
});

/** The API answers a new order with the course in that order. */
function reordered(req: MockRequest) {
  const course = makeAuthorCourse();
  const body = req.body as { modules: { id: string; lessonIds: string[] }[] };
  const lessons = course.modules.flatMap((m) => m.lessons);
  const modules = body.modules.map((m) => ({
    ...course.modules.find((x) => x.id === m.id)!,
    lessons: m.lessonIds.map((id) => lessons.find((l) => l.id === id)!),
  }));
  return { status: 200, body: { ...course, modules, revision: course.revision + 1 } };
}

describe('course editor: the outline', () => {
  it('moves lessons and modules with buttons named after the item, sending the whole order with the revision', async () => {
    const api = mockApi({ ...base(), [`PUT /authoring/courses/${COURSE_ID}/outline`]: reordered });
    renderApp(`/teach/courses/${COURSE_ID}`);
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: "'존엄성' 위로 옮기기" }));
    await waitFor(() => expect(api.callsTo('PUT', `/authoring/courses/${COURSE_ID}/outline`)).toHaveLength(1));
    expect(api.callsTo('PUT', `/authoring/courses/${COURSE_ID}/outline`)[0].body).toEqual({
      revision: 4,
      modules: [
        { id: MODULE_IDS[0], lessonIds: [LESSON_IDS[1], LESSON_IDS[0]] },
        { id: MODULE_IDS[1], lessonIds: [LESSON_IDS[2]] },
      ],
    });
    // The first item cannot go further up; the new order shows.
    await waitFor(() => expect(screen.getByRole('button', { name: "'존엄성' 위로 옮기기" })).toBeDisabled());

    await user.click(screen.getByRole('button', { name: "'선거' 위로 옮기기" }));
    await waitFor(() => expect(api.callsTo('PUT', `/authoring/courses/${COURSE_ID}/outline`)).toHaveLength(2));
    expect(api.callsTo('PUT', `/authoring/courses/${COURSE_ID}/outline`)[1].body).toMatchObject({
      revision: 5,
      modules: [{ id: MODULE_IDS[1] }, { id: MODULE_IDS[0] }],
    });
    expect(api.callsTo('PUT', `/authoring/courses/${COURSE_ID}/outline`)[1].headers['x-dari-client']).toBe('web');
  });

  it('moves a lesson into the next module, first in line, and into the previous one, last', async () => {
    const api = mockApi({ ...base(), [`PUT /authoring/courses/${COURSE_ID}/outline`]: reordered });
    renderApp(`/teach/courses/${COURSE_ID}`);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: "'존엄성' 다음 단원으로 옮기기" }));
    await waitFor(() => expect(api.callsTo('PUT', `/authoring/courses/${COURSE_ID}/outline`)).toHaveLength(1));
    expect(api.callsTo('PUT', `/authoring/courses/${COURSE_ID}/outline`)[0].body).toEqual({
      revision: 4,
      modules: [
        { id: MODULE_IDS[0], lessonIds: [LESSON_IDS[0]] },
        { id: MODULE_IDS[1], lessonIds: [LESSON_IDS[1], LESSON_IDS[2]] },
      ],
    });
    await user.click(await screen.findByRole('button', { name: "'확인 퀴즈' 앞 단원으로 옮기기" }));
    await waitFor(() => expect(api.callsTo('PUT', `/authoring/courses/${COURSE_ID}/outline`)).toHaveLength(2));
    expect(api.callsTo('PUT', `/authoring/courses/${COURSE_ID}/outline`)[1].body).toMatchObject({
      modules: [
        { id: MODULE_IDS[0], lessonIds: [LESSON_IDS[0], LESSON_IDS[2]] },
        { id: MODULE_IDS[1], lessonIds: [LESSON_IDS[1]] },
      ],
    });
  });

  it('offers to reload when the outline changed elsewhere', async () => {
    mockApi({ ...base(), [`PUT /authoring/courses/${COURSE_ID}/outline`]: apiError(409, 'stale_revision') });
    renderApp(`/teach/courses/${COURSE_ID}`);
    await userEvent.setup().click(await screen.findByRole('button', { name: "'권리란' 아래로 옮기기" }));
    await screen.findByText('그사이 다른 곳에서 이 내용을 바꿨어요. 최신 내용을 다시 불러와 주세요.');
    expect(await screen.findByRole('button', { name: '최신 내용 불러오기' })).toBeInTheDocument();
  });

  it('asks before deleting a module with its lessons', async () => {
    const api = mockApi({
      ...base(),
      [`DELETE /authoring/modules/${MODULE_IDS[1]}`]: { status: 200, body: makeAuthorCourse() },
    });
    renderApp(`/teach/courses/${COURSE_ID}`);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: "'선거' 단원 지우기" }));
    expect(screen.getByText("'선거' 단원과 그 안의 수업 1개를 모두 지울까요? 되돌릴 수 없어요.")).toBeInTheDocument();
    expect(api.callsTo('DELETE', `/authoring/modules/${MODULE_IDS[1]}`)).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: '네, 지우기' }));
    await waitFor(() => expect(api.callsTo('DELETE', `/authoring/modules/${MODULE_IDS[1]}`)).toHaveLength(1));
  });
});

describe('course editor: publishing', () => {
  const blocked = () =>
    apiError(400, 'publish_blocked', {
      problems: [
        {
          lessonId: LESSON_IDS[2],
          moduleId: MODULE_IDS[1],
          code: 'question_needs_one_right',
          params: { lesson: '확인 퀴즈', question: 2 },
          message: '확인 퀴즈: question 2 needs exactly one right answer.',
        },
        {
          lessonId: null,
          moduleId: MODULE_IDS[1],
          code: 'module_empty',
          params: { module: '선거' },
          message: 'The module "선거" has no lessons.',
        },
        // A code this web app does not know yet, and a problem from an API without codes: the English message, marked as English.
        { lessonId: null, moduleId: null, code: 'course_cover_too_big', params: {}, message: 'The cover is too big.' },
        { lessonId: null, moduleId: null, message: 'summary needs Korean text' },
      ],
    });

  it('lists what blocks publishing in the author’s language, each linking to its lesson', async () => {
    mockApi({ ...base(), [`POST /authoring/courses/${COURSE_ID}/publish`]: blocked() });
    renderApp(`/teach/courses/${COURSE_ID}`);
    await userEvent.setup().click(await screen.findByRole('button', { name: '발행하기' }));
    const alert = await screen.findByText('발행하기 전에 4가지를 고쳐 주세요:');
    const box = alert.closest('[role="alert"]') as HTMLElement;
    const link = within(box).getByRole('link', { name: '‘확인 퀴즈’: 2번 문제에 정답이 꼭 하나 있어야 해요.' });
    expect(link).toHaveAttribute('href', `/teach/courses/${COURSE_ID}/lessons/${LESSON_IDS[2]}`);
    expect(link.querySelector('[lang="en"]')).toBeNull();
    expect(within(box).getByText('‘선거’ 단원에 수업이 없어요.')).not.toHaveAttribute('lang');
    expect(within(box).getByText('The cover is too big.')).toHaveAttribute('lang', 'en');
    expect(within(box).getByText('summary needs Korean text')).toHaveAttribute('lang', 'en');
    expect(within(box).queryByText(/needs exactly one right answer/)).not.toBeInTheDocument();
  });

  it('words the problems in Chinese and in English too', async () => {
    // The person's saved language is Chinese: the app switches to it, loading its words; then they choose English.
    mockApi({
      ...base(),
      'GET /me': { status: 200, body: makeMe('instructor', { locale: 'zh' }) },
      'PATCH /me': (req) => ({ status: 200, body: makeMe('instructor', req.body as { locale: 'en' }) }),
      [`POST /authoring/courses/${COURSE_ID}/publish`]: blocked(),
    });
    renderApp(`/teach/courses/${COURSE_ID}`);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: '发布' }));
    expect(
      await screen.findByRole('link', { name: '“확인 퀴즈”：第 2 题必须正好有一个正确答案。' }),
    ).toBeInTheDocument();
    expect(screen.getByText('单元“선거”还没有课。')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'English' }));
    expect(
      await screen.findByRole('link', { name: '“확인 퀴즈”: question 2 needs exactly one correct option.' }),
    ).toBeInTheDocument();
    expect(screen.getByText('The module “선거” has no lessons.')).not.toHaveAttribute('lang');
  }, 20_000); // two more languages load on a busy 2-core machine

  it('says which version was published', async () => {
    mockApi({
      ...base(),
      [`POST /authoring/courses/${COURSE_ID}/publish`]: {
        status: 201,
        body: { version: 3, publishedAt: '2026-03-11T09:00:00.000Z' },
      },
    });
    renderApp(`/teach/courses/${COURSE_ID}`);
    await userEvent.setup().click(await screen.findByRole('button', { name: '발행하기' }));
    expect(await screen.findByText('3판으로 발행했어요.')).toBeInTheDocument();
  });
});

describe('course editor: changes since the last publish', () => {
  const published = (hasUnpublishedChanges: boolean) =>
    makeAuthorCourse({
      status: 'published',
      latestVersion: 1,
      publishedAt: '2026-03-09T09:00:00.000Z',
      hasUnpublishedChanges,
    });

  it('says there are unpublished changes and lists what they are, each lesson linking to its editor', async () => {
    const api = mockApi({
      ...base('instructor', published(true)),
      [`GET /authoring/courses/${COURSE_ID}/changes`]: {
        status: 200,
        body: {
          sinceVersion: 1,
          items: [
            { what: 'course', change: 'edited', id: COURSE_ID, title: { ko: '인권 첫걸음' } },
            { what: 'lesson', change: 'edited', id: LESSON_IDS[0], title: { ko: '권리란' } },
            { what: 'module', change: 'added', id: MODULE_IDS[1], title: { ko: '선거' } },
            { what: 'lesson', change: 'added', id: LESSON_IDS[2], title: { ko: '확인 퀴즈' } },
            { what: 'lesson', change: 'removed', id: LESSON_IDS[1], title: { ko: '옛 수업' } },
          ],
        },
      },
    });
    renderApp(`/teach/courses/${COURSE_ID}`);
    expect(
      await screen.findByText('1판을 발행한 뒤 고친 내용이 있어요. 다시 발행해야 배우는 사람에게 보여요.'),
    ).toBeInTheDocument();
    expect(await screen.findByText('1판과 달라진 것: 수업 3개, 단원 1개, 과정 정보')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '고친 수업: 권리란' })).toHaveAttribute(
      'href',
      `/teach/courses/${COURSE_ID}/lessons/${LESSON_IDS[0]}`,
    );
    expect(screen.getByRole('link', { name: '새 수업: 확인 퀴즈' })).toBeInTheDocument();
    expect(screen.getByText('새 단원: 선거')).toBeInTheDocument();
    expect(screen.getByText('과정 제목·소개·설정을 고쳤어요')).toBeInTheDocument();
    // A removed lesson has no editor to link to.
    expect(screen.getByText('뺀 수업: 옛 수업')).not.toHaveAttribute('href');
    expect(api.callsTo('GET', `/authoring/courses/${COURSE_ID}/changes`)).toHaveLength(1);
  });

  it('does not ask for changes when the published version is up to date', async () => {
    const api = mockApi(base('instructor', published(false)));
    renderApp(`/teach/courses/${COURSE_ID}`);
    expect(await screen.findByText('지금 내용이 1판으로 발행되어 있어요.')).toBeInTheDocument();
    expect(api.callsTo('GET', `/authoring/courses/${COURSE_ID}/changes`)).toHaveLength(0);
  });
});

describe('course editor for a manager', () => {
  it('shows everything read-only: no moving, publishing, adding or saving', async () => {
    mockApi(base('manager', makeAuthorCourse({ canEdit: false })));
    renderApp(`/teach/courses/${COURSE_ID}`);
    expect(await screen.findByRole('heading', { level: 1, name: '인권 첫걸음' })).toBeInTheDocument();
    expect(
      screen.getAllByText('보기만 할 수 있어요. 내용을 바꾸려면 과정 담당 강사에게 말해 주세요.').length,
    ).toBeGreaterThan(0);
    expect(screen.getByRole('link', { name: '권리란' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /옮기기/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '발행하기' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '단원 더하기' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '보관하기' })).not.toBeInTheDocument();
    expect(screen.getByLabelText('과정 제목 (한국어)')).toBeDisabled();
    expect(screen.getByRole('link', { name: '배우는 사람 화면으로 미리 보기' })).toBeInTheDocument();
  });
});
