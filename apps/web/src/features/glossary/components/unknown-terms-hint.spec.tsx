import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { COURSE_ID, LESSON_IDS, makeAuthorCourse, makeAuthorLesson, makeMe } from '../../../test/fixtures';
import { mockApi, type MockRequest } from '../../../test/mock-api';
import { renderApp } from '../../../test/render-app';
import { makeTerm } from '../test/terms';

const LESSON = LESSON_IDS[0];

describe('the lesson editor preview and the glossary', () => {
  it('flags [[terms]] without an entry and counts them above the preview', async () => {
    const api = mockApi({
      'GET /me': { status: 200, body: makeMe('instructor') },
      [`GET /authoring/courses/${COURSE_ID}`]: { status: 200, body: makeAuthorCourse() },
      [`GET /authoring/lessons/${LESSON}`]: {
        status: 200,
        body: makeAuthorLesson({
          content: { kind: 'reading', body: { ko: '[[임금]]과 [[갑질]], [[꼰대|꼰대 문화]]를 알아봐요.' } },
        }),
      },
      'POST /glossary/lookup': (req: MockRequest) => {
        const terms = (req.body as { terms: string[] }).terms;
        return { status: 200, body: { items: terms.includes('임금') ? [makeTerm()] : [] } };
      },
    });
    renderApp(`/teach/courses/${COURSE_ID}/lessons/${LESSON}`);
    const preview = await screen.findByRole('region', { name: '미리 보기' });
    expect(await within(preview).findByText('용어집에 없는 낱말 2개: 갑질, 꼰대')).toBeInTheDocument();
    await waitFor(() => expect(preview.querySelector('mark[data-term="갑질"]')).toHaveClass('term-unknown'));
    expect(preview.querySelector('mark[data-term="꼰대"]')).toHaveClass('term-unknown');
    expect(preview.querySelector('mark[data-term="꼰대"]')).toHaveTextContent('꼰대 문화');
    expect(preview.querySelector('mark[data-term="임금"]')).not.toHaveClass('term-unknown');
    expect(api.callsTo('POST', '/glossary/lookup')).toHaveLength(1);
  });
});
