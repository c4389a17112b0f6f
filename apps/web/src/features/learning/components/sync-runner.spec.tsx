import { screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { makeMe } from '../../../test/fixtures';
import { mockApi, type MockRequest } from '../../../test/mock-api';
import { renderApp } from '../../../test/render-app';
import { learningQueue, newEvent } from '../queue/learning-queue';
import { freshDevice, L, makeEnrolment, SLUG } from '../test-fixtures';

describe('after the queue syncs', () => {
  beforeEach(() => freshDevice());

  it('My learning is read again from the server, also when the answer names no enrolment (events it already had)', async () => {
    let percent = 0;
    const api = mockApi({
      'GET /me': { status: 200, body: makeMe('learner') },
      'GET /courses': { status: 200, body: { items: [] } },
      'GET /me/learning': () => ({ status: 200, body: { items: [makeEnrolment({ percent })] } }),
      // What a phone coming back online can get: the server had the events already (sent before the
      // connection dropped), so it names no enrolment in its answer.
      'POST /progress/events': (req: MockRequest) => ({
        status: 200,
        body: {
          results: (req.body as { events: { id: string }[] }).events.map((e) => ({ id: e.id, status: 'duplicate' })),
          enrolments: [],
        },
      }),
    });
    renderApp('/learn');
    expect(await screen.findByText('0% 마쳤어요')).toBeInTheDocument();
    await waitFor(() => expect(api.callsTo('GET', '/me/learning').length).toBeGreaterThan(0));
    const before = api.callsTo('GET', '/me/learning').length;

    percent = 25;
    await learningQueue().record(newEvent('completed', L.reading, {}), SLUG);
    await waitFor(() => expect(api.callsTo('POST', '/progress/events')).toHaveLength(1));
    expect(await screen.findByText('25% 마쳤어요')).toBeInTheDocument();
    expect(api.callsTo('GET', '/me/learning').length).toBeGreaterThan(before);
  });
});
