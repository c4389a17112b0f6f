import type { PublishedCourse, PublishedLesson } from '@dari/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { makeMe } from '../../../test/fixtures';
import { mockApi, type MockRequest } from '../../../test/mock-api';
import { renderApp } from '../../../test/render-app';
import { makeTerm } from '@/features/glossary';
import {
  COURSE,
  eventsEndpoint,
  freshDevice,
  L,
  makeCourse,
  makeProgress,
  SLUG,
  lessonAnswers,
} from '../test-fixtures';

const lessonUrl = (id: string) => `/learn/courses/${SLUG}/lessons/${id}`;

// The glossary's own entry for 전세 (libs/curriculum/glossary/terms.json): it has no North Korean word.
const JEONSE = makeTerm({
  id: '3c1d2e4f-5a6b-4c7d-8e9f-0a1b2c3d4e11',
  term: '전세',
  northKorean: [],
  explanation:
    '처음에 큰돈을 보증금으로 맡기고, 매달 집세는 내지 않고 사는 방식이에요. 계약이 끝나면 보증금을 돌려받아요.',
  gloss: {
    en: 'jeonse (lease with a large lump-sum deposit and no monthly rent)',
    zh: '全租房（传贳：交一大笔押金、不付月租的租房方式）',
  },
  example: '전세는 월세가 없지만 보증금이 커서 전세보증금반환보증 가입도 알아봤어요.',
});
// 임금, North Korean 로임 (the glossary tests' entry).
const WAGE = makeTerm();

/** The test course, with the first lesson in three languages, the second in Korean and English, the quiz in three. */
function multilingualCourse(): PublishedCourse {
  const course = makeCourse();
  const [reading, sensitive, quiz, reflection] = course.modules[0].lessons as [
    PublishedLesson,
    PublishedLesson,
    PublishedLesson,
    PublishedLesson,
  ];
  const lessons: PublishedLesson[] = [
    {
      ...reading,
      title: { ko: '근로계약서', en: 'The employment contract', zh: '劳动合同' },
      content: {
        kind: 'reading',
        body: {
          ko: '## 계약서를 꼭 받아요\n\n일을 시작하면 계약서를 받아요. [[임금]]도 적혀 있어요.',
          en: '## Always get a contract\n\nWhen you start work, you get a contract. It states your [[임금|wage]].',
          zh: '## 一定要拿到合同\n\n开始工作时要拿到合同，上面写着[[임금|工资]]。租房时还要了解[[전세|全租房]]。',
        },
      },
    },
    {
      ...sensitive,
      title: { ko: '임금을 못 받았을 때', en: 'When you are not paid' },
      contentNote: { ko: '부당한 대우에 대한 이야기가 나와요.', en: 'This lesson talks about unfair treatment.' },
      content: {
        kind: 'reading',
        body: {
          ko: '## 도움을 받는 곳\n\n고용노동부에 물어볼 수 있어요.',
          en: '## Where to get help\n\nYou can ask the Ministry of Employment and Labor.',
        },
      },
    },
    {
      ...quiz,
      title: { ko: '확인 문제', en: 'Check', zh: '检查一下' },
      content: {
        kind: 'quiz',
        passMark: 50,
        shuffle: false,
        questions: [
          {
            key: 'q-1',
            type: 'single',
            prompt: { ko: '계약서는 언제 받나요?', en: 'When do you get the contract?', zh: '什么时候拿到合同？' },
            explanation: { ko: '일을 시작할 때 받아요.', en: 'When you start work.', zh: '开始工作的时候。' },
            options: [
              {
                key: 'opt-a',
                text: { ko: '일을 시작할 때', en: 'When I start work', zh: '开始工作时' },
                correct: true,
              },
              // No Chinese for this option yet: it shows in Korean.
              { key: 'opt-b', text: { ko: '그만둘 때', en: 'When I leave' }, correct: false },
            ],
          },
        ],
      },
    },
    reflection,
  ];
  return { ...course, modules: [{ ...course.modules[0], lessons }] };
}

function learnerApi(locale: 'ko' | 'en' | 'zh', course = multilingualCourse()) {
  const server = eventsEndpoint();
  const api = mockApi({
    'GET /me': { status: 200, body: makeMe('learner', { locale }) },
    [`GET /courses/${SLUG}`]: { status: 200, body: course },
    ...lessonAnswers(course),
    [`GET /courses/${SLUG}/progress`]: server.progress(makeProgress()),
    'GET /me/journal': { status: 200, body: { items: [] } },
    'GET /me/certificates': { status: 200, body: { items: [] } },
    'GET /courses': { status: 200, body: { items: [] } },
    'GET /me/learning': { status: 200, body: { items: [] } },
    'POST /progress/events': server.handler,
    'POST /glossary/lookup': (req: MockRequest) => {
      const terms = (req.body as { terms: string[] }).terms;
      return { status: 200, body: { items: [JEONSE, WAGE].filter((t) => terms.includes(t.term)) } };
    },
  });
  return { api, server };
}

