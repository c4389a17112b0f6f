import type { PublishedLesson } from '@dari/contracts';
import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LessonView } from '../course/lesson-view';
import { FactsContext } from './facts-context';
import { Markdown } from './markdown';
import { HOURLY_WAGE_FACT as hourly } from '../../test/fixtures';

// {{fact:KEY}} in a lesson shows the dated fact for the phone's date in Korea, from the facts its
// published course carries (libs/curriculum/facts/minimum-wage.json, as the API embeds it).

const lesson: PublishedLesson = {
  id: '7a1e2b3c-4d5e-4f60-8a7b-9c0d1e2f3c11',
  key: 'minimum-wage',
  kind: 'reading',
  title: { ko: '최저임금' },
  required: true,
  estimatedMinutes: 5,
  contentNote: null,
  content: {
    kind: 'reading',
    body: {
      ko: '# 최저임금\n\n시급은 {{fact:minimum-wage-hourly}}이에요.\n\n`{{fact:minimum-wage-hourly}}`',
      en: '# Minimum wage\n\nThe hourly minimum is {{fact:minimum-wage-hourly}}.',
    },
  },
};

const at = (iso: string) => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(iso));
};

describe('dated facts in lessons', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows the value that holds today with its year, up to the last day of 2026 in Korea', async () => {
    for (const now of ['2026-06-01T03:00:00Z', '2026-12-31T14:59:00Z']) {
      at(now);
      const { unmount } = render(<LessonView lesson={lesson} facts={[hourly]} hideTitle />);
      expect(await screen.findByText('시급은 10,320원(2026년 기준)이에요.')).toBeInTheDocument();
      // Code shows what the author wrote.
      expect(screen.getByText('{{fact:minimum-wage-hourly}}').tagName).toBe('CODE');
      unmount();
    }
  });

  it('today, if it is before 2027, shows the 2026 value', async () => {
    vi.useRealTimers();
    render(<LessonView lesson={lesson} facts={[hourly]} hideTitle />);
    const paragraph = await screen.findByText(/^시급은 /);
    if (Date.now() < Date.parse('2026-12-31T15:00:00Z'))
      expect(paragraph).toHaveTextContent('시급은 10,320원(2026년 기준)이에요.');
    else expect(paragraph.textContent).toMatch(/10,320원\(2026년 기준 — 최신 금액은 .*에서 확인하세요\)/);
  });

  it('from 2027 on: the last value with its year and where to check, never a guess', async () => {
    at('2027-03-01T00:00:00Z');
    render(<LessonView lesson={lesson} facts={[hourly]} hideTitle />);
    const paragraph = await screen.findByText(/^시급은 /);
    expect(paragraph).toHaveTextContent(
      `시급은 10,320원(2026년 기준 — 최신 금액은 ${hourly.checkAt.ko}에서 확인하세요)이에요.`,
    );
    expect(paragraph.textContent).toContain('1350');
  });

  it('Korea midnight, not UTC: 2026-12-31T15:00Z is already 2027 in Seoul', async () => {
    at('2026-12-31T15:00:00Z');
    render(<LessonView lesson={lesson} facts={[hourly]} hideTitle />);
    expect((await screen.findByText(/^시급은 /)).textContent).toContain('— 최신 금액은');
  });

  it('in the text’s language: English and Chinese', () => {
    at('2026-06-01T00:00:00Z');
    const { unmount } = render(
      <FactsContext.Provider value={[hourly]}>
        <Markdown source={'It is {{fact:minimum-wage-hourly}}.'} lang="en" />
        <Markdown source={'时薪为{{fact:minimum-wage-hourly}}。'} lang="zh-Hans" />
      </FactsContext.Provider>,
    );
    expect(screen.getByText('It is KRW 10,320 (as of 2026).')).toBeInTheDocument();
    expect(screen.getByText('时薪为10,320韩元（2026年标准）。')).toBeInTheDocument();
    unmount();
  });

  it('an unknown key is a plain marker; without any facts (the editor preview) the reference stays as written', () => {
    at('2026-06-01T00:00:00Z');
    const { unmount } = render(
      <FactsContext.Provider value={[]}>
        <Markdown source={'값: {{fact:no-such-fact}}'} />
      </FactsContext.Provider>,
    );
    expect(screen.getByText('값: [no-such-fact]')).toBeInTheDocument();
    unmount();
    render(<Markdown source={'값: {{fact:minimum-wage-hourly}}'} />);
    expect(screen.getByText('값: {{fact:minimum-wage-hourly}}')).toBeInTheDocument();
  });

  it('quiz prompts, options and explanations and content notes show facts too', async () => {
    at('2026-06-01T00:00:00Z');
    const quiz: PublishedLesson = {
      ...lesson,
      id: '7a1e2b3c-4d5e-4f60-8a7b-9c0d1e2f3c12',
      kind: 'quiz',
      contentNote: { ko: '{{fact:minimum-wage-hourly}} 이야기가 나와요.' },
      content: {
        kind: 'quiz',
        passMark: 50,
        shuffle: false,
        questions: [
          {
            key: 'q1',
            type: 'single',
            prompt: { ko: '2026년 시급이 {{fact:minimum-wage-hourly}}일 때 맞는 것은?' },
            explanation: { ko: '{{fact:minimum-wage-hourly}}보다 적게 주면 안 돼요.' },
            options: [
              { key: 'a', text: { ko: '{{fact:minimum-wage-hourly}} 이상' }, correct: true },
              { key: 'b', text: { ko: '사장님 마음대로' }, correct: false },
            ],
          },
        ],
      },
    };
    render(<LessonView lesson={quiz} facts={[hourly]} hideTitle />);
    expect(screen.getByText('10,320원(2026년 기준) 이야기가 나와요.')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '수업 보기' }));
    expect(await screen.findByText('2026년 시급이 10,320원(2026년 기준)일 때 맞는 것은?')).toBeInTheDocument();
    expect(screen.getByText('10,320원(2026년 기준) 이상')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('radio', { name: '10,320원(2026년 기준) 이상' }));
    fireEvent.click(screen.getByRole('button', { name: '답 확인하기' }));
    expect(await screen.findByText('10,320원(2026년 기준)보다 적게 주면 안 돼요.')).toBeInTheDocument();
  });
});
