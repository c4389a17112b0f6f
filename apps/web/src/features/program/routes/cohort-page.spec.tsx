import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeMe } from '../../../test/fixtures';
import { apiError, mockApi } from '../../../test/mock-api';
import { renderApp } from '../../../test/render-app';
import { COHORT_ID, COURSE_A, LEARNER_ID, makeCohort, makeGrid } from '../test/program-fixtures';

const base = {
  'GET /me': { status: 200, body: makeMe('manager') },
  [`GET /cohorts/${COHORT_ID}`]: { status: 200, body: makeCohort() },
};
const page = (tab: string) => `/program/cohorts/${COHORT_ID}?tab=${tab}`;

const code = (overrides: object = {}) => ({
  id: '9a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c01',
  code: 'ABCDE-FGHJK',
  expiresAt: null,
  maxUses: 30,
  uses: 3,
  revokedAt: null,
  createdAt: '2026-11-01T09:00:00.000Z',
  usable: true,
  ...overrides,
});

describe('cohort: join codes', () => {
  it('makes a code with a use limit and an end date, and lists each code with its status in words', async () => {
    let items = [
      code({
        id: '9a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c02',
        code: 'KMNPQ-23456',
        revokedAt: '2026-11-02T09:00:00.000Z',
        usable: false,
      }),
    ];
    const api = mockApi({
      ...base,
      [`GET /cohorts/${COHORT_ID}/join-codes`]: () => ({ status: 200, body: { items } }),
      [`POST /cohorts/${COHORT_ID}/join-codes`]: () => {
        items = [code(), ...items];
        return { status: 201, body: code() };
      },
    });
    renderApp(page('codes'));
    const table = await screen.findByRole('table', { name: '이 기수의 참여 코드' });
    expect(within(table).getByRole('rowheader', { name: 'KMNPQ-23456' }).closest('tr')).toHaveTextContent(
      '사용 중지됨',
    );

    const user = userEvent.setup();
    await user.type(screen.getByLabelText('쓸 수 있는 사람 수 (선택)'), '30');
    await user.type(screen.getByLabelText('마지막으로 쓸 수 있는 날 (선택)'), '2099-12-31');
    await user.click(screen.getByRole('button', { name: '코드 만들기' }));

    expect(await screen.findByText('새 참여 코드 ABCDE-FGHJK를 만들었어요.')).toBeInTheDocument();
    const body = api.callsTo('POST', `/cohorts/${COHORT_ID}/join-codes`)[0]?.body as {
      maxUses: number;
      expiresAt: string;
    };
    expect(body.maxUses).toBe(30);
    expect(new Date(body.expiresAt).getFullYear()).toBe(2099);
    const row = (await screen.findByRole('rowheader', { name: 'ABCDE-FGHJK' })).closest('tr')!;
    expect(row).toHaveTextContent('쓸 수 있음');
    expect(row).toHaveTextContent('30명 중 3명');
    expect(within(row).getByRole('link', { name: '뽑아서 나눠 주기' })).toHaveAttribute(
      'href',
      `/program/cohorts/${COHORT_ID}/codes/${code().id}`,
    );
  });

  it('revokes a code only after asking', async () => {
    let items = [code()];
    const api = mockApi({
      ...base,
      [`GET /cohorts/${COHORT_ID}/join-codes`]: () => ({ status: 200, body: { items } }),
      [`POST /cohorts/${COHORT_ID}/join-codes/${code().id}/revoke`]: () => {
        items = [code({ revokedAt: '2026-11-03T09:00:00.000Z', usable: false })];
        return { status: 200, body: items[0] };
      },
    });
    renderApp(page('codes'));
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: '사용 중지하기' }));
    expect(api.callsTo('POST', `/cohorts/${COHORT_ID}/join-codes/${code().id}/revoke`)).toHaveLength(0);
    expect(screen.getByText(/ABCDE-FGHJK 코드를 더 이상 못 쓰게 할까요/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '네, 중지하기' }));
    expect(await screen.findByText('ABCDE-FGHJK 코드를 사용 중지했어요.')).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getByRole('rowheader', { name: 'ABCDE-FGHJK' }).closest('tr')).toHaveTextContent('사용 중지됨'),
    );
    expect(screen.queryByRole('button', { name: '사용 중지하기' })).not.toBeInTheDocument();
  });
});