const languageControl = () => screen.getByRole('group', { name: /이 수업을 읽을 언어|Lesson language|课程语言/ });

// The whole app renders, with the Chinese catalogue, on a machine the suite shares: room beyond 5 s.
describe("the lesson in the learner's language", { timeout: 20_000 }, () => {
  beforeEach(() => {
    freshDevice();
    window.sessionStorage.clear();
  });

  it('shows a Chinese learner the Chinese lesson when it has one, the interface around it in Chinese', async () => {
    learnerApi('zh');
    renderApp(lessonUrl(L.reading));
    expect(await screen.findByRole('heading', { level: 1, name: '劳动合同' })).toBeInTheDocument();
    const lesson = screen.getByRole('article', { name: '劳动合同' });
    const heading = await within(lesson).findByRole('heading', { name: '一定要拿到合同' });
    expect(heading.closest('.markdown')).toHaveAttribute('lang', 'zh-Hans');
    expect(within(lesson).queryByText(/계약서를 꼭 받아요/)).not.toBeInTheDocument();
    // The control offers the three languages the lesson has, each named in itself; Chinese is chosen.
    const control = languageControl();
    expect(
      within(control)
        .getAllByRole('radio')
        .map((r) => r.closest('label')?.textContent),
    ).toEqual(['한국어', 'English', '中文']);
    expect(within(control).getByRole('radio', { name: '中文' })).toBeChecked();
    expect(within(control).getByRole('radio', { name: '한국어' }).closest('label')).toHaveAttribute('lang', 'ko');
    expect(await within(lesson).findByRole('button', { name: '我读完了' })).toBeInTheDocument();
  });

  it('shows a Chinese learner the Korean lesson when it has no Chinese, and offers only the languages it has', async () => {
    learnerApi('zh');
    renderApp(lessonUrl(L.sensitive));
    expect(await screen.findByRole('heading', { level: 1, name: '임금을 못 받았을 때' })).toBeInTheDocument();
    const note = await screen.findByRole('note');
    expect(within(note).getByText('부당한 대우에 대한 이야기가 나와요.')).toHaveAttribute('lang', 'ko');
    const control = languageControl();
    expect(
      within(control)
        .getAllByRole('radio')
        .map((r) => r.closest('label')?.textContent),
    ).toEqual(['한국어', 'English']);
    expect(within(control).getByRole('radio', { name: '한국어' })).toBeChecked();
    expect(within(control).queryByRole('radio', { name: '中文' })).not.toBeInTheDocument();
    expect(within(control).getByText('这节课还没有中文版。')).toBeInTheDocument();

    await userEvent.setup().click(within(note).getByRole('button', { name: '查看这节课' }));
    const heading = await screen.findByRole('heading', { name: '도움을 받는 곳' });
    expect(heading.closest('.markdown')).toHaveAttribute('lang', 'ko');
  });

  it('switches the lesson to Korean on the page, without leaving it or changing the interface, and remembers it for the course', async () => {
    learnerApi('zh');
    const user = userEvent.setup();
    const first = renderApp(lessonUrl(L.reading));
    const lesson = await screen.findByRole('article', { name: '劳动合同' });
    await within(lesson).findByRole('heading', { name: '一定要拿到合同' });

    await user.click(within(languageControl()).getByRole('radio', { name: '한국어' }));
    expect(await screen.findByRole('heading', { level: 1, name: '근로계약서' })).toBeInTheDocument();
    const korean = screen.getByRole('article', { name: '근로계약서' });
    expect(await within(korean).findByRole('heading', { name: '계약서를 꼭 받아요' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: '一定要拿到合同' })).not.toBeInTheDocument();
    expect(within(languageControl()).getByRole('radio', { name: '한국어' })).toBeChecked();
    // Same page, same interface language.
    expect(first.location()).toBe(lessonUrl(L.reading));
    expect(screen.getByRole('button', { name: '我读完了' })).toBeInTheDocument();
    expect(screen.getByText('第 1 / 4 课')).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('zh-Hans');
    expect(window.sessionStorage.getItem(`dari.lesson-language.${makeMe('learner').id}.${COURSE}`)).toBe('ko');
  });

  it('keeps the choice for the course in this tab: the next lessons open in it, and the quiz keeps its answers when switched', async () => {
    learnerApi('zh');
    window.sessionStorage.setItem(`dari.lesson-language.${makeMe('learner').id}.${COURSE}`, 'ko');
    const user = userEvent.setup();
    const first = renderApp(lessonUrl(L.quiz));
    expect(await screen.findByRole('radio', { name: '일을 시작할 때' })).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: '일을 시작할 때' }));
    await user.click(within(languageControl()).getByRole('radio', { name: 'English' }));
    expect(await screen.findByRole('radio', { name: 'When I start work' })).toBeChecked();
    expect(screen.getByText('When do you get the contract?')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '提交答案' })).toBeInTheDocument();

    // Opened again in this tab: the course's lessons open in English now.
    first.unmount();
    renderApp(lessonUrl(L.reading));
    expect(await screen.findByRole('heading', { level: 1, name: 'The employment contract' })).toBeInTheDocument();
    expect(within(languageControl()).getByRole('radio', { name: 'English' })).toBeChecked();
  });

  it('shows the quiz in Chinese, a text without Chinese in Korean', async () => {
    learnerApi('zh');
    renderApp(lessonUrl(L.quiz));
    expect(await screen.findByText('什么时候拿到合同？')).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: '开始工作时' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: '그만둘 때' })).toBeInTheDocument();
  });

  it("opens the glossary from a [[전세|全租房]] link in a Chinese body: the Korean term, its North Korean word, the gloss in the reader's language", async () => {
    const { api } = learnerApi('zh');
    const user = userEvent.setup();
    renderApp(lessonUrl(L.reading));
    const lesson = await screen.findByRole('article', { name: '劳动合同' });

    const jeonse = await within(lesson).findByRole('button', { name: '全租房' });
    expect(jeonse.querySelector('mark')).toHaveAttribute('data-term', '전세');
    await waitFor(() => expect(api.callsTo('POST', '/glossary/lookup').length).toBeGreaterThan(0));
    await user.click(jeonse);
    const dialog = await screen.findByRole('dialog', { name: '전세' });
    expect(within(dialog).getByText('전세')).toHaveAttribute('lang', 'ko');
    await within(dialog).findByText(JEONSE.gloss.zh);
    expect(dialog).toHaveTextContent(JEONSE.explanation);
    // The panel speaks the interface language inside the Chinese text.
    expect(dialog).toHaveAttribute('lang', 'zh-Hans');
    await user.keyboard('{Escape}');

    await user.click(within(lesson).getByRole('button', { name: '工资' }));
    const wage = await screen.findByRole('dialog', { name: '임금' });
    expect(wage).toHaveTextContent('朝鲜的说法 로임');
    expect(within(wage).getByText('로임')).toHaveAttribute('lang', 'ko');
    expect(wage).toHaveTextContent('工资');
  });

  it('shows no control for a lesson in Korean only, and Korean to a Korean reader', async () => {
    learnerApi('ko', makeCourse());
    renderApp(lessonUrl(L.reading));
    expect(await screen.findByRole('heading', { level: 1, name: '근로계약서' })).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: '이 수업을 읽을 언어' })).not.toBeInTheDocument();
    expect(screen.queryByRole('radio')).not.toBeInTheDocument();
  });

  it('a Korean reader reads Korean first and may switch to English', async () => {
    learnerApi('ko');
    renderApp(lessonUrl(L.sensitive));
    const control = within(await screen.findByRole('group', { name: '이 수업을 읽을 언어' }));
    expect(control.getByRole('radio', { name: '한국어' })).toBeChecked();
    await userEvent.setup().click(control.getByRole('radio', { name: 'English' }));
    const note = await screen.findByRole('note');
    expect(within(note).getByText('This lesson talks about unfair treatment.')).toHaveAttribute('lang', 'en');
    expect(screen.getByRole('heading', { level: 1, name: 'When you are not paid' })).toBeInTheDocument();
    expect(within(note).getByRole('button', { name: '수업 보기' })).toBeInTheDocument();
  });

  it('says on the course page which languages its lessons are in, each named in itself', async () => {
    learnerApi('zh');
    renderApp(`/learn/courses/${SLUG}`);
    const line = await screen.findByText('可用语言：', { exact: false });
    // The reflection is in Korean only: English and Chinese are there for some lessons.
    expect(line).toHaveTextContent(/^可用语言：한국어 · English（仅部分课） · 中文（仅部分课）$/);
    expect(within(line).getByText('中文')).toHaveAttribute('lang', 'zh-Hans');
    expect(within(line).getByText('한국어')).toHaveAttribute('lang', 'ko');
  });

  it('says nothing about languages for a course in Korean only', async () => {
    learnerApi('ko', makeCourse());
    renderApp(`/learn/courses/${SLUG}`);
    expect(await screen.findByRole('heading', { level: 1, name: '일터의 권리' })).toBeInTheDocument();
    expect(screen.queryByText(/수업 언어/)).not.toBeInTheDocument();
  });
});
