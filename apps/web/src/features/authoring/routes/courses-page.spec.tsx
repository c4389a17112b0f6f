import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeAuthorCourse, makeMe } from '../../../test/fixtures';
import { apiError, mockApi } from '../../../test/mock-api';
import { renderApp } from '../../../test/render-app';

const asInstructor = { 'GET /me': { status: 200, body: makeMe('instructor') } };
const list = (items = [makeAuthorCourse()]) => ({
  status: 200,
  body: { items, total: items.length, page: 1, pageSize: 20 },
});

describe('course list (/teach)', () => {
  it('lists the courses with their status and searches by title and status through the address', async () => {
    const api = mockApi({ ...asInstructor, 'GET /authoring/courses': list() });
    const { location } = renderApp('/teach');
    const link = await screen.findByRole('link', { name: '인권 첫걸음' });
    expect(link).toHaveAttribute('href', `/teach/courses/${makeAuthorCourse().id}`);
    expect(link.closest('li')).toHaveTextContent('작성 중');
    expect(screen.getByRole('link', { name: '새 과정 만들기' })).toHaveAttribute('href', '/teach/new');
    expect(screen.getByRole('heading', { name: '과정 묶음 가져오기' })).toBeInTheDocument();

    const user = userEvent.setup();
    await user.type(screen.getByLabelText('제목으로 찾기'), '인권');
    await user.selectOptions(screen.getByLabelText('상태'), 'published');
    await user.click(screen.getByRole('button', { name: '찾기' }));
    await waitFor(() => expect(location()).toBe('/teach?q=%EC%9D%B8%EA%B6%8C&status=published'));
    const last = api.callsTo('GET', '/authoring/courses').at(-1)!;
    expect(last.query.get('q')).toBe('인권');
    expect(last.query.get('status')).toBe('published');
  });

  it('shows a manager the same list to read, without creating or importing', async () => {
    mockApi({
      'GET /me': { status: 200, body: makeMe('manager') },
      'GET /authoring/courses': list([makeAuthorCourse({ canEdit: false })]),
    });
    renderApp('/teach');
    expect(await screen.findByRole('link', { name: '인권 첫걸음' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: '과정 보기' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: '새 과정 만들기' })).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: '과정 묶음 가져오기' })).not.toBeInTheDocument();
  });

  it('keeps learners out', async () => {
    mockApi({ 'GET /me': { status: 200, body: makeMe('learner') } });
    renderApp('/teach');
    expect(await screen.findByRole('heading', { name: '들어갈 수 없는 곳이에요' })).toBeInTheDocument();
  });
});