describe('cohort: many learners at once', () => {
  it('lists the problems of a CSV by line, translated, and makes nothing', async () => {
    mockApi({
      ...base,
      [`POST /cohorts/${COHORT_ID}/learners/import`]: apiError(400, 'validation_failed', {
        fields: [
          { path: 'csv.line.2.username', message: 'is already taken' },
          { path: 'csv.line.3.username', message: 'is the same as on line 2' },
          { path: 'csv.line.4.language', message: 'must be ko, en or zh' },
          { path: 'csv.line.5.displayName', message: 'must not contain control characters' },
        ],
      }),
    });
    renderApp(page('import'));
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('CSV 내용', {}), 'username,displayName{Enter}hana,하나');
    await user.click(screen.getByRole('button', { name: '계정 만들기' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('고칠 곳이 4군데 있어요. 아무 계정도 만들지 않았어요.');
    const items = within(alert)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items).toEqual([
      '2번째 줄 사용자 이름: 이미 쓰고 있는 사용자 이름이에요.',
      '3번째 줄 사용자 이름: 2번째 줄과 같은 사용자 이름이에요.',
      '4번째 줄 언어: ko, en, zh 중 하나로 써 주세요.',
      // A reason we have no words for is shown as the API said it.
      '5번째 줄 보이는 이름: must not contain control characters',
    ]);
    expect(screen.queryByTestId('slip')).not.toBeInTheDocument();
  });

  it('makes the accounts and shows one printable slip per learner with the one-time code and where to go', async () => {
    const api = mockApi({
      ...base,
      [`POST /cohorts/${COHORT_ID}/learners/import`]: {
        status: 201,
        body: {
          created: [
            {
              userId: LEARNER_ID,
              username: 'hana.kim',
              displayName: '하나',
              code: 'ABCD-EFGH-JKMN',
              expiresAt: '2026-12-01T09:00:00.000Z',
            },
            {
              userId: '3c1d2e4f-5a6b-4c7d-8e9f-0a1b2c3d5002',
              username: 'min.lee',
              displayName: '민',
              code: 'PQRS-TUVW-XYZ2',
              expiresAt: '2026-12-01T09:00:00.000Z',
            },
          ],
        },
      },
    });
    renderApp(page('import'));
    const user = userEvent.setup();
    const csv = 'username,displayName,language\nhana.kim,하나,ko\nmin.lee,민,zh';
    const file = new File([csv], 'learners.csv', { type: 'text/csv' });
    await user.upload(await screen.findByLabelText('CSV 파일 고르기', {}), file);
    await waitFor(() => expect(screen.getByLabelText('CSV 내용')).toHaveValue(csv));
    await user.click(screen.getByRole('button', { name: '계정 만들기' }));

    expect(await screen.findByText('학습자 2명의 계정을 만들었어요.')).toBeInTheDocument();
    expect(api.callsTo('POST', `/cohorts/${COHORT_ID}/learners/import`)[0]?.body).toEqual({ csv });
    const slips = screen.getAllByTestId('slip');
    expect(slips).toHaveLength(2);
    expect(slips[0]).toHaveTextContent('하나 님, 다리에 오신 것을 환영해요');
    expect(slips[0]).toHaveTextContent('hana.kim');
    expect(slips[0]).toHaveTextContent('ABCD-EFGH-JKMN');
    expect(slips[0]).toHaveTextContent(`${window.location.origin}/reset-code`);
    expect(slips[1]).toHaveTextContent('PQRS-TUVW-XYZ2');
    expect(screen.getByText('코드는 지금 한 번만 보여요.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '쪽지 인쇄하기' })).toBeInTheDocument();
  });
});

describe('cohort: a CSV saved by Korean Excel', () => {
  const ascii = (text: string) => Array.from(text, (c) => c.charCodeAt(0));
  // "username,displayName\nhaneul,하늘\nbada,바다\n" as Excel's "CSV (쉼표로 분리)" saves it: CP949 (하늘 C7 CF B4 C3, 바다 B9 D9 B4 D9).
  const CP949 = Uint8Array.from([
    ...ascii('username,displayName\nhaneul,'),
    0xc7,
    0xcf,
    0xb4,
    0xc3,
    ...ascii('\nbada,'),
    0xb9,
    0xd9,
    0xb4,
    0xd9,
    0x0a,
  ]);

  it('reads the names right, says how it read the file, and sends what the manager saw', async () => {
    const api = mockApi({
      ...base,
      [`POST /cohorts/${COHORT_ID}/learners/import`]: {
        status: 201,
        body: {
          created: [
            {
              userId: LEARNER_ID,
              username: 'haneul',
              displayName: '하늘',
              code: 'ABCD-EFGH-JKMN',
              expiresAt: '2026-12-01T09:00:00.000Z',
            },
          ],
        },
      },
    });
    renderApp(page('import'));
    const user = userEvent.setup();
    await user.upload(
      await screen.findByLabelText('CSV 파일 고르기', {}),
      new File([CP949], 'learners.csv', { type: 'text/csv' }),
    );
    const csv = 'username,displayName\nhaneul,하늘\nbada,바다\n';
    await waitFor(() => expect(screen.getByLabelText('CSV 내용')).toHaveValue(csv));
    expect(screen.getByTestId('read-as')).toHaveTextContent(
      "learners.csv 파일은 한국어 Windows 형식(CP949, 엑셀의 'CSV (쉼표로 분리)')이라 그 형식으로 읽었어요.",
    );
    expect(screen.getByTestId('read-as')).toHaveTextContent('이름이 바르게 보이는지 확인한 뒤 계정을 만드세요.');
    await user.click(screen.getByRole('button', { name: '계정 만들기' }));
    expect(await screen.findByText('학습자 1명의 계정을 만들었어요.')).toBeInTheDocument();
    expect(api.callsTo('POST', `/cohorts/${COHORT_ID}/learners/import`)[0]?.body).toEqual({ csv });
  });

  it('drops the BOM of a UTF-8 file', async () => {
    mockApi(base);
    renderApp(page('import'));
    const user = userEvent.setup();
    const utf8 = new TextEncoder().encode('username,displayName\nhaneul,하늘\n');
    await user.upload(
      await screen.findByLabelText('CSV 파일 고르기', {}),
      new File([Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8])], 'utf8.csv', { type: 'text/csv' }),
    );
    await waitFor(() => expect(screen.getByLabelText('CSV 내용')).toHaveValue('username,displayName\nhaneul,하늘\n'));
    expect(screen.getByTestId('read-as')).toHaveTextContent('utf8.csv 파일을 읽었어요.');
  });

  it('refuses a UTF-16 file and a file in no known encoding with a way out, and leaves nothing to send', async () => {
    const api = mockApi(base);
    renderApp(page('import'));
    const user = userEvent.setup();
    const input = await screen.findByLabelText('CSV 파일 고르기', {});
    await user.type(screen.getByLabelText('CSV 내용'), 'old text');
    await user.upload(
      input,
      new File([Uint8Array.from([0xff, 0xfe, 0x75, 0x00, 0x73, 0x00])], 'unicode.csv', { type: 'text/csv' }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      "UTF-16(엑셀의 '유니코드 텍스트')으로 저장되어 있어 읽지 않았어요. 엑셀에서 'CSV UTF-8(쉼표로 분리)'로 다시 저장한 뒤 골라 주세요.",
    );
    expect(screen.getByLabelText('CSV 내용')).toHaveValue('');
    expect(screen.getByRole('button', { name: '계정 만들기' })).toBeDisabled();

    await user.upload(
      input,
      new File([Uint8Array.from([...ascii('name\nJos'), 0xe9])], 'latin1.csv', { type: 'text/csv' }),
    );
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent(
        '파일의 글자 형식을 알아볼 수 없어서 읽지 않았어요. 계정은 만들지 않았어요.',
      ),
    );
    expect(screen.queryByTestId('read-as')).not.toBeInTheDocument();
    expect(api.callsTo('POST', `/cohorts/${COHORT_ID}/learners/import`)).toHaveLength(0);
  });

  it('says in the manager’s language when the API finds garbled text (pasted from a program that misread the file)', async () => {
    mockApi({
      ...base,
      [`POST /cohorts/${COHORT_ID}/learners/import`]: apiError(400, 'validation_failed', {
        fields: [
          {
            path: 'csv.line.2.displayName',
            message:
              'contains characters from a wrong text encoding (such as U+FFFD): save the file as "CSV UTF-8" and choose it again',
          },
        ],
      }),
    });
    renderApp(page('import'));
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('CSV 내용', {}), 'username,displayName{Enter}haneul,\uFFFD\uFFFD');
    await user.click(screen.getByRole('button', { name: '계정 만들기' }));
    const alert = await screen.findByRole('alert');
    expect(
      within(alert)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      "2번째 줄 보이는 이름: 글자가 깨져 있어요(다른 글자 형식으로 읽힌 파일). 'CSV UTF-8'로 저장해 다시 골라 주세요.",
    ]);
  });
});

