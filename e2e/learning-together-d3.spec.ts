// Issue 17, "what's due": after a manager assigns a course with a due date and schedules a session, the
// learner sees it first on their home on a phone — days left in plain words, the due date, the next
// lesson, the cohort's coming session in Korea time — and the due date on the course page.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './support/test';
import { apiAs, createAccount, DEMO, signIn } from './support/app';
import { keepScreen } from './support/screens';
import { publishSmallCourse } from './support/small-course';

/** Today's Korea date plus `days`, as YYYY-MM-DD. */
function koreaDay(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(new Date());
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
/** A Korea day as the web shows it in Korean ("2026. 12. 9."). */
const koDay = (day: string) =>
  new Intl.DateTimeFormat('ko', { dateStyle: 'medium', timeZone: 'Asia/Seoul' }).format(
    new Date(`${day}T12:00:00+09:00`),
  );

test('due dates reach the learner on a phone: home first, then the course page', async ({ page }) => {
  const course = await publishSmallCourse();
  const learner = await createAccount('learner', 'e2e.due');
  const dueOn = koreaDay(3);

  // The manager's part, as the cohort page would send it: a cohort, the course due in 3 days, a session.
  const manager = await apiAs(DEMO.manager.username);
  try {
    const cohort = await manager.post('/api/v1/cohorts', { data: { name: `할 일 반 ${dueOn}` } });
    expect(cohort.status(), await cohort.text()).toBe(201);
    const { id } = (await cohort.json()) as { id: string };
    const found = await manager.get(`/api/v1/courses/${course.slug}`);
    const { courseId } = (await found.json()) as { courseId: string };
    const members = await manager.post(`/api/v1/cohorts/${id}/members`, {
      data: { members: [{ userId: learner.id, role: 'learner' }] },
    });
    expect(members.status(), await members.text()).toBe(200);
    const assigned = await manager.put(`/api/v1/cohorts/${id}/courses`, { data: { courseId, dueOn } });
    expect(assigned.status(), await assigned.text()).toBe(200);
    const session = await manager.post(`/api/v1/cohorts/${id}/sessions`, {
      data: { title: '첫 모임', startsAt: `${koreaDay(2)}T19:00:00+09:00`, place: '3층 강의실' },
    });
    expect(session.status(), await session.text()).toBe(201);
  } finally {
    await manager.dispose();
  }

  await signIn(page, learner.username, learner.password);
  await page.goto('/learn');
  // "할 일" comes first: before "my courses" and the catalogue.
  const todo = page.getByRole('region', { name: '할 일' });
  await expect(page.getByRole('heading', { level: 2 }).first()).toHaveText('할 일');
  const card = todo.getByRole('listitem').filter({ hasText: course.title });
  await expect(card).toContainText('3일 남았어요');
  await expect(card).toContainText(`마감일 ${koDay(dueOn)}`);
  await expect(card.getByRole('link', { name: `시작하기 — ${course.title}` })).toHaveAttribute(
    'href',
    new RegExp(`/learn/courses/${course.slug}/lessons/${course.reading}$`),
  );
  await expect(todo).toContainText('첫 모임');
  await expect(todo).toContainText('3층 강의실');
  await expect(todo).toContainText('19:00');
  await expect(todo).toContainText('시간은 모두 한국 시간이에요.');
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  await keepScreen(page, 'todo-home-ko-360');

  await card.getByRole('link', { name: course.title, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: course.title })).toBeVisible();
  await expect(page.getByText(`마감일: ${koDay(dueOn)} · 3일 남았어요`)).toBeVisible();
  await keepScreen(page, 'todo-course-ko-360');
});
