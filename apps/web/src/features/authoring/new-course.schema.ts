import { COURSE_TAGS, ENROLMENT_POLICIES, LOCALES, slugSchema } from '@dari/contracts';
import { z } from 'zod';
import { romanize } from './romanize';

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

/**
 * "Rights at Work!" → "rights-at-work", "인권의 기초" → "ingwonui-gicho": a suggestion the instructor
 * may change; "" when too little usable is left (fewer than 3 letters or digits).
 */
export function suggestSlug(title: string): string {
  const slug = romanize(title.normalize('NFC'))
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
  return slug.replace(/-/g, '').length >= 3 ? slug : '';
}

/** A short random address name, "course-x7k2", for a title that gives nothing usable (say, only Chinese). */
export function randomSlug(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
  const bytes = crypto.getRandomValues(new Uint8Array(4));
  return `course-${Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('')}`;
}

/** The slug the form suggests: from the English title when there is one, else from the Korean title. */
export function slugForTitles(titleKo: string, titleEn: string): string {
  return suggestSlug(titleEn) || suggestSlug(titleKo);
}
