import type { PublishedLesson } from '@dari/contracts';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { LessonView } from './lesson-view';

const reading: PublishedLesson = {
  id: '7a1e2b3c-4d5e-4f60-8a7b-9c0d1e2f3c01',
  key: 'what-are-rights',
  kind: 'reading',
  title: { ko: '권리란' },
  required: true,
  estimatedMinutes: 10,
  contentNote: null,
  content: { kind: 'reading', body: { ko: '# 권리\n\n모든 사람은 존엄해요.\n\n## 노동\n\n일할 권리.' } },
};

const media: PublishedLesson = {
  ...reading,
  id: '7a1e2b3c-4d5e-4f60-8a7b-9c0d1e2f3c02',
  kind: 'media',
  content: {
    kind: 'media',
    mediaType: 'video',
    mediaId: null,
    url: 'https://example.org/v',
    transcript: { ko: '# 첫 장면\n\n안녕하세요.' },
  },
};

/** The page's outline, as a screen reader's heading list shows it. */
const outline = (container: HTMLElement) =>
  [...container.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => `${h.tagName}:${h.textContent}`);

describe('a lesson’s headings fit the page outline', () => {
  it('in the player, where the lesson title is the page’s h1: the author’s # is an h2', async () => {
    const { container } = render(
      <main>
        <h1>권리란</h1>
        <LessonView lesson={reading} hideTitle />
      </main>,
    );
    await screen.findByRole('heading', { name: '권리' });
    expect(outline(container)).toEqual(['H1:권리란', 'H2:권리', 'H3:노동']);
  });

  it('in a course preview, where the lesson title is an h2: the author’s # is an h3', async () => {
    const { container } = render(
      <main>
        <h1>인권 첫걸음</h1>
        <LessonView lesson={reading} />
      </main>,
    );
    await screen.findByRole('heading', { name: '권리' });
    expect(outline(container)).toEqual(['H1:인권 첫걸음', 'H2:권리란', 'H3:권리', 'H4:노동']);
  });

  it('a lesson that starts at ## still starts at h2 under the page’s h1 (no skipped level)', async () => {
    const startsAtTwo: PublishedLesson = {
      ...reading,
      content: { kind: 'reading', body: { ko: '## 권리\n\n모든 사람은 존엄해요.\n\n### 노동\n\n일할 권리.' } },
    };
    const { container } = render(
      <main>
        <h1>권리란</h1>
        <LessonView lesson={startsAtTwo} hideTitle />
      </main>,
    );
    await screen.findByRole('heading', { name: '권리' });
    expect(outline(container)).toEqual(['H1:권리란', 'H2:권리', 'H3:노동']);
  });

  it('a transcript’s headings go under its own heading', async () => {
    const { container } = render(
      <main>
        <h1>권리란</h1>
        <LessonView lesson={media} hideTitle />
      </main>,
    );
    await screen.findByRole('heading', { name: '첫 장면' });
    expect(outline(container)).toEqual(['H1:권리란', 'H2:글로 보기', 'H3:첫 장면']);
  });
});

describe('a content note asks once', () => {
  const sensitive: PublishedLesson = {
    ...reading,
    id: '7a1e2b3c-4d5e-4f60-8a7b-9c0d1e2f3c03',
    contentNote: { ko: '가족과 헤어지는 이야기가 나와요.' },
  };
  const memoryKey = `learner-1.${sensitive.id}`;

  it('comes first on a first visit; once the learner goes on, later visits open on the lesson with the note folded', async () => {
    const user = userEvent.setup();
    const first = render(
      <LessonView
        lesson={sensitive}
        hideTitle
        player={{ contentNote: { memoryKey, finished: false }, onSkip: () => undefined }}
      />,
    );
    expect(screen.getByText('가족과 헤어지는 이야기가 나와요.')).toBeVisible();
    expect(screen.queryByRole('heading', { name: '권리' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '수업 보기' }));
    expect(await screen.findByRole('heading', { name: '권리' })).toBeInTheDocument();
    first.unmount();

    // The next visit (a reload): straight to the lesson; the note is one tap away, folded.
    const { container } = render(
      <LessonView
        lesson={sensitive}
        hideTitle
        player={{ contentNote: { memoryKey, finished: false }, onSkip: () => undefined }}
      />,
    );
    expect(await screen.findByRole('heading', { name: '권리' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '수업 보기' })).not.toBeInTheDocument();
    const folded = container.querySelector('details');
    expect(folded).not.toHaveAttribute('open');
    expect(within(folded as HTMLElement).getByText('내용 안내 다시 보기')).toBeInTheDocument();
    expect(within(folded as HTMLElement).getByText('가족과 헤어지는 이야기가 나와요.')).not.toBeVisible();
  });

  it('is remembered per learner: another account on the same phone is asked again', () => {
    window.localStorage.setItem(`dari.contentNote.${memoryKey}`, 'continued');
    render(
      <LessonView
        lesson={sensitive}
        hideTitle
        player={{ contentNote: { memoryKey: `learner-2.${sensitive.id}`, finished: false } }}
      />,
    );
    expect(screen.getByRole('button', { name: '수업 보기' })).toBeInTheDocument();
  });

  it('never comes back on a lesson the learner has finished', async () => {
    const { container } = render(
      <LessonView lesson={sensitive} hideTitle player={{ contentNote: { memoryKey, finished: true } }} />,
    );
    expect(await screen.findByRole('heading', { name: '권리' })).toBeInTheDocument();
    expect(screen.queryByText('가족과 헤어지는 이야기가 나와요.')).not.toBeInTheDocument();
    expect(container.querySelector('details')).toBeNull();
  });
});