describe('cohort: progress grid', () => {
  it('marks learners at risk and overdue courses in words, links each learner, and filters at-risk learners', async () => {
    const api = mockApi({
      ...base,
      [`GET /reports/cohorts/${COHORT_ID}`]: (req) => ({
        status: 200,
        body:
          req.query.get('atRisk') === 'true'
            ? { ...makeGrid(), learners: makeGrid().learners.slice(0, 1), total: 1 }
            : makeGrid(),
      }),
    });
    renderApp(page('progress'));
    const table = await screen.findByRole('table', { name: '2027 봄 아카데미 학습자별 과정 진도' });
    const columns = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(columns).toEqual(['학습자', '마지막으로 배운 날', '인권의 기초마감 2026. 1. 15.', '생활 속의 권리']);

    const saebyeol = within(table).getByRole('rowheader', { name: /새별/ });
    expect(saebyeol).toHaveTextContent('주의 필요');
    expect(within(saebyeol).getByRole('link', { name: '새별' })).toHaveAttribute(
      'href',
      `/program/learners/${LEARNER_ID}`,
    );
    const cells = within(saebyeol.closest('tr')!)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(cells).toEqual(['아직 없음', '40% 기한 지남', '등록 안 됨']);

    const hana = within(table).getByRole('rowheader', { name: /하나/ });
    expect(hana).not.toHaveTextContent('주의 필요');
    expect(
      within(hana.closest('tr')!)
        .getAllByRole('cell')
        .map((c) => c.textContent)
        .slice(1),
    ).toEqual(['100% 수료', '10% ']);
    expect(screen.getByText(/14일 넘게 배우지 않았거나 마감일이 지난 과정이 있는 학습자예요/)).toBeInTheDocument();
    // The app's language goes with the download; Excel beside CSV.
    expect(screen.getByRole('link', { name: '진도 CSV 내려받기' })).toHaveAttribute(
      'href',
      `/api/v1/reports/cohorts/${COHORT_ID}/export?lang=ko`,
    );
    expect(screen.getByRole('link', { name: '엑셀 파일(.xlsx)로 내려받기' })).toHaveAttribute(
      'href',
      `/api/v1/reports/cohorts/${COHORT_ID}/export?lang=ko&format=xlsx`,
    );

    const user = userEvent.setup();
    await user.click(screen.getByRole('checkbox', { name: '주의가 필요한 학습자만 보기' }));
    expect(await screen.findByText('주의가 필요한 학습자 1명')).toBeInTheDocument();
    expect(api.calls.at(-1)?.query.toString()).toBe('pageSize=50&atRisk=true');
  });

  it('pages through a large cohort by cursor: next, previous and back to the first page', async () => {
    const second = '3c1d2e4f-5a6b-4c7d-8e9f-0a1b2c3d5002';
    const api = mockApi({
      ...base,
      [`GET /reports/cohorts/${COHORT_ID}`]: (req) => {
        const after = req.query.get('after');
        const before = req.query.get('before');
        const grid = makeGrid();
        if (after === second)
          return {
            status: 200,
            body: {
              ...grid,
              learners: grid.learners.map((l) => ({ ...l, displayName: `${l.displayName} 2` })),
              total: 120,
              nextCursor: second,
              prevCursor: LEARNER_ID,
            },
          };
        if (before) return { status: 200, body: { ...grid, total: 120, nextCursor: second, prevCursor: null } };
        return { status: 200, body: { ...grid, total: 120, nextCursor: second, prevCursor: null } };
      },
    });
    renderApp(page('progress'));
    const pager = await screen.findByRole('navigation', { name: '쪽 넘기기' });
    expect(pager).toHaveTextContent('120명 중 1–2번째');
    expect(within(pager).getByRole('button', { name: '이전' })).toBeDisabled();
    expect(within(pager).getByRole('button', { name: '처음으로' })).toBeDisabled();
    const user = userEvent.setup();
    await user.click(within(pager).getByRole('button', { name: '다음' }));
    expect(await screen.findByRole('rowheader', { name: /새별 2/ })).toBeInTheDocument();
    expect(api.calls.at(-1)?.query.get('after')).toBe(second);
    expect(api.calls.at(-1)?.query.has('page')).toBe(false);
    expect(screen.getByRole('navigation', { name: '쪽 넘기기' })).toHaveTextContent('120명 중 3–4번째');
    await user.click(screen.getByRole('button', { name: '이전' }));
    await waitFor(() => expect(api.calls.at(-1)?.query.get('before')).toBe(LEARNER_ID));
    await waitFor(() => expect(screen.queryByRole('rowheader', { name: /새별 2/ })).not.toBeInTheDocument());
    expect(screen.getByRole('navigation', { name: '쪽 넘기기' })).toHaveTextContent('120명 중 1–2번째');
    await user.click(screen.getByRole('button', { name: '다음' }));
    await user.click(await screen.findByRole('button', { name: '처음으로' }));
    await waitFor(() => expect(api.calls.at(-1)?.query.toString()).toBe('pageSize=50'));
  }, 15_000);
});

