import { expect, type APIRequestContext } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { apiAs, createAccount, DEMO, uniqueSlug, type CreatedAccount } from './app';

// A small published course made through the API as demo.instructor (what an instructor would click
// through in the editor): a reading, a content-noted reading, a quiz and a reflection, all required.
export interface SmallCourse {
  slug: string;
  title: string;
  reading: string;
  sensitive: string;
  quiz: string;
  reflection: string;
}

interface AuthorCourse {
  id: string;
  revision: number;
  modules: { id: string }[];
}

async function ok<T>(res: Awaited<ReturnType<APIRequestContext['get']>>): Promise<T> {
  expect(res.status(), `${res.url()}: ${await res.text()}`).toBeLessThan(300);
  return (await res.json()) as T;
}

export async function publishSmallCourse(options: { sequential?: boolean } = {}): Promise<SmallCourse> {
  const api = await apiAs(DEMO.instructor.username);
  try {
    const slug = uniqueSlug('e2e-learn');
    const title = `일터의 권리 ${slug.slice(-5)}`;
    let c = await ok<AuthorCourse>(
      await api.post('/api/v1/authoring/courses', {
        data: { slug, title: { ko: title }, summary: { ko: '일할 때 가지는 권리를 짧게 배워요.' } },
      }),
    );
    c = await ok<AuthorCourse>(
      await api.post(`/api/v1/authoring/courses/${c.id}/modules`, { data: { title: { ko: '일과 계약' } } }),
    );
    const mod = c.modules[0].id;
    const add = async (kind: string, lessonTitle: string, patch: Record<string, unknown>) => {
      const lesson = await ok<{ id: string }>(
        await api.post(`/api/v1/authoring/modules/${mod}/lessons`, { data: { kind, title: { ko: lessonTitle } } }),
      );
      await ok<unknown>(await api.patch(`/api/v1/authoring/lessons/${lesson.id}`, { data: { revision: 0, ...patch } }));
      return lesson.id;
    };
    const reading = await add('reading', '근로계약서', {
      content: { kind: 'reading', body: { ko: '## 계약서를 꼭 받아요\n\n일을 시작하면 근로계약서를 받아요.' } },
    });
    const sensitive = await add('reading', '임금을 못 받았을 때', {
      contentNote: { ko: '부당한 대우에 대한 이야기가 나와요.' },
      content: { kind: 'reading', body: { ko: '## 도움을 받는 곳\n\n고용노동부(1350)에 물어볼 수 있어요.' } },
    });
    const quiz = await add('quiz', '확인 문제', {
      content: {
        kind: 'quiz',
        passMark: 100,
        shuffle: false,
        questions: [
          {
            key: 'q1',
            type: 'single',
            prompt: { ko: '근로계약서는 언제 받나요?' },
            explanation: { ko: '일을 시작할 때 받아요.' },
            options: [
              { key: 'a', text: { ko: '일을 시작할 때' }, correct: true },
              { key: 'b', text: { ko: '그만둘 때' }, correct: false },
            ],
          },
          {
            key: 'q2',
            type: 'true_false',
            prompt: { ko: '최저임금보다 적게 줘도 괜찮아요.' },
            explanation: { ko: '안 돼요. 최저임금은 법으로 정해져 있어요.' },
            answer: false,
          },
        ],
      },
    });
    const reflection = await add('reflection', '나의 일터', {
      content: { kind: 'reflection', prompt: { ko: '어떤 일터에서 일하고 싶나요?' } },
    });
    c = await ok<AuthorCourse>(await api.get(`/api/v1/authoring/courses/${c.id}`));
    await ok<unknown>(
      await api.patch(`/api/v1/authoring/courses/${c.id}`, {
        data: { revision: c.revision, sequential: options.sequential ?? false },
      }),
    );
    await ok<unknown>(await api.post(`/api/v1/authoring/courses/${c.id}/publish`));
    return { slug, title, reading, sensitive, quiz, reflection };
  } finally {
    await api.dispose();
  }
}

/** A certificate as `/me/certificates` gives it: the fields the journeys read. */
export interface EarnedCertificate {
  id: string;
  code: string;
  name: string;
  issuedAt: string;
  credential: { state: string };
}

/**
 * A fresh learner finishes a new small course through the API (what the player would send: the readings
 * done or skipped, the quiz passed, a reflection kept private) and so has its certificate, as
 * `/me/certificates` gives it.
 */
export async function finishSmallCourse(
  usernamePrefix: string,
): Promise<{ learner: CreatedAccount; course: SmallCourse; certificate: EarnedCertificate }> {
  const course = await publishSmallCourse();
  const learner = await createAccount('learner', usernamePrefix);
  const api = await apiAs(learner.username, learner.password);
  try {
    expect((await api.post(`/api/v1/courses/${course.slug}/enrol`, { data: {} })).status()).toBe(200);
    const at = new Date().toISOString();
    const events = [
      { id: randomUUID(), lessonId: course.reading, type: 'completed', occurredAt: at },
      { id: randomUUID(), lessonId: course.sensitive, type: 'skipped', occurredAt: at },
      {
        id: randomUUID(),
        lessonId: course.quiz,
        type: 'quiz_submitted',
        answers: { q1: ['a'], q2: false },
        occurredAt: at,
      },
      {
        id: randomUUID(),
        lessonId: course.reflection,
        type: 'reflection_saved',
        text: '공정한 일터에서 일하고 싶어요.',
        shared: false,
        occurredAt: at,
      },
    ];
    const sent = await api.post('/api/v1/progress/events', { data: { events } });
    expect(sent.status(), await sent.text()).toBeLessThan(300);
    const { items } = (await (await api.get('/api/v1/me/certificates')).json()) as { items: EarnedCertificate[] };
    expect(items, 'the finished course has its certificate').toHaveLength(1);
    return { learner, course, certificate: items[0] };
  } finally {
    await api.dispose();
  }
}
