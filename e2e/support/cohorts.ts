// Setting up cohorts through the API, as staff would otherwise click through: the instructor keeps a
// published course for cohorts only, a manager makes a cohort, gives it courses and puts people in it.
import { expect, type APIResponse } from '@playwright/test';
import { apiAs, DEMO } from './app';

async function ok<T>(res: APIResponse): Promise<T> {
  expect(res.status(), `${res.url()}: ${await res.text()}`).toBeLessThan(300);
  return (await res.json()) as T;
}

/** The id of a published course (the caller must be able to see it, e.g. while it is still open). */
export async function publishedCourseId(slug: string, username: string = DEMO.instructor.username): Promise<string> {
  const api = await apiAs(username);
  try {
    return (await ok<{ courseId: string }>(await api.get(`/api/v1/courses/${encodeURIComponent(slug)}`))).courseId;
  } finally {
    await api.dispose();
  }
}

/** As demo.instructor: the published course `slug` is open only to the cohorts it is assigned to. Returns its id. */
export async function restrictToCohorts(slug: string): Promise<string> {
  const courseId = await publishedCourseId(slug);
  const api = await apiAs(DEMO.instructor.username);
  try {
    const { revision } = await ok<{ revision: number }>(await api.get(`/api/v1/authoring/courses/${courseId}`));
    const after = await ok<{ enrolmentPolicy: string }>(
      await api.patch(`/api/v1/authoring/courses/${courseId}`, { data: { revision, enrolmentPolicy: 'cohort' } }),
    );
    expect(after.enrolmentPolicy).toBe('cohort');
    return courseId;
  } finally {
    await api.dispose();
  }
}

/** As demo.manager: a new cohort with these courses assigned and these accounts as its learners. Returns its id. */
export async function cohortWithCourses(options: {
  name: string;
  courseIds: string[];
  learnerIds: string[];
}): Promise<string> {
  const api = await apiAs(DEMO.manager.username);
  try {
    const { id } = await ok<{ id: string }>(await api.post('/api/v1/cohorts', { data: { name: options.name } }));
    for (const courseId of options.courseIds)
      await ok<unknown>(await api.put(`/api/v1/cohorts/${id}/courses`, { data: { courseId, dueOn: null } }));
    if (options.learnerIds.length > 0) {
      await ok<unknown>(
        await api.post(`/api/v1/cohorts/${id}/members`, {
          data: { members: options.learnerIds.map((userId) => ({ userId, role: 'learner' })) },
        }),
      );
    }
    return id;
  } finally {
    await api.dispose();
  }
}
