import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { QuizReview } from '@dari/contracts';
import type { QuizOutcome } from './quiz-outcome';
import { QuizPlay } from './quiz-play';
import type { LearnerQuizContent } from './quiz-try';

// The quiz as the learner gets it: no right answers, no explanations (issue 18).
const content: LearnerQuizContent = {
  kind: 'quiz',
  passMark: 50,
  shuffle: false,
  questions: [
    {
      key: 'q-1',
      type: 'single',
      prompt: { ko: '근로계약서는 언제 받아요?' },
      options: [
        { key: 'opt-a', text: { ko: '일을 시작할 때' } },
        { key: 'opt-b', text: { ko: '그만둘 때' } },
      ],
    },
    { key: 'q-2', type: 'true_false', prompt: { ko: '잘못한 사람은 인권이 없어요.' } },
    { key: 'q-3', type: 'true_false', prompt: { ko: '누구나 존엄해요.' } },
  ],
};

// What the server's grading says of each question: the right answer and why, as HTML.
// The curriculum's explanations of a false statement open with "틀려요." (it is false).
const review: QuizReview = {
  'q-1': { options: ['opt-a'], explanation: { ko: '<p>일을 시작할 때 받아요.</p>' } },
  'q-2': { answer: false, explanation: { ko: '<p>틀려요. 법을 어긴 사람도 인권이 있어요.</p>' } },
  'q-3': { answer: true, explanation: { ko: '<p>맞아요. 모든 사람은 존엄해요.</p>' } },
};

const marks = (label: HTMLElement) => [...label.querySelectorAll('.choice-mark')].map((m) => m.textContent);
const choice = (group: HTMLElement, name: string) => within(group).getByText(name).closest('label') as HTMLElement;

describe('the graded quiz says what the learner chose and what was right', () => {
  it('marks "내 답" on the learner’s choice and "정답" on the right one, true/false included, and never reads "맞았어요! 틀려요."', async () => {
    const graded: QuizOutcome = {
      state: 'graded',
      score: 33,
      passed: false,
      correct: { 'q-1': false, 'q-2': true, 'q-3': false },
      review,
    };
    render(<QuizPlay content={content} locale="ko" onSubmit={() => Promise.resolve(graded)} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('radio', { name: '그만둘 때' }));
    const [, second, third] = screen.getAllByRole('group', { name: /번 문제/ });
    await user.click(within(second).getByRole('radio', { name: '틀리다' }));
    await user.click(within(third).getByRole('radio', { name: '틀리다' }));
    await user.click(screen.getByRole('button', { name: '답 내기' }));
    await screen.findByText('33점이에요.');

    const [first] = screen.getAllByRole('group', { name: /번 문제/ });
    expect(marks(choice(first, '그만둘 때'))).toEqual(['내 답']);
    expect(marks(choice(first, '일을 시작할 때'))).toEqual(['정답']);
    expect(first).toHaveTextContent('다시 생각해 봐요.');

    // True/false: the right answer is marked too, and the learner's own.
    expect(marks(choice(second, '틀리다'))).toEqual(['정답', '내 답']);
    expect(marks(choice(second, '맞다'))).toEqual([]);
    expect(marks(choice(third, '맞다'))).toEqual(['정답']);
    expect(marks(choice(third, '틀리다'))).toEqual(['내 답']);

    // The verdict is about the learner's answer; the explanation stands under its own label.
    expect(second).toHaveTextContent('내 답이 맞았어요.');
    expect(second).toHaveTextContent('설명');
    expect(await within(second).findByText('틀려요. 법을 어긴 사람도 인권이 있어요.')).toBeInTheDocument();
    expect(second.textContent).not.toMatch(/맞았어요!\s*틀려요/);
  });

  it('shows the learner’s last attempt again (after a reload), with their answers and the grading, until they try again', async () => {
    const last = {
      answers: { 'q-1': ['opt-b'], 'q-2': false, 'q-3': false },
      correct: { 'q-1': false, 'q-2': true, 'q-3': false },
      review,
      score: 33,
      passed: false,
      submittedAt: '2026-12-01T09:30:00.000Z',
    };
    const { rerender } = render(
      <QuizPlay content={content} locale="ko" onSubmit={() => Promise.resolve({ state: 'queued' })} last={null} />,
    );
    expect(screen.getByRole('button', { name: '답 내기' })).toBeInTheDocument();
    // The attempt arrives from the server after the page.
    rerender(
      <QuizPlay content={content} locale="ko" onSubmit={() => Promise.resolve({ state: 'queued' })} last={last} />,
    );
    expect(await screen.findByText('33점이에요.')).toBeInTheDocument();
    expect(screen.getByText(/지난번에 낸 답이에요/)).toBeInTheDocument();
    const [first, second] = screen.getAllByRole('group', { name: /번 문제/ });
    expect(within(first).getByRole('radio', { name: /그만둘 때/ })).toBeChecked();
    expect(marks(choice(first, '그만둘 때'))).toEqual(['내 답']);
    expect(marks(choice(second, '틀리다'))).toEqual(['정답', '내 답']);
    expect(second).toHaveTextContent('내 답이 맞았어요.');

    await userEvent.setup().click(screen.getByRole('button', { name: '다시 풀기' }));
    expect(screen.getByRole('button', { name: '답 내기' })).toBeInTheDocument();
    expect(screen.queryByText(/지난번에 낸 답이에요/)).not.toBeInTheDocument();
    expect(within(first).getByRole('radio', { name: '그만둘 때' })).not.toBeChecked();
  });
});
