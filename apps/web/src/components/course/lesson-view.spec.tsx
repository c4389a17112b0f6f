import type { PublishedLesson } from '@dari/contracts';
import { render, screen } from '@testing-library/react';
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
  content: { kind: 'media', mediaType: 'video', mediaId: null, url: 'https://example.org/v', transcript: { ko: '# 첫 장면\n\n안녕하세요.' } },
};

/** The page's outline, as a screen reader's heading list shows it. */
const outline = (container: HTMLElement) => [...container.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => `${h.tagName}:${h.textContent}`);

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
    const startsAtTwo: PublishedLesson = { ...reading, content: { kind: 'reading', body: { ko: '## 권리\n\n모든 사람은 존엄해요.\n\n### 노동\n\n일할 권리.' } } };
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
