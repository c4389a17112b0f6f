import { COURSE_TAGS, ENROLMENT_POLICIES, LOCALES, slugSchema } from '@dari/contracts';
import { z } from 'zod';

/** The new-course form: flat fields, turned into CreateCourse on submit. */
export const newCourseFormSchema = z.object({
  titleKo: z.string().trim().min(1).max(200),
  titleEn: z.string().trim().max(200),
  slug: slugSchema,
  language: z.enum(LOCALES),
  tags: z.array(z.enum(COURSE_TAGS)).max(10),
  enrolmentPolicy: z.enum(ENROLMENT_POLICIES),
});
export type NewCourseValues = z.output<typeof newCourseFormSchema>;

/** "Rights at Work!" → "rights-at-work": a suggestion the instructor may change. */
export function suggestSlug(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
}
