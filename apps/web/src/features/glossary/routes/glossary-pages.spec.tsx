import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { COURSE_ID, LESSON_IDS, makeAuthorCourse, makeMe } from '../../../test/fixtures';
import { apiError, mockApi, type MockRequest } from '../../../test/mock-api';
import { renderApp } from '../../../test/render-app';
import { MINJU, makeTerm, makeWordRequest } from '../test/terms';

const page = (items: unknown[], total = items.length) => ({
  status: 200,
  body: { items, total, page: 1, pageSize: 20 },
});

describe('glossary search', () => {
  it('passes an initial-consonant query through as typed and lists what the API finds', async () => {
    const api = mockApi({
      'GET /me': { status: 200, body: makeMe('learner') },
      'GET /glossary': (req: MockRequest) =>
        req.query.get('q') === 'ㅁㅈㅈㅇ' ? page([MINJU]) : page([makeTerm(), MINJU], 228),
    });
    const { location } = renderApp('/glossary');
    expect(await screen.findByRole('heading', { level: 1, name: '용어집' })).toBeInTheDocument();
    expect(await screen.findByText('낱말 228개')).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: '주 메뉴' });
    expect(within(nav).getByRole('link', { name: '단어' })).toHaveAttribute('aria-current', 'page');

    const user = userEvent.setup();
    const box = screen.getByRole('searchbox', { name: '낱말 찾기' });
    expect(box).toHaveAccessibleDescription(/ㅁㅈㅈㅇ처럼 첫소리만 써도 찾아요/);
    await user.type(box, 'ㅁㅈㅈㅇ');
    await user.click(screen.getByRole('button', { name: '찾기' }));
    expect(await screen.findByText('낱말 1개')).toBeInTheDocument();
    expect(location()).toBe(`/glossary?q=${encodeURIComponent('ㅁㅈㅈㅇ')}`);
    const last = api.callsTo('GET', '/glossary').at(-1)!;
    expect(last.query.get('q')).toBe('ㅁㅈㅈㅇ');
    expect(screen.getByRole('link', { name: '민주주의' })).toHaveAttribute('href', `/glossary/${MINJU.id}`);
  });

  it('filters by topic', async () => {
    const api = mockApi({ 'GET /me': { status: 200, body: makeMe('learner') }, 'GET /glossary': page([makeTerm()]) });
    renderApp('/glossary');
    const user = userEvent.setup();
    await user.selectOptions(await screen.findByRole('combobox', { name: '분류' }), '일');
    await user.click(screen.getByRole('button', { name: '찾기' }));
    await waitFor(() => expect(api.callsTo('GET', '/glossary').at(-1)!.query.get('tag')).toBe('work'));
  });
});

