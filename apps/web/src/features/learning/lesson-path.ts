/** Addresses of the learning pages, in one place. */
export const coursePath = (slug: string) => `/learn/courses/${encodeURIComponent(slug)}`;
export const lessonPath = (slug: string, lessonId: string) =>
  `${coursePath(slug)}/lessons/${encodeURIComponent(lessonId)}`;
export const certificatePath = (id: string) => `/learn/certificates/${encodeURIComponent(id)}`;
export const verifyPath = (code: string) => `/verify/${encodeURIComponent(code)}`;