describe('cohort: courses', () => {
  it('assigns a published course with a due date', async () => {
    const api = mockApi({
      ...base,
      [`GET /cohorts/${COHORT_ID}`]: { status: 200, body: makeCohort({ courses: [] }) },
      'GET /authoring/courses': {
        status: 200,
        body: {
          items: [{ id: COURSE_A, slug: 'human-rights-basics', title: { ko: '인권의 기초' }, status: 'published' }],
          total: 1,
          page: 1,
          pageSize: 100,
        },
      },
      [`PUT /cohorts/${COHORT_ID}/courses`]: { status: 200, body: makeCohort() },
    });
    renderApp(page('courses'));
    expect(await screen.findByText('아직 배정한 과정이 없어요.', {})).toBeInTheDocument();
    const user = userEvent.setup();
    await user.selectOptions(await screen.findByRole('combobox', { name: '과정' }), COURSE_A);
    await user.type(screen.getByLabelText('마감일 (선택)'), '2027-04-30');
    await user.click(screen.getByRole('button', { name: '배정하기' }));
    expect(await screen.findByText("'인권의 기초' 과정을 배정했어요.")).toBeInTheDocument();
    expect(api.callsTo('PUT', `/cohorts/${COHORT_ID}/courses`)[0]?.body).toEqual({
      courseId: COURSE_A,
      dueOn: '2027-04-30',
    });
    expect(api.callsTo('GET', '/authoring/courses')[0]?.query.get('status')).toBe('published');
  });

  it("shows someone else's cohort as not found", async () => {
    mockApi({
      'GET /me': { status: 200, body: makeMe('manager') },
      [`GET /cohorts/${COHORT_ID}`]: apiError(404, 'not_found'),
    });
    renderApp(page('overview'));
    expect(await screen.findByRole('alert', {})).toHaveTextContent('찾는 내용이 없어요.');
  });
});
