import { paths } from '@/config/paths';

/** Addresses of the learning pages: kept as names here, built by config/paths.ts. */
export const coursePath = paths.learn.course;
export const lessonPath = paths.learn.lesson;
export const certificatePath = paths.learn.certificate;
export const verifyPath = (code: string) => paths.verify(code);