describe('word requests', () => {
  it('a learner asks about a typed word from the glossary page and later sees the answer in their word list', async () => {
    const answered = makeWordRequest({
      status: 'answered',
      term: makeTerm({ term: '갑질', northKorean: [], saved: true }),
    });
    const api = mockApi({
      'GET /me': { status: 200, body: makeMe('learner') },
      'GET /glossary': page([]),
      'POST /word-requests': (req: MockRequest) => ({
        status: 201,
        body: makeWordRequest({ text: (req.body as { text: string }).text }),
      }),
      'GET /me/words': { status: 200, body: { items: [answered.term] } },
      'GET /me/word-requests': { status: 200, body: { items: [answered] } },
    });
    renderApp('/glossary');
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('물어볼 낱말'), '갑질');
    await user.click(screen.getByRole('button', { name: '물어보기' }));
    expect(await screen.findByText(/‘갑질’에 대해 물어봤어요/)).toBeInTheDocument();
    expect(api.callsTo('POST', '/word-requests')[0].body).toEqual({ text: '갑질' });

    await user.click(screen.getByRole('link', { name: '내 단어장' }));
    expect(await screen.findByRole('heading', { level: 1, name: '내 단어장' })).toBeInTheDocument();
    const asked = await screen.findByRole('region', { name: '내가 물어본 낱말' });
    // Both lists load on their own: wait for each.
    expect(await within(asked).findByText('답이 왔어요')).toBeInTheDocument();
    expect(asked).toHaveTextContent(answered.term!.explanation);
    await waitFor(() => expect(screen.getByRole('region', { name: '저장한 낱말' })).toHaveTextContent('갑질'));
  });

  it('an instructor answers a request with a new term, naming who asked and in which lesson', async () => {
    const request = makeWordRequest({ courseId: COURSE_ID, lessonId: LESSON_IDS[1], askedBy: '하나' });
    const api = mockApi({
      'GET /me': { status: 200, body: makeMe('instructor') },
      'GET /word-requests': { status: 200, body: { items: [request] } },
      [`GET /authoring/courses/${COURSE_ID}`]: { status: 200, body: makeAuthorCourse() },
      [`POST /word-requests/${request.id}/answer`]: (req: MockRequest) => {
        const entry = (req.body as { newTerm: { related: string[] } }).newTerm;
        if (entry.related.length > 0)
          return apiError(400, 'validation_failed', {
            fields: [{ path: 'body.related', message: 'not in the glossary: 없는말' }],
          });
        return { status: 200, body: { ...request, status: 'answered', term: makeTerm({ term: '갑질' }) } };
      },
    });
    renderApp('/glossary/requests');
    const card = (await screen.findByRole('heading', { level: 3, name: '갑질' })).closest('li')!;
    expect(card).toHaveTextContent('하나');
    expect(await within(card).findByRole('link', { name: '인권 첫걸음 › 존엄성' })).toHaveAttribute(
      'href',
      `/teach/courses/${COURSE_ID}/lessons/${LESSON_IDS[1]}`,
    );
    expect(api.callsTo('GET', '/word-requests')[0].query.get('status')).toBe('open');

    const user = userEvent.setup();
    await user.click(within(card).getByRole('button', { name: '새 낱말을 만들어 답하기' }));
    expect(within(card).getByLabelText(/남한 말/)).toHaveValue('갑질');
    // The form checks the fields before anything is sent.
    await user.click(within(card).getByRole('button', { name: '용어집에 넣기' }));
    expect(await within(card).findByText('분류를 하나 이상 골라 주세요.')).toBeInTheDocument();
    expect(api.callsTo('POST', `/word-requests/${request.id}/answer`)).toHaveLength(0);

    await user.type(within(card).getByLabelText('쉬운 풀이'), '힘이 센 사람이 약한 사람을 함부로 대하는 일이에요.');
    await user.type(within(card).getByLabelText('영어 뜻'), 'abuse of power');
    await user.type(within(card).getByLabelText('중국어 뜻 (간체자)'), '仗势欺人');
    await user.type(within(card).getByLabelText('예문'), '사장님의 갑질은 신고할 수 있어요.');
    await user.click(within(card).getByRole('checkbox', { name: '일' }));
    await user.type(within(card).getByLabelText('함께 보면 좋은 말'), '없는말');
    await user.click(within(card).getByRole('button', { name: '용어집에 넣기' }));
    // The API names the field: it is shown beside it.
    expect(await within(card).findByText(/not in the glossary: 없는말/)).toBeInTheDocument();

    await user.clear(within(card).getByLabelText('함께 보면 좋은 말'));
    await user.click(within(card).getByRole('button', { name: '용어집에 넣기' }));
    expect(await screen.findByText('답했어요. 학습자의 단어장에 들어갔어요.')).toBeInTheDocument();
    const sent = api.callsTo('POST', `/word-requests/${request.id}/answer`).at(-1)!.body;
    expect(sent).toEqual({
      newTerm: {
        term: '갑질',
        northKorean: [],
        explanation: '힘이 센 사람이 약한 사람을 함부로 대하는 일이에요.',
        gloss: { en: 'abuse of power', zh: '仗势欺人' },
        example: '사장님의 갑질은 신고할 수 있어요.',
        tags: ['work'],
        related: [],
      },
    });
  });

  it('an instructor answers by linking an existing term found by a search', async () => {
    const request = makeWordRequest({ text: '월급' });
    const api = mockApi({
      'GET /me': { status: 200, body: makeMe('instructor') },
      'GET /word-requests': { status: 200, body: { items: [request] } },
      'GET /glossary': (req: MockRequest) => (req.query.get('q') === '임금' ? page([makeTerm()]) : page([])),
      [`POST /word-requests/${request.id}/answer`]: { status: 200, body: { ...request, status: 'answered' } },
    });
    renderApp('/glossary/requests');
    const user = userEvent.setup();
    const card = (await screen.findByRole('heading', { level: 3, name: '월급' })).closest('li')!;
    expect(card).toHaveTextContent('수업 밖에서 물어봤어요');
    await user.click(within(card).getByRole('button', { name: '용어집에 있는 낱말로 답하기' }));
    expect(await within(card).findByText('맞는 낱말이 없어요. 새 낱말을 만들어 답해 주세요.')).toBeInTheDocument();
    const search = within(card).getByRole('searchbox', { name: '용어집에서 찾기' });
    await user.clear(search);
    await user.type(search, '임금{Enter}');
    await user.click(await within(card).findByRole('button', { name: '‘임금’(으)로 답하기' }));
    await waitFor(() => expect(api.callsTo('POST', `/word-requests/${request.id}/answer`)).toHaveLength(1));
    expect(api.callsTo('POST', `/word-requests/${request.id}/answer`)[0].body).toEqual({ termId: makeTerm().id });
  });

  it('a learner cannot open the staff pages', async () => {
    mockApi({ 'GET /me': { status: 200, body: makeMe('learner') } });
    renderApp('/glossary/requests');
    expect(await screen.findByRole('heading', { level: 1, name: '들어갈 수 없는 곳이에요' })).toBeInTheDocument();
  });
});
