// Issue 17, "questions to the instructor" and "my results", on a phone: a learner asks privately under a
// lesson; the course's instructor answers in their inbox and publishes an edited copy; the learner sees the
// answer; another learner of the course sees the published question and answer without the asker's name.
// Then the learner's results after a quiz attempt: their answers, the right ones and why — after a reload too.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './support/test';
import { apiAs, createAccount, signIn } from './support/app';
import { keepScreen } from './support/screens';
import { publishSmallCourse } from './support/small-course';

test('a question asked → answered → published anonymously; results reviewed after a reload', async ({
  page,
  pageAs,
}) => {
  const course = await publishSmallCourse();
  const asker = await createAccount('learner', 'e2e.ask');
  const classmate = await createAccount('learner', 'e2e.mate');
  for (const who of [asker, classmate]) {
    const api = await apiAs(who.username, who.password);
    try {
      const res = await api.post(`/api/v1/courses/${course.slug}/enrol`, { data: {} });
      expect(res.status(), await res.text()).toBeLessThan(300);
    } finally {
      await api.dispose();
    }
  }

  // The learner asks under the lesson, privately, with something that would identify them.
  const original = `저는 ${asker.displayName}이고 청진에서 왔어요. 근로계약서는 꼭 써야 하나요?`;
  await signIn(page, asker.username, asker.password);
  await page.goto(`/learn/courses/${course.slug}/lessons/${course.reading}`);
  const section = page.getByRole('region', { name: '질문과 답' });
  await section.getByLabel('강사에게 묻기').fill(original);
  await section.getByRole('button', { name: '질문 보내기' }).click();
  await expect(section.getByText('질문을 보냈어요.', { exact: false })).toBeVisible();
  await expect(section.getByText('답을 기다리는 중', { exact: false })).toBeVisible();

  // The course's instructor answers in their inbox, then publishes it in their own words.
  const teacher = await pageAs('instructor');
  await teacher.goto('/teach/questions');
  const item = teacher.getByRole('listitem').filter({ hasText: original });
  await expect(item).toBeVisible();
  await expect(item).not.toContainText(asker.username);
  await item.getByLabel('답', { exact: true }).fill('네, 일을 시작할 때 꼭 써서 한 부를 받아요.');
  await item.getByRole('button', { name: '답하기' }).click();
  await expect(item.getByText('답변 완료')).toBeVisible();
  await item.getByRole('button', { name: '수업에 공개하기…' }).click();
  await item.getByLabel('공개할 질문').fill('근로계약서는 꼭 써야 하나요?');
  await item.getByRole('button', { name: '공개하기', exact: true }).click();
  await expect(item.getByText('수업에 공개함', { exact: false })).toBeVisible();

  // The asker sees the answer under the lesson (their inbox gets question_answered, see the API test).
  await page.reload();
  await expect(section.getByText('네, 일을 시작할 때 꼭 써서 한 부를 받아요.').first()).toBeVisible();
  await expect(section.getByText('답변 완료', { exact: false })).toBeVisible();

  // Another learner of the course sees the published question and answer — not the original, not who asked.
  const mate = await pageAs('learner');
  await mate.context().clearCookies();
  await signIn(mate, classmate.username, classmate.password);
  await mate.goto(`/learn/courses/${course.slug}/lessons/${course.reading}`);
  const mateSection = mate.getByRole('region', { name: '질문과 답' });
  await expect(mateSection.getByText('근로계약서는 꼭 써야 하나요?', { exact: false })).toBeVisible();
  await expect(mateSection).not.toContainText('청진');
  await expect(mateSection).not.toContainText(asker.displayName);
  await keepScreen(mate, 'lesson-qa-ko-360');

  // My results: one quiz attempt (one right, one wrong), then the results page, then a reload.
  const api = await apiAs(asker.username, asker.password);
  try {
    const res = await api.post('/api/v1/progress/events', {
      data: {
        events: [
          {
            id: crypto.randomUUID(),
            lessonId: course.quiz,
            type: 'quiz_submitted',
            occurredAt: new Date().toISOString(),
            answers: { q1: ['a'], q2: true },
          },
        ],
      },
    });
    expect(res.status(), await res.text()).toBe(200);
  } finally {
    await api.dispose();
  }
  await page.goto('/learn');
  await page.getByRole('link', { name: '내 성적' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '내 성적' })).toBeVisible();
  for (const round of ['first', 'after reload']) {
    const card = page.getByRole('region', { name: course.title });
    await expect(card, round).toContainText('건너뛴 수업 0개');
    await expect(card).toContainText('최고 점수 50점 (통과 점수 100점)');
    await expect(card).toContainText('아직 통과 전');
    await expect(card).toContainText('정답: 아니다');
    await expect(card).toContainText('안 돼요. 최저임금은 법으로 정해져 있어요.');
    if (round === 'first') await page.reload();
  }
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  await keepScreen(page, 'results-ko-360');
});