describe('importing a bundle', () => {
  const bundle = () => new File([new Uint8Array([80, 75, 3, 4])], 'rights-at-work.zip', { type: 'application/zip' });

  it('offers a free address name when the bundle’s is taken here, and imports under it', async () => {
    const created = makeAuthorCourse();
    let calls = 0;
    const api = mockApi({
      ...asInstructor,
      'GET /authoring/courses': list(),
      'POST /authoring/courses/import': () =>
        calls++ === 0
          ? apiError(409, 'slug_taken', {
              suggestedSlug: 'rights-at-work-2',
              fields: [{ path: 'query.slug', message: 'is already taken' }],
            })
          : { status: 201, body: created },
      [`GET /authoring/courses/${created.id}`]: { status: 200, body: created },
    });
    const { location } = renderApp('/teach');
    const user = userEvent.setup();
    await user.upload(await screen.findByLabelText('과정 묶음 파일 (.zip)'), bundle());
    await user.click(screen.getByRole('button', { name: '가져오기' }));

    const slug = await screen.findByLabelText('주소 이름 (선택)');
    await waitFor(() => expect(slug).toHaveValue('rights-at-work-2'));
    expect(slug).toHaveAttribute('aria-invalid', 'true');
    expect(slug).toHaveFocus();
    const section = screen.getByRole('heading', { name: '과정 묶음 가져오기' }).closest('section')!;
    expect(section).toHaveTextContent('이 주소 이름은 여기 있는 다른 과정이 이미 쓰고 있어요.');
    // Never the API's field path or its English words.
    expect(section).not.toHaveTextContent('query.slug');
    expect(section).not.toHaveTextContent('already taken');
    expect(api.callsTo('POST', '/authoring/courses/import')[0].query.get('slug')).toBeNull();

    await user.click(screen.getByRole('button', { name: '가져오기' }));
    await waitFor(() => expect(location()).toBe(`/teach/courses/${created.id}`));
    expect(api.callsTo('POST', '/authoring/courses/import')[1].query.get('slug')).toBe('rights-at-work-2');
  });

  it('names the broken file in a translated sentence, never a field path or the API’s English', async () => {
    mockApi({
      ...asInstructor,
      'GET /authoring/courses': list(),
      'POST /authoring/courses/import': apiError(400, 'invalid_bundle', {
        fields: [
          { path: 'lessons/l1.quiz.json.passMark', message: 'Too big: expected number to be <=100' },
          { path: 'body.slug', message: 'is already taken' },
        ],
      }),
    });
    renderApp('/teach');
    const user = userEvent.setup();
    await user.upload(await screen.findByLabelText('과정 묶음 파일 (.zip)'), bundle());
    await user.click(screen.getByRole('button', { name: '가져오기' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('과정 묶음 파일을 읽지 못했어요.');
    expect(alert).toHaveTextContent('문제가 있는 파일: lessons/l1.quiz.json');
    expect(alert).toHaveTextContent('묶음의 다른 곳에도 문제가 있어요.');
    expect(alert).not.toHaveTextContent('passMark');
    expect(alert).not.toHaveTextContent('body.slug');
    expect(alert).not.toHaveTextContent('Too big');
  });
});

describe('new course (/teach/new)', () => {
  it('suggests the slug from the English title and sends the course with its tags', async () => {
    const created = makeAuthorCourse();
    const api = mockApi({
      ...asInstructor,
      'POST /authoring/courses': { status: 201, body: created },
      [`GET /authoring/courses/${created.id}`]: { status: 200, body: created },
    });
    const { location } = renderApp('/teach/new');
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('과정 제목 (한국어)'), '일터의 권리');
    await user.type(screen.getByLabelText('과정 제목 (English, 선택)'), 'Rights at Work!');
    expect(screen.getByLabelText('주소 이름')).toHaveValue('rights-at-work');
    const tags = screen.getByRole('group', { name: '주제' });
    await user.click(within(tags).getByLabelText('일과 노동'));
    await user.click(within(tags).getByLabelText('법'));
    await user.selectOptions(screen.getByLabelText('참여 방법'), 'code');
    await user.click(screen.getByRole('button', { name: '과정 만들기' }));

    await waitFor(() => expect(location()).toBe(`/teach/courses/${created.id}`));
    const sent = api.callsTo('POST', '/authoring/courses')[0];
    expect(sent.body).toEqual({
      slug: 'rights-at-work',
      title: { ko: '일터의 권리', en: 'Rights at Work!' },
      language: 'ko',
      tags: ['work', 'law'],
      enrolmentPolicy: 'code',
    });
    expect(sent.headers['x-dari-client']).toBe('web');
  });

  it('makes the address name from a Korean-only title, so the title alone is enough', async () => {
    const created = makeAuthorCourse();
    const api = mockApi({
      ...asInstructor,
      'POST /authoring/courses': { status: 201, body: created },
      [`GET /authoring/courses/${created.id}`]: { status: 200, body: created },
    });
    const { location } = renderApp('/teach/new');
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('과정 제목 (한국어)'), '인권의 기초');
    expect(screen.getByLabelText('주소 이름')).toHaveValue('ingwonui-gicho');
    await user.click(screen.getByRole('button', { name: '과정 만들기' }));
    await waitFor(() => expect(location()).toBe(`/teach/courses/${created.id}`));
    expect(api.callsTo('POST', '/authoring/courses')[0].body).toMatchObject({
      slug: 'ingwonui-gicho',
      title: { ko: '인권의 기초' },
    });
  });

  it('gives a title with nothing to romanise a short random address name instead of refusing it', async () => {
    const created = makeAuthorCourse();
    const api = mockApi({
      ...asInstructor,
      'POST /authoring/courses': { status: 201, body: created },
      [`GET /authoring/courses/${created.id}`]: { status: 200, body: created },
    });
    const { location } = renderApp('/teach/new');
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('과정 제목 (한국어)'), '人权');
    await user.click(screen.getByRole('button', { name: '과정 만들기' }));
    await waitFor(() => expect(location()).toBe(`/teach/courses/${created.id}`));
    expect((api.callsTo('POST', '/authoring/courses')[0].body as { slug: string }).slug).toMatch(
      /^course-[a-z0-9]{4}$/,
    );
  });

  it('shows a taken slug at the slug field', async () => {
    mockApi({ ...asInstructor, 'POST /authoring/courses': apiError(409, 'slug_taken') });
    renderApp('/teach/new');
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('과정 제목 (한국어)'), '일터의 권리');
    await user.clear(screen.getByLabelText('주소 이름'));
    await user.type(screen.getByLabelText('주소 이름'), 'rights-at-work');
    await user.click(screen.getByRole('button', { name: '과정 만들기' }));
    const slug = screen.getByLabelText('주소 이름');
    await waitFor(() => expect(slug).toHaveAttribute('aria-invalid', 'true'));
    const errorId = slug
      .getAttribute('aria-describedby')!
      .split(' ')
      .find((id) => id.endsWith('-error'))!;
    expect(document.getElementById(errorId)).toHaveTextContent(
      '이미 쓰고 있는 주소 이름이에요. 다른 이름을 정해 주세요.',
    );
  });

  it('fills in the free address name the API offers when the chosen one is taken', async () => {
    const created = makeAuthorCourse();
    let calls = 0;
    const api = mockApi({
      ...asInstructor,
      'POST /authoring/courses': () =>
        calls++ === 0
          ? apiError(409, 'slug_taken', {
              suggestedSlug: 'ingwonui-gicho-2',
              fields: [{ path: 'body.slug', message: 'is already taken' }],
            })
          : { status: 201, body: created },
      [`GET /authoring/courses/${created.id}`]: { status: 200, body: created },
    });
    const { location } = renderApp('/teach/new');
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('과정 제목 (한국어)'), '인권의 기초');
    await user.click(screen.getByRole('button', { name: '과정 만들기' }));
    const slug = screen.getByLabelText('주소 이름');
    await waitFor(() => expect(slug).toHaveValue('ingwonui-gicho-2'));
    expect(slug).toHaveAccessibleDescription(expect.stringContaining('비어 있는 이름을 넣어 두었어요.'));
    expect(document.body).not.toHaveTextContent('body.slug');
    expect(document.body).not.toHaveTextContent('already taken');
    await user.click(screen.getByRole('button', { name: '과정 만들기' }));
    await waitFor(() => expect(location()).toBe(`/teach/courses/${created.id}`));
    expect(api.callsTo('POST', '/authoring/courses')[1].body).toMatchObject({ slug: 'ingwonui-gicho-2' });
  });

  it('explains the slug rules before sending', async () => {
    const api = mockApi(asInstructor);
    renderApp('/teach/new');
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('과정 제목 (한국어)'), '일터의 권리');
    await user.clear(screen.getByLabelText('주소 이름'));
    await user.type(screen.getByLabelText('주소 이름'), 'Rights At Work');
    await user.click(screen.getByRole('button', { name: '과정 만들기' }));
    expect(await screen.findByText(/영어 소문자와 숫자만 쓰고, 낱말 사이는 빼기/)).toBeInTheDocument();
    expect(api.callsTo('POST', '/authoring/courses')).toHaveLength(0);
  });
});
